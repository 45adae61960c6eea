import type { EditorView } from '@codemirror/view';
import { oneLine } from '../../../annotations/text/ellipsis';
import { PointerMenu } from '../ui/pointer-menu';
import { actOnGhostMark } from './suggestion-commands';
import { drawnGhostMarks } from './suggestion-marks';

interface GhostMenuProps {
  cm: EditorView | null;
  /** Where the click was, and the suggestion under it. */
  menu: { x: number; y: number; id: string };
  onClose(): void;
}

/** The menu a click on a suggestion's dashed mark opens: accept it, or reject it (`y` and `n` in the menu too). */
export function GhostMenu({ cm, menu, onClose }: GhostMenuProps) {
  const mark = cm ? drawnGhostMarks(cm.state).find((m) => m.id === menu.id) : undefined;
  if (!cm || !mark) return null;
  const act = (action: 'accept' | 'reject') => {
    onClose();
    actOnGhostMark(cm.state, mark, action);
    cm.focus();
  };
  const quote = oneLine(cm.state.sliceDoc(mark.start, mark.end), 40);
  return (
    <PointerMenu
      x={menu.x}
      y={menu.y}
      itemCount={2}
      label="Suggestion"
      title={`Suggested ${mark.labelName}: “${quote}” (${mark.source})`}
      onItemKey={(event) => {
        if (event.key !== 'y' && event.key !== 'n') return false;
        act(event.key === 'y' ? 'accept' : 'reject');
        return true;
      }}
      onClose={() => {
        onClose();
        cm.focus();
      }}
    >
      <button type="button" role="menuitem" className="parley-ghost-accept" onClick={() => act('accept')}>
        Accept as {mark.labelName}
      </button>
      <button type="button" role="menuitem" className="parley-ghost-reject" onClick={() => act('reject')}>
        Reject
      </button>
    </PointerMenu>
  );
}
