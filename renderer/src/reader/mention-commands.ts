/**
 * Walking the selection from one untagged mention of a known name to the
 * next (`annotations/suggest/untagged-mentions.ts` finds them), so a label
 * key then tags it. The status line says what was found and where it is in
 * the document's list.
 */
import { EditorSelection, type EditorState, type StateCommand, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Annotation, Entity } from '../../../annotations/model';
import { adjacentMention, untaggedMentions, type Mention } from '../../../annotations/suggest/untagged-mentions';
import { oneLine } from '../../../annotations/text/ellipsis';
import { ownAnnotations, readerConfig, selectAnnotationEffect, statusEffect } from './reader-state';
import { entities } from './statement-state';

/** The last list found, for the document, tags and entities it was found in (each replaced, never changed, when it changes). */
let last: { doc: Text; own: readonly Annotation[]; known: readonly Entity[]; mentions: Mention[] } | null = null;

/** The untagged mentions of the state's text, found again only when the text, the tags or the entities changed. */
function mentionsOf(state: EditorState): { text: string; mentions: Mention[] } {
  const own = state.field(ownAnnotations);
  const known = state.field(entities, false) ?? NO_ENTITIES;
  const text = state.doc.toString();
  if (last && last.doc === state.doc && last.own === own && last.known === known) return { text, mentions: last.mentions };
  const tags = own.map((a) => ({ documentId: '', start: a.start, end: a.end, labelId: a.labelId, ...(a.entityId ? { entityId: a.entityId } : {}) }));
  const mentions = untaggedMentions({ documentId: '', title: '', text, tags }, known);
  last = { doc: state.doc, own, known, mentions };
  return { text, mentions };
}

const NO_ENTITIES: readonly Entity[] = [];

/** Selects the next (1) or previous (-1) untagged mention, wrapping; says so, or that there is none. */
export function stepMention(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const { text, mentions } = mentionsOf(state);
    const { from, to } = state.selection.main;
    const found = adjacentMention(mentions, from, to, direction);
    if (!found) {
      dispatch(state.update({ effects: statusEffect('No untagged mention of a known name in this document: tag a name, or link a tag to an entity, to teach one.') }));
      return true;
    }
    const { mention, index } = found;
    const name = state.field(readerConfig).appearance.get(mention.labelId)?.name ?? mention.labelId;
    const key = state.field(readerConfig).labels.find((l) => l.id === mention.labelId)?.shortcut;
    const wrapped = direction === 1 ? mention.start < from : mention.start >= from;
    const status = `Untagged mention ${index + 1} of ${mentions.length}${wrapped ? ' (wrapped around)' : ''}: “${oneLine(text.slice(mention.start, mention.end), 50)}”, known as ${name}.${key ? ` ${key} tags it.` : ''}`;
    dispatch(
      state.update({
        selection: EditorSelection.single(mention.start, mention.end),
        effects: [selectAnnotationEffect.of(null), EditorView.scrollIntoView(mention.start, { y: 'center' }), statusEffect(status)],
        userEvent: 'select.mention',
      }),
    );
    return true;
  };
}
