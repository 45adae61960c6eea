import { EditorView } from '@codemirror/view';
import type { Annotation, Label } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import { selectSpan } from './reader-commands';
import { currentMatch, searchMatches } from './reader-marks';
import type { ReaderSession } from './reader-session';
import { setReaderUi } from './reader-state';
import { SearchPanel } from './search-panel';

interface ReaderSearchProps {
  cm: EditorView | null;
  session: ReaderSession;
  text: string;
  labels: readonly Label[];
  annotations: readonly Annotation[];
  focusRequest: number;
}

/** The search panel over the text: its matches drawn in the editor, Enter selecting one, Tag all through the session. */
export function ReaderSearch({ cm, session, text, labels, annotations, focusRequest }: ReaderSearchProps) {
  return (
    <SearchPanel
      text={text}
      labels={labels}
      annotations={annotations}
      focusRequest={focusRequest}
      onMatches={(ranges, at) => cm?.dispatch({ effects: [searchMatches.set.of(ranges), currentMatch.set.of(ranges[at] ? [ranges[at]] : []), ...(ranges[at] ? [EditorView.scrollIntoView(ranges[at].start, { y: 'center' })] : [])] })}
      onSelectMatch={(span) => {
        if (!cm || !selectSpan(span)(cm)) return;
        cm.dispatch({ effects: setReaderUi.of({ status: `Selected “${oneLine(cm.state.sliceDoc(span.start, span.end), 50)}”: press a label key to tag it.` }) });
        cm.focus();
      }}
      onTagAll={(labelId, spans) => session.tagAll(labelId, spans)}
      onClose={() => {
        cm?.dispatch({ effects: [searchMatches.set.of([]), currentMatch.set.of([]), setReaderUi.of({ searchOpen: false })] });
        cm?.focus();
      }}
    />
  );
}
