/**
 * The reader's statement commands, as plain `StateCommand`s over the editor
 * state (`statement-state.ts`): start a link from the selected span and steer
 * it by keyboard, complete it with a relation key, open the attribute menu
 * or the entity picker, accept a date's suggested value, show or hide arcs.
 * Changes to the store go through the reader session.
 */
import type { EditorState, StateCommand } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Annotation, AttributeDefinition } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import {
  currentCandidate,
  cycleLink,
  describeLink,
  eraseInLink,
  isRelationKey,
  linkExists,
  resolveLinkKey,
  startLink,
  typeInLink,
  type LinkOption,
  type LinkSession,
} from './link-session';
import { readerSession } from './reader-session';
import { ownAnnotations, readerConfig, selectedAnnotation, statusEffect } from './reader-state';
import { dateSuggester, linkSession, ownArcs, ownRelations, relationTypes, setLinkSession, setStatementUi } from './statement-state';

const clip = (text: string) => oneLine(text, 40);

function labelNameIn(state: EditorState): (labelId: string) => string {
  const { appearance } = state.field(readerConfig);
  return (id) => (appearance.get(id)?.name ?? id).toLowerCase();
}

/** The attributes the selected span's label defines. */
export function attributesOf(state: EditorState, annotation: Annotation): readonly AttributeDefinition[] {
  return state.field(readerConfig).labels.find((l) => l.id === annotation.labelId)?.attributes ?? [];
}

function showLink(state: EditorState, link: LinkSession) {
  const candidate = currentCandidate(link)?.annotation;
  return {
    effects: [setLinkSession.of(link), statusEffect(describeLink(link, labelNameIn(state), clip)), ...(candidate ? [EditorView.scrollIntoView(candidate.start, { y: 'nearest' })] : [])],
  };
}

/** Starts a link from the selected span (`r`). */
export const startLinking: StateCommand = ({ state, dispatch }) => {
  const source = selectedAnnotation(state);
  if (!source) {
    dispatch(state.update({ effects: statusEffect('Select a span first (click it or press Alt+↓), then press r to link it to another.') }));
    return true;
  }
  const started = startLink(source, state.field(ownAnnotations), state.field(relationTypes), labelNameIn(state));
  if ('error' in started) {
    dispatch(state.update({ effects: statusEffect(started.error) }));
    return true;
  }
  dispatch(state.update(showLink(state, started)));
  return true;
};

/** Ends the link being made, saying so. */
export const cancelLinking: StateCommand = ({ state, dispatch }) => {
  if (!state.field(linkSession)) return false;
  dispatch(state.update({ effects: [setLinkSession.of(null), statusEffect('Link cancelled.')] }));
  return true;
};

/** Makes the relation `option` between `source` and another span, unless it exists already. */
export function makeLink(state: EditorState, source: Annotation, other: Annotation, option: LinkOption): { status: string; made: boolean } {
  const [from, to] = option.reversed ? [other, source] : [source, other];
  const [sourceId, targetId] = [from.id, to.id];
  const session = state.facet(readerSession);
  const words = `“${clip(from.quote.exact)}” ${option.type.name} “${clip(to.quote.exact)}”`;
  if (linkExists(state.field(ownRelations), option.type.id, sourceId, targetId)) return { status: `Already linked: ${words}.`, made: false };
  if (!session) return { status: 'The reader is not connected to the store.', made: false };
  session.addRelation({ typeId: option.type.id, sourceId, targetId }, `Linked ${words}.`);
  return { status: `Linking ${words}…`, made: true };
}

