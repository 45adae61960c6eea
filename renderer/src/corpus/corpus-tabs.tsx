import type { ReactNode } from 'react';
import type { Entity, LabelSchema } from '../../../annotations/model';
import type { Statement } from '../../../annotations/statements/build-statements';
import type { CorpusHistoryState } from '../../../shared/corpus';
import type { DocumentSummary } from '../../../shared/library';
import { MatrixTab } from './charts/matrix-tab';
import { NetworkTab } from './charts/network-tab';
import { TimelineTab } from './charts/timeline-tab';
import { EntitiesTab } from './entities-tab';
import { SearchTab } from './search-tab';
import { StatementsTab } from './statements-tab';

/** What every tab of the corpus view may read: the library's statements, documents, labels and entities, loaded once by the view. */
export interface CorpusTabContext {
  statements: Statement[];
  documents: readonly DocumentSummary[];
  labels: LabelSchema;
  entities: readonly Entity[];
  /** Opens a span in Read mode, selected and scrolled to; `at` selects that text instead when the annotation is not in the own layer (an untagged search hit). */
  onOpen(documentId: string, annotationId: string, at?: { start: number; end: number }): void;
  /** Reports a failed call to the analyst. */
  onError(message: string): void;
  /** Says the library changed (a tag across documents): the view loads its data again and shows the new undo state when given. */
  onChanged(history?: CorpusHistoryState): void;
}

/** One tab of the corpus view. */
export interface CorpusTab {
  id: string;
  name: string;
  render(context: CorpusTabContext): ReactNode;
}

/** The corpus view's tabs, in order. The charts take only the statements and the way to open one. */
export const CORPUS_TABS: readonly CorpusTab[] = [
  { id: 'entities', name: 'Entities', render: (c) => <EntitiesTab {...c} /> },
  { id: 'search', name: 'Search', render: (c) => <SearchTab {...c} /> },
  { id: 'statements', name: 'Statements', render: (c) => <StatementsTab {...c} /> },
  { id: 'timeline', name: 'Timeline', render: (c) => <TimelineTab statements={c.statements} onOpen={c.onOpen} /> },
  { id: 'matrix', name: 'Matrix', render: (c) => <MatrixTab statements={c.statements} onOpen={c.onOpen} /> },
  { id: 'network', name: 'Network', render: (c) => <NetworkTab statements={c.statements} onOpen={c.onOpen} /> },
];
