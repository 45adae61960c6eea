/**
 * Strict structural checks of W3C Web Annotation JSON-LD, written from the
 * Web Annotation Data Model (https://www.w3.org/TR/annotation-model/). They
 * cover what the model requires of an annotation, its bodies, targets,
 * specific resources and selectors, so that malformed annotations are
 * rejected on import with a message per fault.
 */
import { has, isRecord, own } from './json-limits';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** One fault: the JSON path and what is wrong there. */
export interface W3cFault {
  path: string;
  message: string;
}

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const COMPOSITES = ['Choice', 'Composite', 'List', 'Independents'];

/** True for a string that is an absolute IRI (scheme, colon, no spaces). */
export function isUri(value: unknown): value is string {
  return typeof value === 'string' && URI.test(value);
}

function types(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  return [];
}

/** Checks one annotation. `contextInherited` is true for items of a collection or page that declares the context. */
export function validateW3cAnnotation(value: unknown, path = '$', contextInherited = false): W3cFault[] {
  const faults: W3cFault[] = [];
  const add = (p: string, message: string): void => {
    faults.push({ path: p, message });
  };
  if (!isRecord(value)) {
    add(path, 'an annotation must be a JSON object');
    return faults;
  }
  if (has(value, '@context')) {
    if (!contextHasAnno(own(value, '@context'))) add(`${path}.@context`, `must be or include "${ANNO_CONTEXT}"`);
  } else if (!contextInherited) {
    add(`${path}.@context`, 'is missing');
  }
  checkId(value, path, add, true);
  if (!types(own(value, 'type')).includes('Annotation')) add(`${path}.type`, 'must be "Annotation"');
  if (!has(value, 'target')) add(`${path}.target`, 'is missing');
  else checkResources(own(value, 'target'), `${path}.target`, add, false);
  if (has(value, 'body') && has(value, 'bodyValue')) add(path, 'must not have both body and bodyValue');
  if (has(value, 'bodyValue') && typeof own(value, 'bodyValue') !== 'string') add(`${path}.bodyValue`, 'must be a single string');
  if (has(value, 'body')) checkResources(own(value, 'body'), `${path}.body`, add, true);
  checkCommon(value, path, add);
  checkAgents(value, 'creator', path, add);
  checkAgents(value, 'generator', path, add);
  if (has(value, 'motivation')) {
    const m = own(value, 'motivation');
    const list = Array.isArray(m) ? m : [m];
    if (list.length === 0 || list.some((x) => typeof x !== 'string')) add(`${path}.motivation`, 'must be a string or a list of strings');
  }
  return faults;
}

function contextHasAnno(ctx: unknown): boolean {
  if (ctx === ANNO_CONTEXT) return true;
  return Array.isArray(ctx) && ctx.includes(ANNO_CONTEXT) && ctx.every((c) => typeof c === 'string' || isRecord(c));
}

type Add = (path: string, message: string) => void;

function checkId(o: Record<string, unknown>, path: string, add: Add, required: boolean): void {
  if (!has(o, 'id')) {
    if (required) add(`${path}.id`, 'is missing');
    return;
  }
  const id = own(o, 'id');
  const single = Array.isArray(id) && id.length === 1 ? id[0] : id;
  if (!isUri(single)) add(`${path}.id`, Array.isArray(id) ? 'must be a single IRI' : 'must be an IRI');
}

function checkSingle(o: Record<string, unknown>, key: string, path: string, add: Add, test: (v: unknown) => boolean, what: string): void {
  if (!has(o, key)) return;
  const v = own(o, key);
  const single = Array.isArray(v) && v.length === 1 ? v[0] : v;
  if (!test(single)) add(`${path}.${key}`, `must be ${what}`);
}

function checkCommon(o: Record<string, unknown>, path: string, add: Add): void {
  for (const key of ['created', 'modified', 'generated']) checkSingle(o, key, path, add, (v) => typeof v === 'string' && DATE_TIME.test(v), 'a single xsd:dateTime with a time zone');
  checkSingle(o, 'canonical', path, add, isUri, 'a single IRI');
  for (const key of ['rights', 'via']) {
    if (!has(o, key)) continue;
    const v = own(o, key);
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0 || !list.every(isUri)) add(`${path}.${key}`, 'must be an IRI or a list of IRIs');
  }
}

function checkAgents(o: Record<string, unknown>, key: string, path: string, add: Add): void {
  if (!has(o, key)) return;
  const v = own(o, key);
  const list = Array.isArray(v) ? v : [v];
  if (list.length === 0 || !list.every((a) => isUri(a) || isRecord(a))) add(`${path}.${key}`, 'must be an IRI, an agent object, or a list of them');
  list.forEach((a, i) => {
    if (!isRecord(a)) return;
    const p = Array.isArray(v) ? `${path}.${key}[${i}]` : `${path}.${key}`;
    checkId(a, p, add, false);
    for (const k of ['name', 'nickname']) if (has(a, k) && typeof own(a, k) !== 'string') add(`${p}.${k}`, 'must be a string');
  });
}

function checkResources(value: unknown, path: string, add: Add, isBody: boolean): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) add(path, 'must not be empty');
  list.forEach((r, i) => checkResource(r, Array.isArray(value) ? `${path}[${i}]` : path, add, isBody));
}

