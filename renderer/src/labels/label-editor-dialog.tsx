import { useEffect, useState } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import { failureLines } from '../ui/format-problem';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';
import { Icon } from '../ui/icon';
import { DeleteLabelDialog } from './delete-label-dialog';
import { buildSaveInput, draftProblems, draftsFromSchema, newDraftKey, pendingUsage, type LabelDraft, type LabelRemoval } from './label-draft';
import { LabelEditorRow } from './label-editor-row';
import { attributeProblems } from './attribute-draft';
import { AttributeEditor } from './attribute-editor';
import { buildRelationTypes, droppedRelationTypes, relationTypeDrafts, relationTypeProblems, type RelationTypeDraft } from './relation-type-draft';
import { RelationTypeEditor } from './relation-type-editor';
import { shortcutRefusal } from './shortcut-rules';

interface LabelEditorDialogProps {
  /** The stored schema; the editor copies it when it opens and ignores later changes. */
  schema: LabelSchema;
  /** Own-layer annotations per label id, summed over the library. */
  usage: ReadonlyMap<string, number>;
  onClose: () => void;
  onSaved: (schema: LabelSchema) => void;
}

/** Colours offered to new labels in turn; each reads on light and dark backgrounds. */
const NEW_COLOURS = ['#7c3aed', '#0891b2', '#65a30d', '#dc2626', '#9333ea', '#0d9488', '#ca8a04', '#4f46e5'];

/**
 * Edits the label schema. Nothing is stored until Save; removals that touch
 * annotations say how many and ask where they go. Mount it to open it: a
 * refetch while it is open must not throw the analyst's edits away.
 */
