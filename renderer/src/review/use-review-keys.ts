import type { EditorView } from '@codemirror/view';
import { reviewCommandFor, type ReviewCommand } from './review-keys';

/**
 * The review's keys as a key handler for the reader, which runs it before its
 * own keys wherever it listens (in the text, elsewhere in the reader, on the
 * page), so a review key is never taken as a label shortcut, except in one
 * case: with text selected in the article, a key that is also a label's
 * shortcut (`labelKeys`) tags the selection, as it does outside review.
 */
export function reviewKeyHandler(run: (command: ReviewCommand) => void, labelKeys: ReadonlySet<string> = new Set()): (event: KeyboardEvent, view: EditorView) => boolean {
  return (event, view) => {
    const command = reviewCommandFor(event);
    if (!command) return false;
    const inText = event.target instanceof Node && view.contentDOM.contains(event.target);
    if (labelKeys.has(event.key) && inText && !view.state.selection.main.empty) return false;
    run(command);
    return true;
  };
}
