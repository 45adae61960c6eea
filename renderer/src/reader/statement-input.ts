/**
 * The keys and the mouse gesture of statements. Keys (by default; the key
 * table in `shared/key-bindings.ts` rebinds them): `r` starts a link from
 * the selected span, and while it is being made every key belongs to it
 * (Tab, arrows, typing, a relation's key, Enter, Escape); `s` opens the
 * attribute menu, an attribute's own key opens it at that attribute; `v`
 * accepts a date's suggested value; `e` links the span to an entity.
 * Mouse: Alt+drag from one mark to another links them, asking which relation
 * when more than one fits.
 */
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, type KeyBinding } from '@codemirror/view';
import type { Label } from '../../../annotations/model';
import type { KeyBindings } from '../../../shared/key-bindings';
import { fittingOptions } from './link-session';
import { annotationsAt } from './reader-marks';
import { ownAnnotations, statusEffect } from './reader-state';
import { acceptDateValue, linkKey, makeLink, openAttributes, openEntityPicker, startLinking } from './statement-commands';
import { linkSession, relationTypes, setStatementUi } from './statement-state';

/** Keys of statements that are not commands of the key table, as the shortcut sheet lists them (the table's link, attribute, date and entity keys come first). */
export const STATEMENT_SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['While linking', 'Tab (or arrows) to the other span, type to narrow, then the relation’s key or Enter; Escape stops'],
  ['Alt+drag', 'Link two marks with the mouse: from one to the other'],
];

/** While a link is being made, every key goes to it first. */
const linkKeys = EditorView.domEventHandlers({
  keydown(event, view) {
    if (!view.state.field(linkSession)) return false;
    const handled = linkKey(event.key, { ctrl: event.ctrlKey || event.metaKey, alt: event.altKey, shift: event.shiftKey })(view);
    if (handled) event.preventDefault();
    return handled;
  },
});

function markAt(view: EditorView, event: MouseEvent) {
  const hit = view.posAndSideAtCoords({ x: event.clientX, y: event.clientY });
  if (!hit) return undefined;
  const index = hit.assoc === 1 ? hit.pos : hit.pos - 1;
  return index < 0 ? undefined : annotationsAt(view.state.field(ownAnnotations), index)[0];
}

/** Links `sourceId` to the mark under a mouse release, asking which relation when several fit. */
function finishDrag(view: EditorView, sourceId: string, event: MouseEvent): void {
  const source = view.state.field(ownAnnotations).find((a) => a.id === sourceId);
  const target = markAt(view, event);
  if (!source || !target || target.id === source.id) {
    view.dispatch({ effects: statusEffect('Link not made: release the mouse over another mark.') });
    return;
  }
  const options = fittingOptions(source, target, view.state.field(relationTypes));
  if (options.length === 0) view.dispatch({ effects: statusEffect('No relation type joins these two spans.') });
  else if (options.length === 1) view.dispatch({ effects: statusEffect(makeLink(view.state, source, target, options[0]!).status) });
  else {
    const keys = options.map((o) => `${o.type.shortcut || '↓'} ${o.type.name}`).join(', ');
    view.dispatch({ effects: [setStatementUi.of({ relationChooser: { x: event.clientX, y: event.clientY, sourceId: source.id, targetId: target.id, options } }), statusEffect(`Which link? ${keys}; Escape makes none.`)] });
  }
}

/**
 * Alt+drag from one mark to another: links them. The release is caught on
 * the window (it may land outside the text), and the click that follows it
 * is kept from selecting the mark it landed on.
 */
const dragLink = EditorView.domEventHandlers({
  mousedown(event, view) {
    if (!event.altKey || event.button !== 0) return false;
    const source = markAt(view, event);
    if (!source) return false;
    event.preventDefault();
    view.dispatch({ effects: statusEffect(`Linking from “${source.quote.exact.slice(0, 40)}”: release the mouse over the other mark.`) });
    const swallowClick = (click: MouseEvent) => {
      click.stopPropagation();
      click.preventDefault();
    };
    window.addEventListener(
      'mouseup',
      (up) => {
        window.addEventListener('click', swallowClick, { capture: true, once: true });
        // A click that never comes must not swallow a later one.
        setTimeout(() => window.removeEventListener('click', swallowClick, { capture: true }), 0);
        finishDrag(view, source.id, up);
      },
      { capture: true, once: true },
    );
    return true;
  },
});

/** The statement keys for the current labels and key table (an attribute's own key opens its menu). */
export function statementKeymap(labels: readonly Label[], keys: KeyBindings): Extension {
  const bindings: KeyBinding[] = [
    ...keys.link.map((key) => ({ key, run: startLinking })),
    ...keys.attributes.map((key) => ({ key, run: openAttributes(null) })),
    ...keys['date-value'].map((key) => ({ key, run: acceptDateValue })),
    ...keys.entity.map((key) => ({ key, run: openEntityPicker })),
  ];
  const fixed = new Set(bindings.map((b) => b.key));
  for (const label of labels) {
    for (const attribute of label.attributes ?? []) {
      if (!attribute.shortcut || fixed.has(attribute.shortcut)) continue;
      // Several labels may give one key to their attributes: each binding passes when the selected span's label has no such attribute.
      bindings.push({ key: attribute.shortcut, run: openAttributes(attribute.id) });
    }
  }
  return [Prec.highest(linkKeys), Prec.high(keymap.of(bindings)), dragLink];
}
