/**
 * A small XML element tree for reading interchange files (REFI-QDA's
 * `project.qde`): elements with their attributes, children and text, read
 * with htmlparser2 in XML mode. Namespace prefixes are dropped from element
 * names (`qda:Code` is `Code`). Fails, never throws, on text that is not
 * well-formed enough to be read as one tree.
 */
import { Parser } from 'htmlparser2';
import type { Result } from '../result';
import { fail, ok } from '../result';

/** One element: its local name, attributes as written (entities decoded), child elements and text. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA directly inside it), entities decoded. */
  text: string;
}

/** Deepest nesting read; REFI-QDA code trees are a few levels deep, so this only stops hostile files. */
export const MAX_XML_DEPTH = 256;

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parses `source` into its root element. Fails with `invalid-format` when no
 * root element is found, a closing tag does not match its opening tag, an
 * element is left open, there is more than one root, or nesting passes
 * `MAX_XML_DEPTH`.
 */
export function parseXml(text: string): Result<XmlElement> {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const stack: XmlElement[] = [];
  const roots: XmlElement[] = [];
  const texts: string[][] = [];
  let problem: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (problem) return;
        if (stack.length >= MAX_XML_DEPTH) {
          problem = `elements nest more than ${MAX_XML_DEPTH} levels deep`;
          return;
        }
        const element: XmlElement = { name: localName(name), attributes: { ...attributes }, children: [], text: '' };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(element);
        else roots.push(element);
        stack.push(element);
        texts.push([]);
      },
      ontext(data) {
        if (!problem && stack.length > 0) texts[texts.length - 1]!.push(data);
      },
      onclosetag(name, implied) {
        if (problem) return;
        const open = stack[stack.length - 1];
        // htmlparser2 reports a self-closing tag and an element closed by another's end tag alike as
        // implied; only the first is well-formed, and its source ends in "/>".
        const written = source.slice(parser.startIndex, parser.endIndex + 1);
        const selfClosing = implied && written.startsWith(`<${name}`) && written.endsWith('/>');
        if (!open || (implied && !selfClosing) || open.name !== localName(name)) {
          problem = !open ? `</${name}> closes no element` : written ? `<${open.name}> is closed by ${written}` : `<${open.name}> is never closed`;
          return;
        }
        open.text = texts.pop()!.join('');
        stack.pop();
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  parser.write(source);
  parser.end();
  if (problem) return fail('invalid-format', `not well-formed XML: ${problem}`);
  if (stack.length > 0) return fail('invalid-format', `not well-formed XML: <${stack[stack.length - 1]!.name}> is never closed`);
  if (roots.length !== 1) return fail('invalid-format', roots.length === 0 ? 'not XML: no element found' : `not well-formed XML: ${roots.length} root elements`);
  return ok(roots[0]!);
}

/** The child elements of `element` named `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The first child element of `element` named `name`, if any. */
export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
