/**
 * The peer's bench page: a document rendered as plain paragraphs, annotated
 * by @recogito/text-annotator with its default (SPANS) renderer, its W3C
 * adapter and a style function. Driven by bench/peer-bench.ts.
 */
import { createTextAnnotator, W3CTextFormat, type TextAnnotator, type W3CTextAnnotation } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

interface BenchDocument {
  text: string;
  annotations: W3CTextAnnotation[];
}

const COLOURS: Record<string, string> = { actor: '#2563eb', 'policy-body': '#059669', position: '#d97706', date: '#db2777' };
const UNDERLINES: Record<string, string> = { actor: 'solid', 'policy-body': 'dashed', position: 'dotted', date: 'double' };

const docId = new URLSearchParams(location.search).get('doc') ?? '';
const host = document.getElementById('host')!;
let anno: TextAnnotator<W3CTextAnnotation, W3CTextAnnotation> | null = null;
let container: HTMLElement | null = null;
let tagCount = 0;
let lastTag: string | null = null;
let loadMode: 'replace' | 'upsert' = 'replace';

function labelOf(annotation: { bodies?: Array<{ purpose?: string; value?: string }> }): string {
  return annotation.bodies?.find((b) => b.purpose === 'tagging')?.value ?? 'actor';
}

/** Paragraphs as `<p>` elements keeping their line endings, so text offsets equal the document's. */
function renderText(text: string): HTMLElement {
  const el = document.createElement('article');
  el.className = 'doc';
  const parts = text.split(/(?<=\n\n)/);
  const fragment = document.createDocumentFragment();
  for (const part of parts) {
    const p = document.createElement('p');
    p.textContent = part;
    fragment.appendChild(p);
  }
  el.appendChild(fragment);
  return el;
}

async function open(): Promise<void> {
  const response = await fetch(`/doc/${docId}.json`);
  const doc = (await response.json()) as BenchDocument;
  container = renderText(doc.text);
  host.appendChild(container);
  anno = createTextAnnotator<W3CTextAnnotation, W3CTextAnnotation>(container, {
    adapter: W3CTextFormat('bench', container),
    annotatingEnabled: false,
    style: (annotation) => {
      const label = labelOf(annotation as never);
      return { fill: COLOURS[label], fillOpacity: 0.14, underlineColor: COLOURS[label], underlineStyle: UNDERLINES[label], underlineThickness: 2, underlineOffset: 2 };
    },
  });
  anno.setAnnotations(doc.annotations, loadMode === 'replace');
}

function close(): void {
  anno?.destroy();
  anno = null;
  container?.remove();
  container = null;
  window.scrollTo(0, 0);
}

/** Tags the current selection with `label` through the peer's public API; returns the new annotation's id. */
function tagSelection(label: string): string | null {
  const selection = window.getSelection();
  if (!anno || !container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  const exact = range.toString();
  const id = `tag-${++tagCount}`;
  anno.addAnnotation({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'tagging', value: label }],
    target: { source: 'bench', selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
  } as unknown as W3CTextAnnotation);
  selection.removeAllRanges();
  lastTag = id;
  return id;
}

document.getElementById('open')!.addEventListener('click', () => void open());
document.addEventListener('keydown', (event) => {
  if (event.key === '4') tagSelection('date');
});

const peer = {
  close,
  setLoadMode(mode: 'replace' | 'upsert') {
    loadMode = mode;
  },
  lastTag: () => lastTag,
  removeAnnotation(id: string) {
    anno?.removeAnnotation(id);
  },
  count: () => anno?.getAnnotations().length ?? 0,
  /** Selects the first occurrence of `needle` in one text node of the document. */
  select(needle: string): boolean {
    if (!container) return false;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const at = n.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return true;
    }
    return false;
  },
};

declare global {
  interface Window {
    __peer: typeof peer;
  }
}
window.__peer = peer;