export function LabelEditorDialog({ schema, usage, onClose, onSaved }: LabelEditorDialogProps) {
  const [drafts, setDrafts] = useState<LabelDraft[]>(() => draftsFromSchema(schema));
  const [relationDrafts, setRelationDrafts] = useState<RelationTypeDraft[]>(() => relationTypeDrafts(schema, drafts));
  const [removals, setRemovals] = useState<LabelRemoval[]>([]);
  const [shortcutErrors, setShortcutErrors] = useState<Record<string, string>>({});
  const [deleting, setDeleting] = useState<LabelDraft | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<{ message: string; problems: string[] } | null>(null);
  const [saving, setSaving] = useState(false);
  // Where focus goes after a change moves or removes the focused control: a row's control, or (key null) the Add button.
  const [focusAfter, setFocusAfter] = useState<{ key: string | null; selector: string } | null>(null);

  useEffect(() => {
    if (!focusAfter) return;
    const row = focusAfter.key === null ? document : document.querySelector(`[data-row-key="${focusAfter.key}"]`);
    const target = row?.querySelector<HTMLElement>(`${focusAfter.selector}:not(:disabled)`) ?? row?.querySelector<HTMLElement>('input.label-name');
    target?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const update = (key: string, patch: Partial<LabelDraft>) => setDrafts((all) => all.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const setShortcut = (draft: LabelDraft, shortcut: string) => {
    const refusal = shortcutRefusal(
      shortcut,
      drafts.filter((d) => d.key !== draft.key).map((d) => ({ name: d.name.trim() || 'a new label', shortcut: d.shortcut })),
    );
    setShortcutErrors((errors) => {
      const { [draft.key]: _, ...rest } = errors;
      return refusal ? { ...rest, [draft.key]: refusal } : rest;
    });
    if (!refusal) update(draft.key, { shortcut });
  };

  const move = (index: number, direction: -1 | 1) => {
    const target = index + direction;
    if (target < 0 || target >= drafts.length) return;
    const next = [...drafts];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    setDrafts(next);
    setFocusAfter({ key: moved!.key, selector: `[data-move="${direction < 0 ? 'up' : 'down'}"]` });
  };

  const add = () => {
    const draft: LabelDraft = { key: newDraftKey(), savedId: null, name: 'New label', color: NEW_COLOURS[drafts.length % NEW_COLOURS.length]!, shortcut: '', description: '' };
    setDrafts((all) => [...all, draft]);
    setFocusAfter({ key: draft.key, selector: 'input.label-name' });
  };

  const remove = (draft: LabelDraft, moveTo: string | null) => {
    setDrafts((all) => all.filter((d) => d.key !== draft.key));
    setFocusAfter({ key: null, selector: '.label-add' });
    setShortcutErrors(({ [draft.key]: _, ...rest }) => rest);
    if (draft.savedId !== null) setRemovals((all) => [...all, { key: draft.key, savedId: draft.savedId!, name: draft.name, moveTo }]);
    else setRemovals((all) => all.map((r) => (r.moveTo === draft.key ? { ...r, moveTo } : r)));
  };

  const save = async () => {
    const labelKeys = drafts.map((d) => ({ name: d.name.trim() || 'a new label', shortcut: d.shortcut }));
    const found = [
      ...draftProblems(drafts),
      ...drafts.flatMap((d) => attributeProblems(d.name.trim() || 'a new label', d.attributes ?? [], labelKeys)),
      ...relationTypeProblems(relationDrafts),
    ];
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    setSaveError(null);
    const input = buildSaveInput(drafts, removals);
    const labelIds = new Map(drafts.map((d, i) => [d.key, input.labels[i]!.id]));
    const result = await window.parley.api.saveLabels({ ...input, relationTypes: buildRelationTypes(relationDrafts, drafts, removals, labelIds) });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setSaveError(failureLines(result.error));
  };

  const countOf = (key: string) => pendingUsage(key, drafts, removals, usage);

  return (
    <Dialog
      open
      title="Labels"
      description="The tags you apply in the reader. Press a label’s shortcut in the reader to tag the selected text."
      size="large"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={saving} onClick={() => void save()}>
            Save labels
          </Button>
        </>
      }
    >
      <div className="label-table">
        <div className="label-row label-row-head" aria-hidden="true">
          <span>Colour</span>
          <span>Name</span>
          <span>Key</span>
          <span>Description</span>
          <span title="Annotations in your own layer">Used</span>
          <span />
        </div>
        <div className="label-rows">
          {drafts.map((draft, index) => (
            <div key={draft.key} className="label-row-with-attributes">
            <LabelEditorRow
              draft={draft}
              index={index}
              count={countOf(draft.key)}
              first={index === 0}
              last={index === drafts.length - 1}
              shortcutError={shortcutErrors[draft.key] ?? null}
              onChange={(patch) => update(draft.key, patch)}
              onShortcut={(shortcut) => setShortcut(draft, shortcut)}
              onMove={(direction) => move(index, direction)}
              onDelete={() => (draft.savedId === null && countOf(draft.key) === 0 ? remove(draft, null) : setDeleting(draft))}
            />
            <details className="label-attributes">
              <summary>
                Attributes{draft.attributes && draft.attributes.length > 0 ? `: ${draft.attributes.map((a) => a.name.trim() || 'new attribute').join(', ')}` : ''}
              </summary>
              <AttributeEditor labelName={draft.name.trim() || 'the new label'} attributes={draft.attributes ?? []} onChange={(attributes) => update(draft.key, { attributes })} />
            </details>
            </div>
          ))}
        </div>
      </div>
      <Button className="label-add" onClick={add}>
        <Icon name="plus" /> Add label
      </Button>
      <RelationTypeEditor drafts={relationDrafts} labels={drafts} onChange={setRelationDrafts} />
      <p className="muted small">The reader keeps ?, /, l, r, s, v and e for itself, and Tab, Enter, Escape, Delete and Ctrl or ⌘ combinations; a label cannot take them.</p>
      {removals.length > 0 && (
        <section className="pending-removals" aria-label="Labels to delete on save">
          <h3 className="report-heading">On save</h3>
          <ul>
            {removals.map((r) => {
              const count = pendingUsage(r.key, drafts, removals, usage);
              const target = drafts.find((d) => d.key === r.moveTo) ?? removals.find((other) => other.key === r.moveTo);
              const annotations = `${count} ${count === 1 ? 'annotation' : 'annotations'}`;
              return (
                <li key={r.key}>
                  “{r.name}” is deleted; {target ? `its ${annotations} (own layer) move to “${target.name}”` : `its ${annotations} (own layer) are deleted`}.
                </li>
              );
            })}
            {droppedRelationTypes(relationDrafts, drafts, removals).map((d) => (
              <li key={d.key}>The relation type “{d.name}” is deleted too: no label is left at one of its ends.</li>
            ))}
          </ul>
        </section>
      )}
      {(problems.length > 0 || saveError) && (
        <div className="form-problems" role="alert">
          {saveError && <p>Could not save the labels: {saveError.message}</p>}
          <ul>
            {[...problems, ...(saveError?.problems ?? [])].map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {deleting && (
        <DeleteLabelDialog
          key={deleting.key}
          label={deleting}
          count={countOf(deleting.key)}
          targets={drafts.filter((d) => d.key !== deleting.key)}
          onCancel={() => setDeleting(null)}
          onConfirm={(moveTo) => {
            remove(deleting, moveTo);
            setDeleting(null);
          }}
        />
      )}
    </Dialog>
  );
}
