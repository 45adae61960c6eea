import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../../../annotations/labels';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { selectAnnotationSpec } from './reader-commands';
import { readerUi } from './reader-state';
import { annotate, openReader, viewOf } from './reader-test-kit';
import { acceptDateValue, linkKey, openAttributes, openEntityPicker, startLinking, toggleArcs } from './statement-commands';
import { arcSpecs, dateSuggester, linkSession, ownArcs, ownRelations, statementUi } from './statement-state';
import { StateEffect } from '@codemirror/state';

const TEXTS = [
  'On 22 June 2021 Noh Kyu-duk proposed ending the working group.',
  'Seoul, 22 June 2021.\r\nNoh Kyu-duk 🇰🇷 proposed ending the working group 👥 at once.',
  '2021년 6월 22일 노규덕 본부장은 워킹그룹 종료를 제안했다.',
];

const SPANS: Record<string, Array<[string, string, string]>> = {
  [TEXTS[0]!]: [['date', '22 June 2021', 'date'], ['noh', 'Noh Kyu-duk', 'actor'], ['pos', 'proposed ending', 'position'], ['wg', 'the working group', 'policy-body']],
  [TEXTS[1]!]: [['date', '22 June 2021', 'date'], ['noh', 'Noh Kyu-duk', 'actor'], ['pos', 'proposed ending', 'position'], ['wg', 'the working group', 'policy-body']],
  [TEXTS[2]!]: [['date', '2021년 6월 22일', 'date'], ['noh', '노규덕', 'actor'], ['pos', '종료를 제안했다', 'position'], ['wg', '워킹그룹', 'policy-body']],
};

function reader(text: string) {
  const annotations = SPANS[text]!.map(([id, quote, label]) => annotate(text, quote, label, id)).sort((a, b) => a.start - b.start);
  const opened = openReader(viewOf(text, annotations), defaultLabelSchema());
  opened.store.autoAnswer = true;
  return opened;
}

const press = (r: ReturnType<typeof reader>, key: string, shift = false) => linkKey(key, { ctrl: false, alt: false, shift })(r.editor);
const status = (r: ReturnType<typeof reader>) => r.editor.state.field(readerUi).status;
const select = (r: ReturnType<typeof reader>, id: string) => r.editor.dispatch(selectAnnotationSpec(r.editor.state, id));
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
/** Tabs through the candidates until the one holding `quote` is current. */
function tabTo(r: ReturnType<typeof reader>, quote: string): void {
  for (let i = 0; i < 5 && !status(r).includes(` “${quote}” (`); i++) press(r, 'Tab');
  expect(status(r)).toContain(` “${quote}” (`);
}
const relations = (r: ReturnType<typeof reader>) => r.editor.state.field(ownRelations).map((x) => `${x.sourceId} ${x.typeId} ${x.targetId}`);

