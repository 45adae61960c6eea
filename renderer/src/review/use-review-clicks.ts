import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { differenceAt } from '../../../annotations/review/difference-navigation';
import type { Difference } from '../../../annotations/review/differences';

/**
 * While review is open, a click in the article brings up the difference at
 * that place (the innermost, where they nest). A click outside every
 * difference, or one that ends a text selection, changes nothing.
 */
export function useReviewClicks(differences: readonly Difference[], focus: (index: number) => void): void {
  const latest = useRef({ differences, focus });
  useEffect(() => {
    latest.current = { differences, focus };
  }, [differences, focus]);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.detail > 1 || !(event.target instanceof Element)) return;
      const editor = event.target.closest('.parley-reader .cm-editor');
      const cm = editor instanceof HTMLElement ? EditorView.findFromDOM(editor) : null;
      if (!cm || !cm.state.selection.main.empty) return;
      const hit = cm.posAndSideAtCoords({ x: event.clientX, y: event.clientY });
      if (!hit) return;
      const index = differenceAt(latest.current.differences, hit.assoc === 1 ? hit.pos : hit.pos - 1);
      if (index !== null) latest.current.focus(index);
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);
}
