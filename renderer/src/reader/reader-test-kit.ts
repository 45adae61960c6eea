/**
 * For the reader's Node tests: a document view, an editor state holder that
 * stands in for the `EditorView` (state plus dispatch, as CodeMirror's own
 * tests use), and a store on the far side of the IPC boundary whose answers
 * the test releases one at a time, so races can be played out in order.
 * The store builds its changes with the engine's own functions.
 */
import { EditorState, Transaction, type TransactionSpec } from '@codemirror/state';
import { applyChange, createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { DEFAULT_LABELS, defaultLabelSchema } from '../../../annotations/labels';
import { OWN_LAYER_ID, type Annotation, type AnnotationChange, type LabelSchema } from '../../../annotations/model';
import { withRelationsOfRemovedSpans, applyLayerChange } from '../../../annotations/relations/layer-change';
import { createRelation } from '../../../annotations/relations/relation';
import { fail, type Result } from '../../../annotations/result';
import type { DocumentChange, DocumentView } from '../../../shared/library';
import { createReaderState } from './reader-extensions';
import { ReaderSession, type EditorTarget, type ReaderTransport } from './reader-session';

export const NOW = '2026-11-30T09:00:00.000Z';

/** Texts that count UTF-16 code units differently from characters: CRLF, Hangul, emoji. */
export const TEXTS = [
  'Seoul and Washington met in Geneva on 3 May.\r\nBoth sides agreed to keep talking.',
  '서울과 워싱턴은 5월 3일 제네바에서 만났다. The envoys spoke for an hour.',
  'The envoy 🇰🇷 spoke first 🤝 and the working group 👥 met after lunch.',
];

/** A document view of `text` whose own layer holds `annotations`. */
export function viewOf(text: string, annotations: Annotation[] = []): DocumentView {
  const document = createDocument({ title: 'Talks', source: 'talks.txt', text, now: NOW, id: 'doc-1' });
  return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'ana', annotations }], decisions: [], updatedAt: NOW, undoLabel: null, redoLabel: null };
}