describe('linking by keyboard', () => {
  TEXTS.forEach((text) => {
    it(`builds a statement from the position: holds, toward and when, by Tab, typing and relation keys (${JSON.stringify(text.slice(0, 12))}…)`, async () => {
      const r = reader(text);
      select(r, 'pos');
      expect(startLinking(r.editor)).toBe(true);
      expect(status(r)).toMatch(/^Link position “.+” to .+ \(1 of 3\): /);
      // h on the actor makes "actor holds position".
      const [date, actor, , body] = SPANS[text]!.map((s) => s[1]);
      tabTo(r, actor!);
      expect(status(r)).toContain('h holds (from it), t toward.');
      expect(press(r, 'h')).toBe(true);
      expect(r.editor.state.field(linkSession)).toBeNull();
      await settle();
      expect(relations(r)).toEqual(['noh holds pos']);
      expect(status(r)).toMatch(/^Linked “.+” holds “.+”\.$/);
      // Tab to the body (Shift+Tab goes back), then t.
      select(r, 'pos');
      startLinking(r.editor);
      tabTo(r, body!);
      press(r, 'Tab');
      press(r, 'Tab', true);
      expect(status(r)).toContain(` “${body}” (`);
      press(r, 't');
      // Type-ahead to the date, then Enter (only "when" fits).
      select(r, 'pos');
      startLinking(r.editor);
      const datePart = date!.slice(0, 4);
      for (const ch of datePart) press(r, ch);
      expect(status(r)).toContain(`Typed “${datePart}”`);
      press(r, 'Enter');
      await settle();
      expect(relations(r)).toEqual(['noh holds pos', 'pos toward wg', 'pos when date']);
      // The arcs follow the relations, each from its source span to its target span.
      const arcs = arcSpecs(r.editor.state);
      expect(arcs.map((a) => [text.slice(a.source.start, a.source.end), a.name, text.slice(a.target.start, a.target.end)])).toEqual([
        [SPANS[text]![1]![1], 'holds', SPANS[text]![2]![1]],
        [SPANS[text]![2]![1], 'toward', SPANS[text]![3]![1]],
        [SPANS[text]![2]![1], 'when', SPANS[text]![0]![1]],
      ]);
      expect(r.editor.state.field(ownArcs.field).arcs).toEqual(arcs);
    });
  });

  it('refuses what does not fit, says an existing link exists, and Escape stops without linking', async () => {
    const r = reader(TEXTS[0]!);
    select(r, 'pos');
    startLinking(r.editor);
    press(r, 'w');
    expect(status(r)).toBe('That relation cannot join these two spans: press h holds, t toward.');
    press(r, 'Enter');
    expect(status(r)).toBe('More than one relation fits: press h holds, t toward.');
    press(r, 'h');
    await settle();
    select(r, 'pos');
    startLinking(r.editor);
    press(r, 'h');
    expect(status(r)).toBe('Already linked: “Noh Kyu-duk” holds “proposed ending”.');
    select(r, 'pos');
    startLinking(r.editor);
    expect(press(r, 'Escape')).toBe(true);
    expect(r.editor.state.field(linkSession)).toBeNull();
    expect(status(r)).toBe('Link cancelled.');
    expect(r.store.calls.filter((c) => c === 'addRelation')).toHaveLength(1);
    // Keys are not the link's once it ended.
    expect(press(r, 'Tab')).toBe(false);
  });

  it('asks for a span first, and deleting the source ends the link', async () => {
    const r = reader(TEXTS[0]!);
    startLinking(r.editor);
    expect(status(r)).toBe('Select a span first (click it or press Alt+↓), then press r to link it to another.');
    select(r, 'pos');
    startLinking(r.editor);
    r.session.deleteAnnotation('pos');
    await settle();
    expect(r.editor.state.field(linkSession)).toBeNull();
  });

  it('deleting a span takes its relations with it, and deleting a relation leaves the spans', async () => {
    const r = reader(TEXTS[0]!);
    r.session.addRelation({ typeId: 'holds', sourceId: 'noh', targetId: 'pos' }, 'ok');
    r.session.addRelation({ typeId: 'when', sourceId: 'pos', targetId: 'date' }, 'ok');
    await settle();
    expect(relations(r)).toEqual(['noh holds pos', 'pos when date']);
    r.session.deleteRelations([r.editor.state.field(ownRelations)[1]!.id]);
    await settle();
    expect(relations(r)).toEqual(['noh holds pos']);
    r.session.deleteAnnotation('noh');
    await settle();
    expect(relations(r)).toEqual([]);
    expect(r.views.at(-1)!.layers.find((l) => l.id === OWN_LAYER_ID)!.relations).toBeUndefined();
  });
});

describe('attributes, entities and arcs', () => {
  it('opens the attribute menu at the only attribute of a position, and says when a label has none', () => {
    const r = reader(TEXTS[0]!);
    select(r, 'pos');
    openAttributes(null)(r.editor);
    expect(r.editor.state.field(statementUi).attributeMenu).toEqual({ annotationId: 'pos', attributeId: 'stance' });
    select(r, 'noh');
    openAttributes(null)(r.editor);
    expect(status(r)).toBe('Actor spans have no attributes; add some in the label editor.');
    // An attribute's own key passes when the selected span's label does not have it.
    expect(openAttributes('stance')(r.editor)).toBe(false);
  });

  it('accepts a date’s suggested value with one key, and says why when it cannot', async () => {
    const r = reader(TEXTS[0]!);
    select(r, 'date');
    acceptDateValue(r.editor);
    expect(status(r)).toBe('No date could be read from “22 June 2021”; press s to type its value.');
    r.editor.dispatch({ effects: StateEffect.appendConfig.of(dateSuggester.of((text) => (text === '22 June 2021' ? '2021-06-22' : null))) });
    acceptDateValue(r.editor);
    await settle();
    expect(r.views.at(-1)!.layers[0]!.annotations.find((a) => a.id === 'date')!.attributes).toEqual({ value: '2021-06-22' });
    expect(status(r)).toBe('Value set to 2021-06-22.');
    select(r, 'date');
    acceptDateValue(r.editor);
    expect(status(r)).toBe('Its value is already 2021-06-22.');
    select(r, 'noh');
    acceptDateValue(r.editor);
    expect(status(r)).toBe('This span has no date value to set; v works on date spans.');
  });

  it('opens the entity picker on the selected span, and toggles the arcs', () => {
    const r = reader(TEXTS[0]!);
    openEntityPicker(r.editor);
    expect(r.editor.state.field(statementUi).entityPicker).toBeNull();
    select(r, 'noh');
    openEntityPicker(r.editor);
    expect(r.editor.state.field(statementUi).entityPicker).toEqual({ annotationId: 'noh' });
    toggleArcs(r.editor);
    expect(r.editor.state.field(ownArcs.field).shown).toBe(false);
    toggleArcs(r.editor);
    expect(r.editor.state.field(ownArcs.field).shown).toBe(true);
  });
});
