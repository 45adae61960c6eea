import { StateEffect, type EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useState } from 'react';
import type { Annotation, LabelSchema, ParleyDocument } from '../../../annotations/model';
import { dateSuggesterCompartment, statementKeysCompartment } from '../reader/reader-extensions';
import { statementKeymap } from '../reader/statement-input';
import { readerConfig } from '../reader/reader-state';
import { dateSuggester, setEntities, setRelationTypes, statementSnapshotOf, type StatementSnapshot } from '../reader/statement-state';
import { referenceDate, suggestDate } from './date-values';
import type { StatementRow } from './statement-list';
import { statementRows } from './statement-rows';

const STATEMENTS_SHOWN_KEY = 'parley.reader.statementsShown';

/** A shown/hidden choice kept between sessions (shown unless hidden before). */
function readShown(): boolean {
  try {
    return localStorage.getItem(STATEMENTS_SHOWN_KEY) !== 'false';
  } catch {
    return true;
  }
}

/** What the reader draws of statements, and the inputs it pushes into the editor for them. */
export interface ReaderStatements {
  snapshot: StatementSnapshot;
  /** Whether the statement rows are shown beside the text. */
  listShown: boolean;
  setListShown(shown: boolean): void;
  rows: readonly StatementRow[];
  /** Reads a date span's value from its text, relative to the open document's date. */
  suggest(text: string): string | null;
}

/**
 * Statements in the reader: follows the editor's statement state, loads the
 * library's entities, and keeps the relation types, statement keys and date
 * reading in step with the labels and the open document. The rows are made
 * only once `sideShown` (the reader draws the lists beside the text).
 */
export function useReaderStatements(cm: EditorView | null, initial: EditorState, labels: LabelSchema, document: ParleyDocument, own: readonly Annotation[], sideShown: boolean): ReaderStatements {
  const [snapshot, setSnapshot] = useState(() => statementSnapshotOf(initial));
  const [listShown, setListShownState] = useState(readShown);

  useEffect(() => {
    if (!cm) return;
    setSnapshot((current) => statementSnapshotOf(cm.state, current));
    cm.dispatch({ effects: StateEffect.appendConfig.of(EditorView.updateListener.of((update) => setSnapshot((current) => statementSnapshotOf(update.state, current)))) });
  }, [cm]);

  const firstLabels = useState(labels)[0];
  useEffect(() => {
    if (!cm || labels === firstLabels) return;
    cm.dispatch({ effects: [statementKeysCompartment.reconfigure(statementKeymap(labels.labels, cm.state.field(readerConfig).keys)), setRelationTypes.of(labels.relationTypes ?? [])] });
  }, [cm, labels, firstLabels]);

  useEffect(() => {
    if (!cm) return;
    let live = true;
    void window.parley.api.listEntities({}).then((found) => {
      if (live && found.ok) cm.dispatch({ effects: setEntities.of(found.value) });
    });
    return () => {
      live = false;
    };
  }, [cm]);

  const reference = referenceDate(document);
  const suggest = useMemo(() => (text: string) => suggestDate(text, reference), [reference]);
  useEffect(() => cm?.dispatch({ effects: dateSuggesterCompartment.reconfigure(dateSuggester.of(suggest)) }), [cm, suggest]);

  // Made only while the list is drawn (not before the reader's first frame, see Reader).
  const listDrawn = listShown && sideShown;
  const rows = useMemo(() => (listDrawn ? statementRows(own, snapshot.relations) : []), [listDrawn, own, snapshot.relations]);
  const setListShown = (shown: boolean) => {
    setListShownState(shown);
    try {
      localStorage.setItem(STATEMENTS_SHOWN_KEY, String(shown));
    } catch {
      // Private storage may be unavailable; the choice then lasts for this session.
    }
  };
  return { snapshot, listShown, setListShown, rows, suggest };
}
