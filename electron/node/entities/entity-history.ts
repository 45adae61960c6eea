/**
 * The library's history of entity changes (rename, aliases, merge, split),
 * kept for the life of the process beside each document's own history: an
 * entity change is library-wide, so its undo is the inverse operation (see
 * `annotations/entities/entity-steps.ts`), written as one library write and,
 * for the spans that moved, one step in each document that had any.
 */
import { entityUpdate, relinkChange, type EntityStep } from '../../../annotations/entities/entity-steps';
import type { Entity } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { ParleyStore } from '../store/parley-store';

/** Most entity steps remembered. */
const STEP_LIMIT = 100;

/** What Undo and Redo would do now, by name. */
export interface EntityHistoryState {
  undoLabel: string | null;
  redoLabel: string | null;
}

/** Entity changes, undone and redone as whole steps. */
export class EntityHistory {
  private undoStack: EntityStep[] = [];
  private redoStack: EntityStep[] = [];

  constructor(
    private readonly store: Pick<ParleyStore, 'updateEntities' | 'getDocument' | 'editLayer'>,
    private readonly now: () => string,
  ) {}

  state(): EntityHistoryState {
    return { undoLabel: this.undoStack.at(-1)?.label ?? null, redoLabel: this.redoStack.at(-1)?.label ?? null };
  }

  /** Records a change just made; clears what could be redone. */
  record(step: EntityStep): void {
    this.undoStack = [...this.undoStack, step].slice(-STEP_LIMIT);
    this.redoStack = [];
  }

  /** Undoes the newest change (`not-found` when there is none); resolves with its name and the entities after. */
  undo(): Promise<Result<{ did: string; entities: Entity[] } & EntityHistoryState>> {
    return this.move('undo');
  }

  /** Redoes the newest undone change (`not-found` when there is none). */
  redo(): Promise<Result<{ did: string; entities: Entity[] } & EntityHistoryState>> {
    return this.move('redo');
  }

  private async move(how: 'undo' | 'redo'): Promise<Result<{ did: string; entities: Entity[] } & EntityHistoryState>> {
    const stack = how === 'undo' ? this.undoStack : this.redoStack;
    const step = stack.at(-1);
    if (!step) return fail('not-found', how === 'undo' ? 'there is no entity change to undo' : 'there is no entity change to redo');
    // The entity list first: a failure there (two entities of a kind sharing a name again) changes nothing.
    const entities = await this.store.updateEntities(entityUpdate(step, how));
    if (!entities.ok) return fail(entities.error.code, `cannot ${how} “${step.label}”: ${entities.error.message}`);
    const label = `${how === 'undo' ? 'Undo' : 'Redo'}: ${step.label}`;
    for (const relink of step.relinks) {
      if (!this.store.getDocument(relink.documentId).ok) continue; // deleted since: nothing to move
      const moved = await this.store.editLayer(relink.documentId, relink.layerId, ({ annotations }) => {
        const change = relinkChange(annotations, relink, how, this.now());
        return change.removed.length === 0 ? fail('conflict', 'no span to move') : ok({ change, label });
      });
      if (!moved.ok && moved.error.message !== 'no span to move') return fail(moved.error.code, `cannot ${how} “${step.label}” in document ${relink.documentId}: ${moved.error.message}`);
    }
    if (how === 'undo') {
      this.undoStack = this.undoStack.slice(0, -1);
      this.redoStack = [...this.redoStack, step];
    } else {
      this.redoStack = this.redoStack.slice(0, -1);
      this.undoStack = [...this.undoStack, step];
    }
    return ok({ did: step.label, entities: entities.value, ...this.state() });
  }
}