function checkResource(r: unknown, path: string, add: Add, isBody: boolean): void {
  if (typeof r === 'string') {
    if (!isUri(r)) add(path, 'must be an IRI or an object');
    return;
  }
  if (!isRecord(r)) {
    add(path, 'must be an IRI or an object');
    return;
  }
  const t = types(own(r, 'type'));
  if (has(r, 'type') && t.length === 0) add(`${path}.type`, 'must be a string or a list of strings');
  checkId(r, path, add, false);
  checkCommon(r, path, add);
  checkAgents(r, 'creator', path, add);
  checkSingle(r, 'textDirection', path, add, (v) => v === 'ltr' || v === 'rtl' || v === 'auto', '"ltr", "rtl" or "auto"');
  checkSingle(r, 'processingLanguage', path, add, (v) => typeof v === 'string', 'a single language tag');
  for (const key of ['format', 'language']) {
    if (!has(r, key)) continue;
    const v = own(r, key);
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0 || list.some((x) => typeof x !== 'string')) add(`${path}.${key}`, 'must be a string or a list of strings');
  }
  if (has(r, 'purpose')) {
    const v = own(r, 'purpose');
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0 || list.some((x) => typeof x !== 'string' || !MOTIVATIONS.includes(x))) add(`${path}.purpose`, `must be one or more of ${MOTIVATIONS.join(', ')}`);
  }
  const composite = t.filter((x) => COMPOSITES.includes(x));
  if (composite.length > 1) add(`${path}.type`, `names ${composite.length} composite types; a resource is at most one of ${COMPOSITES.join(', ')}`);
  if (composite.length === 1) {
    const items = own(r, 'items');
    if (!Array.isArray(items) || items.length === 0) add(`${path}.items`, `a ${composite[0]} must list its items`);
    else items.forEach((it, i) => checkResource(it, `${path}.items[${i}]`, add, isBody));
    return;
  }
  if (has(r, 'items')) add(`${path}.items`, 'only a Choice, Composite, List or Independents may have items (type is missing or wrong)');
  const textual = t.includes('TextualBody') || (!has(r, 'id') && !has(r, 'source') && has(r, 'value'));
  if (t.includes('TextualBody') && !has(r, 'value')) add(`${path}.value`, 'a TextualBody must have a value');
  if (has(r, 'value') && typeof own(r, 'value') !== 'string') add(`${path}.value`, 'must be a single string');
  if (textual && has(r, 'source')) add(`${path}.source`, 'a TextualBody has no source');
  const specific = t.includes('SpecificResource') || has(r, 'selector') || has(r, 'state') || has(r, 'styleClass') || has(r, 'renderedVia') || has(r, 'scope') || (has(r, 'source') && !textual);
  if (specific) {
    if (!has(r, 'source')) add(`${path}.source`, 'a SpecificResource must have a source');
    else checkResource(own(r, 'source'), `${path}.source`, add, isBody);
    if (has(r, 'value')) add(`${path}.value`, 'a SpecificResource has no value');
    if (has(r, 'selector')) checkSelectors(own(r, 'selector'), `${path}.selector`, add);
    if (has(r, 'styleClass')) {
      const v = own(r, 'styleClass');
      const list = Array.isArray(v) ? v : [v];
      if (list.length === 0 || list.some((x) => typeof x !== 'string')) add(`${path}.styleClass`, 'must be a string or a list of strings');
    }
  } else if (!textual && !has(r, 'id')) {
    add(path, 'is neither an IRI, a TextualBody, a SpecificResource nor a resource with an id');
  }
}

function checkSelectors(value: unknown, path: string, add: Add): void {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) add(path, 'must not be empty');
  list.forEach((s, i) => checkSelector(s, Array.isArray(value) ? `${path}[${i}]` : path, add));
}

function isNonNegativeInteger(v: unknown): boolean {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function checkSelector(s: unknown, path: string, add: Add): void {
  if (isUri(s)) return;
  if (!isRecord(s)) {
    add(path, 'a selector must be an object');
    return;
  }
  const type = own(s, 'type');
  if (typeof type !== 'string') {
    add(`${path}.type`, 'a selector must have a type');
    return;
  }
  switch (type) {
    case 'FragmentSelector':
    case 'CssSelector':
    case 'XPathSelector':
      if (typeof own(s, 'value') !== 'string') add(`${path}.value`, `a ${type} must have a single string value`);
      break;
    case 'TextQuoteSelector':
      if (typeof own(s, 'exact') !== 'string') add(`${path}.exact`, 'a TextQuoteSelector must have an exact string');
      for (const k of ['prefix', 'suffix']) if (has(s, k) && typeof own(s, k) !== 'string') add(`${path}.${k}`, 'must be a string');
      break;
    case 'TextPositionSelector':
    case 'DataPositionSelector':
      for (const k of ['start', 'end']) if (!isNonNegativeInteger(own(s, k))) add(`${path}.${k}`, `a ${type} must have a non-negative integer ${k}`);
      break;
    case 'SvgSelector':
      if (!has(s, 'value') && !has(s, 'id')) add(path, 'an SvgSelector must have a value or an id');
      if (has(s, 'value') && typeof own(s, 'value') !== 'string') add(`${path}.value`, 'must be a string');
      break;
    case 'RangeSelector':
      for (const k of ['startSelector', 'endSelector']) {
        if (!has(s, k)) add(`${path}.${k}`, 'a RangeSelector must have it');
        else checkSelector(own(s, k), `${path}.${k}`, add);
      }
      break;
    default:
      break;
  }
  if (has(s, 'refinedBy')) checkSelectors(own(s, 'refinedBy'), `${path}.refinedBy`, add);
}