/** What a key press does while a link is being made; false when no link is being made. */
export function linkKey(key: string, modifiers: { ctrl: boolean; alt: boolean; shift: boolean }): StateCommand {
  return ({ state, dispatch }) => {
    const link = state.field(linkSession);
    if (!link) return false;
    if (modifiers.ctrl) return false;
    if (key === 'Escape') return cancelLinking({ state, dispatch });
    if (key === 'Tab') {
      dispatch(state.update(showLink(state, cycleLink(link, modifiers.shift ? -1 : 1))));
      return true;
    }
    if (key === 'ArrowDown' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowLeft') {
      dispatch(state.update(showLink(state, cycleLink(link, key === 'ArrowDown' || key === 'ArrowRight' ? 1 : -1))));
      return true;
    }
    if (key === 'Backspace') {
      dispatch(state.update(showLink(state, eraseInLink(link))));
      return true;
    }
    if (key === 'Enter' || isRelationKey(key, state.field(relationTypes))) {
      const resolved = resolveLinkKey(link, key);
      if (resolved.kind === 'refused') {
        dispatch(state.update({ effects: statusEffect(resolved.message) }));
        return true;
      }
      const { status } = makeLink(state, link.source, resolved.candidate.annotation, resolved.option);
      dispatch(state.update({ effects: [setLinkSession.of(null), statusEffect(status)] }));
      return true;
    }
    if ([...key].length === 1 && !modifiers.alt) {
      dispatch(state.update(showLink(state, typeInLink(link, key))));
      return true;
    }
    // Any other key (a function key, Home) is taken while linking, so it cannot act on the text behind.
    return ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph'].includes(key) ? false : true;
  };
}

/** Shows or hides the arcs above the text. */
export const toggleArcs: StateCommand = ({ state, dispatch }) => {
  const shown = !state.field(ownArcs.field).shown;
  dispatch(state.update({ effects: [ownArcs.show.of(shown), statusEffect(shown ? 'Relation arcs shown.' : 'Relation arcs hidden.')] }));
  return true;
};

/** Opens the attribute menu of the selected span (`s`), or at one attribute (its own key). */
export function openAttributes(attributeId: string | null = null): StateCommand {
  return ({ state, dispatch }) => {
    const selected = selectedAnnotation(state);
    if (!selected) {
      if (attributeId !== null) return false;
      dispatch(state.update({ effects: statusEffect('Select a span first, then press s to set its attributes.') }));
      return true;
    }
    const attributes = attributesOf(state, selected);
    if (attributeId !== null && !attributes.some((a) => a.id === attributeId)) return false;
    if (attributes.length === 0) {
      const name = state.field(readerConfig).appearance.get(selected.labelId)?.name ?? selected.labelId;
      dispatch(state.update({ effects: statusEffect(`${name} spans have no attributes; add some in the label editor.`) }));
      return true;
    }
    const only = attributeId ?? (attributes.length === 1 ? attributes[0]!.id : null);
    dispatch(state.update({ effects: setStatementUi.of({ attributeMenu: { annotationId: selected.id, attributeId: only } }) }));
    return true;
  };
}

/** Opens the entity picker of the selected span (`e`). */
export const openEntityPicker: StateCommand = ({ state, dispatch }) => {
  const selected = selectedAnnotation(state);
  if (!selected) {
    dispatch(state.update({ effects: statusEffect('Select a span first, then press e to link it to an entity.') }));
    return true;
  }
  dispatch(state.update({ effects: setStatementUi.of({ entityPicker: { annotationId: selected.id } }) }));
  return true;
};

/**
 * Accepts the suggested value of the selected span's date attribute (`v`),
 * read from its text against the document's date (`dateSuggester`). Says
 * what it set, or why there is nothing to accept.
 */
export const acceptDateValue: StateCommand = ({ state, dispatch }) => {
  const selected = selectedAnnotation(state);
  const session = state.facet(readerSession);
  if (!selected || !session) {
    dispatch(state.update({ effects: statusEffect('Select a date span first, then press v to accept its suggested value.') }));
    return true;
  }
  const attribute = attributesOf(state, selected).find((a) => a.type === 'date');
  if (!attribute) {
    dispatch(state.update({ effects: statusEffect('This span has no date value to set; v works on date spans.') }));
    return true;
  }
  const suggest = state.facet(dateSuggester);
  const value = suggest ? suggest(selected.quote.exact) : null;
  if (!value) {
    dispatch(state.update({ effects: statusEffect(`No date could be read from “${clip(selected.quote.exact)}”; press s to type its value.`) }));
    return true;
  }
  if (selected.attributes?.[attribute.id] === value) {
    dispatch(state.update({ effects: statusEffect(`Its value is already ${value}.`) }));
    return true;
  }
  session.setAttribute(selected.id, attribute.id, value, `${attribute.name} set to ${value}.`);
  return true;
};