/** An annotation of the `occurrence`-th `word` in `text`. */
export function annotate(text: string, word: string, labelId: string, id: string, occurrence = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(word, start + 1);
  if (start < 0) throw new Error(`no ${word}`);
  const made = createAnnotation(text, { documentId: 'doc-1', start, end: start + word.length, labelId, author: 'ana', now: NOW, id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/** Holds an editor state and applies what is dispatched to it, like an `EditorView` without a DOM. */
export class StateHolder implements EditorTarget {
  state: EditorState;
  constructor(state: EditorState) {
    this.state = state;
  }
  /** Bound, as `EditorView.dispatch` is; takes a transaction or specs. */
  dispatch = (...specs: Array<TransactionSpec | Transaction>): void => {
    const [first] = specs;
    this.state = first instanceof Transaction ? first.state : this.state.update(...(specs as TransactionSpec[])).state;
  };
}

interface Held {
  method: string;
  release(): void;
}

/**
 * The store side of the reader's calls. Each call is answered only when the
 * test releases it (`answerNext`), or at once when `autoAnswer` is on; `refuse`
 * makes the next answer a refusal.
 */
export class ScriptedStore implements ReaderTransport {
  view: DocumentView;
  readonly calls: string[] = [];
  readonly held: Held[] = [];
  autoAnswer = false;
  private refusal: string | null = null;
  private ids = 0;

  constructor(view: DocumentView) {
    this.view = view;
  }

  /** The next answer is a refusal with this message. */
  refuseNext(message: string): void {
    this.refusal = message;
  }

  /** Releases the oldest held call and waits for the reader to handle the answer. */
  async answerNext(): Promise<void> {
    // Calls leave the reader's queue a microtask after they are made.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const next = this.held.shift();
    if (!next) throw new Error('no call is waiting');
    next.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  private answer<T>(method: string, make: () => Result<T>): Promise<Result<T>> {
    this.calls.push(method);
    return new Promise((resolve) => {
      const release = () => {
        if (this.refusal !== null) {
          const message = this.refusal;
          this.refusal = null;
          resolve(fail<T>('conflict', message));
        } else resolve(make());
      };
      if (this.autoAnswer) release();
      else this.held.push({ method, release });
    });
  }

  private own(): Annotation[] {
    return this.view.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations;
  }

  private commit(removed: Annotation[], added: Annotation[], undoLabel: string): Result<DocumentChange> {
    const applied = applyChange(this.own(), { removed, added });
    if (!applied.ok) return applied;
    this.view = { ...this.view, layers: this.view.layers.map((l) => (l.id === OWN_LAYER_ID ? { ...l, annotations: applied.value } : l)), undoLabel };
    return { ok: true, value: { documentId: this.view.document.id, layerId: OWN_LAYER_ID, removed, added, updatedAt: NOW, undoLabel, redoLabel: null } };
  }

  addAnnotations: ReaderTransport['addAnnotations'] = (input) =>
    this.answer('addAnnotations', () => {
      const added: Annotation[] = [];
      for (const s of input.spans) {
        const made = createAnnotation(this.view.document.text, { documentId: input.documentId, start: s.start, end: s.end, labelId: s.labelId, author: 'ana', now: NOW, id: `ann-new-${++this.ids}` });
        if (!made.ok) return made;
        added.push(made.value);
      }
      return this.commit([], added, 'Tag');
    });

  deleteAnnotations: ReaderTransport['deleteAnnotations'] = (input) =>
    this.answer('deleteAnnotations', () => this.commitLayer({ removed: this.own().filter((a) => input.annotationIds.includes(a.id)), added: [] }, 'Delete'));

  updateAnnotation: ReaderTransport['updateAnnotation'] = (input) =>
    this.answer('updateAnnotation', () => {
      const before = this.own().find((a) => a.id === input.annotationId);
      if (!before) return fail('not-found', 'No such annotation.');
      const after: Annotation = { ...before, ...(input.labelId ? { labelId: input.labelId } : {}), ...(input.note !== undefined ? (input.note === null ? { note: undefined } : { note: input.note }) : {}) };
      if (input.attributes) {
        const attributes = { ...before.attributes };
        for (const [id, value] of Object.entries(input.attributes)) {
          if (value === null) delete attributes[id];
          else attributes[id] = value;
        }
        after.attributes = attributes;
      }
      if (input.entityId !== undefined) {
        if (input.entityId === null) delete after.entityId;
        else after.entityId = input.entityId;
      }
      return this.commit([before], [after], 'Change');
    });

  /** Applies a change with relations to the own layer, as the store does (a deleted span takes its relations). */
  private commitLayer(change: AnnotationChange, undoLabel: string): Result<DocumentChange> {
    const layer = this.view.layers.find((l) => l.id === OWN_LAYER_ID)!;
    const full = withRelationsOfRemovedSpans(layer, change);
    const applied = applyLayerChange(layer, full);
    if (!applied.ok) return applied;
    this.view = { ...this.view, layers: this.view.layers.map((l) => (l.id === OWN_LAYER_ID ? applied.value : l)), undoLabel };
    return {
      ok: true,
      value: {
        documentId: this.view.document.id,
        layerId: OWN_LAYER_ID,
        removed: full.removed,
        added: full.added,
        ...(full.removedRelations?.length ? { removedRelations: full.removedRelations } : {}),
        ...(full.addedRelations?.length ? { addedRelations: full.addedRelations } : {}),
        updatedAt: NOW,
        undoLabel,
        redoLabel: null,
      },
    };
  }

  addRelation: ReaderTransport['addRelation'] = (input) =>
    this.answer('addRelation', () => {
      const layer = this.view.layers.find((l) => l.id === OWN_LAYER_ID)!;
      const made = createRelation(defaultLabelSchema(), layer, { documentId: input.documentId, typeId: input.typeId, sourceId: input.sourceId, targetId: input.targetId, author: 'ana', now: NOW, id: `rel-new-${++this.ids}` });
      if (!made.ok) return made;
      return this.commitLayer({ removed: [], added: [], addedRelations: [made.value] }, 'Link');
    });

  deleteRelations: ReaderTransport['deleteRelations'] = (input) =>
    this.answer('deleteRelations', () => {
      const relations = this.view.layers.find((l) => l.id === OWN_LAYER_ID)!.relations ?? [];
      return this.commitLayer({ removed: [], added: [], removedRelations: relations.filter((r) => input.relationIds.includes(r.id)) }, 'Unlink');
    });

  undo: ReaderTransport['undo'] = () => this.answer('undo', () => fail<DocumentChange>('invalid-input', 'Nothing to undo.'));
  redo: ReaderTransport['redo'] = () => this.answer('redo', () => fail<DocumentChange>('invalid-input', 'Nothing to redo.'));
  getDocument: ReaderTransport['getDocument'] = () => this.answer('getDocument', () => ({ ok: true, value: this.view }));
}

/** A reader session over `view`, its editor state holder, the store, and what it reported. */
export function openReader(view: DocumentView, schema: LabelSchema = { labels: [...DEFAULT_LABELS] }) {
  const store = new ScriptedStore(view);
  const errors: string[] = [];
  const views: DocumentView[] = [];
  const session = new ReaderSession({ api: store, view, onViewChange: (v) => views.push(v), onError: (m) => errors.push(m) });
  const editor = new StateHolder(createReaderState({ session, text: view.document.text, title: view.document.title, labels: schema.labels, relationTypes: schema.relationTypes, snapMode: 'words', author: 'ana' }));
  session.attach(editor);
  return { store, session, editor, errors, views };
}
