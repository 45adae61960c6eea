/**
 * Changes the corpus view makes across documents, undone and redone as one
 * step. Each document keeps its own undo step (the reader can still undo its
 * part alone); this history remembers which documents one batch touched and
 * which spans it added, and undoes or redoes the batch only while every one
 * of those documents still has that batch as its newest step — otherwise it
 * changes nothing and says which document moved on.
 */
import { createAnnotation } from '../../../annotations/annotation';
import { linkKnownNames } from '../../../annotations/entities/entity-names';
import { OWN_LAYER_ID, type Annotation } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { plural } from '../../../annotations/text/plural';
import type { CorpusHistoryState, CorpusStepMoved, TaggedHits } from '../../../shared/corpus';
import type { DocumentChange } from '../../../shared/library';
import type { ParleyStore } from '../store/parley-store';

/** One span to tag: a hit of the library search. */
export interface CorpusSpan {
  documentId: string;
  start: number;
  end: number;
}

interface StepPart {
  documentId: string;
  annotationIds: string[];
}

interface CorpusStep {
  label: string;
  parts: StepPart[];
}

/** Most batches remembered. */
const STEP_LIMIT = 50;

/** The corpus view's history of cross-document steps, kept for the life of the process. */
export class CorpusSteps {
  private undoStack: CorpusStep[] = [];
  private redoStack: CorpusStep[] = [];

  constructor(
    private readonly store: ParleyStore,
    private readonly author: () => string,
    private readonly now: () => string,
  ) {}

  /** What undo and redo would do now. */
  state(): CorpusHistoryState {
    return { undoLabel: this.undoStack.at(-1)?.label ?? null, redoLabel: this.redoStack.at(-1)?.label ?? null };
  }

  /**
   * Tags every span with `labelId` in the own layers, as one step across
   * documents (one undo step in each document, the same label). A span that
   * already has an own span of that label at the same place is skipped.
   * Everything is checked before anything is written: an unknown label or
   * document, or a span outside its text, fails with nothing changed. If a
   * write fails part-way, the documents already tagged are undone again.
   */
  async tag(spans: readonly CorpusSpan[], labelId: string): Promise<Result<TaggedHits>> {
    const label = this.store.getLabels().labels.find((l) => l.id === labelId);
    if (!label) return fail('invalid-input', `there is no label "${labelId}"`);
    const byDocument = new Map<string, CorpusSpan[]>();
    for (const span of spans) byDocument.set(span.documentId, [...(byDocument.get(span.documentId) ?? []), span]);
    const author = this.author();
    const stamp = this.now();
    // Check every span first, so a bad one leaves every document as it was.
    const planned = new Map<string, Annotation[]>();
    for (const [documentId, list] of byDocument) {
      const view = this.store.getDocument(documentId);
      if (!view.ok) return view;
      const own = view.value.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
      const added: Annotation[] = [];
      for (const span of list) {
        if (own.some((a) => a.start === span.start && a.end === span.end && a.labelId === labelId) || added.some((a) => a.start === span.start && a.end === span.end)) continue;
        const created = createAnnotation(view.value.document.text, { documentId, start: span.start, end: span.end, labelId, author, now: stamp });
        if (!created.ok) return fail(created.error.code, `“${view.value.document.title}”, ${span.start}–${span.end}: ${created.error.message}`);
        added.push(created.value);
      }
      if (added.length > 0) planned.set(documentId, added);
    }
    const tagged = [...planned.values()].reduce((n, list) => n + list.length, 0);
    if (tagged === 0) return ok({ tagged: 0, documents: 0, changes: [], history: this.state() });
    const stepLabel = `Tag ${plural(tagged, 'search hit')} in ${plural(planned.size, 'document')} as ${label.name}`;
    const parts: StepPart[] = [];
    const changes: DocumentChange[] = [];
    for (const [documentId, added] of planned) {
      const changed = await this.store.editLayer(documentId, OWN_LAYER_ID, ({ entities }) => ok({ change: { removed: [], added: [...linkKnownNames(added, entities)] }, label: stepLabel }));
      if (!changed.ok) {
        for (const part of parts.reverse()) await this.store.undo(part.documentId);
        return fail(changed.error.code, `nothing was tagged: ${changed.error.message}`);
      }
      parts.push({ documentId, annotationIds: added.map((a) => a.id) });
      changes.push(changed.value);
    }
    this.undoStack = [...this.undoStack, { label: stepLabel, parts }].slice(-STEP_LIMIT);
    this.redoStack = [];
    return ok({ tagged, documents: planned.size, changes, history: this.state() });
  }

  /** Undoes the newest batch in every document it touched; `not-found` when there is none, `conflict` (nothing changed) when a document has changed since. */
  undo(): Promise<Result<CorpusStepMoved>> {
    return this.move('undo');
  }

  /** Redoes the newest undone batch, with the same checks as `undo`. */
  redo(): Promise<Result<CorpusStepMoved>> {
    return this.move('redo');
  }

  private async move(how: 'undo' | 'redo'): Promise<Result<CorpusStepMoved>> {
    const from = how === 'undo' ? this.undoStack : this.redoStack;
    const step = from.at(-1);
    if (!step) return fail('not-found', `there is nothing to ${how} in the corpus view`);
    for (const part of step.parts) {
      const view = this.store.getDocument(part.documentId);
      if (!view.ok) return fail('conflict', `cannot ${how} “${step.label}”: a document it changed was deleted`);
      const own = new Set((view.value.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? []).map((a) => a.id));
      const present = part.annotationIds.every((id) => own.has(id));
      const newest = how === 'undo' ? view.value.undoLabel : view.value.redoLabel;
      if (newest !== step.label || present !== (how === 'undo')) {
        return fail('conflict', `cannot ${how} “${step.label}”: “${view.value.document.title}” has changed since; ${how} it there first`);
      }
    }
    const changes: DocumentChange[] = [];
    for (const part of step.parts) {
      const moved = how === 'undo' ? await this.store.undo(part.documentId) : await this.store.redo(part.documentId);
      if (!moved.ok) return moved;
      changes.push(moved.value);
    }
    from.pop();
    if (how === 'undo') this.redoStack.push(step);
    else this.undoStack.push(step);
    return ok({ label: step.label, changes, history: this.state() });
  }
}
