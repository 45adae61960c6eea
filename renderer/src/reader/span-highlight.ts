/**
 * A set of plain highlights (search matches, the selected annotation), kept
 * in a StateField and replaced wholesale by one effect. Each call makes an
 * independent field with its own class.
 */
import { RangeSetBuilder, StateEffect, StateField, type Extension, type StateEffectType } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { TextSpan } from '../../../annotations/text/word-boundaries';

/** A highlight field and the effect that sets its ranges. */
export interface SpanHighlight {
  extension: Extension;
  /** Sets the highlighted ranges; they must be sorted by start. */
  set: StateEffectType<readonly TextSpan[]>;
}

/** Makes a highlight layer whose ranges are drawn with `className`. */
export function spanHighlight(className: string): SpanHighlight {
  const set = StateEffect.define<readonly TextSpan[]>();
  const mark = Decoration.mark({ class: className });
  const field = StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, tr) {
      let next = tr.docChanged ? value.map(tr.changes) : value;
      for (const effect of tr.effects) {
        if (!effect.is(set)) continue;
        const builder = new RangeSetBuilder<Decoration>();
        const length = tr.state.doc.length;
        for (const span of effect.value) if (span.start < span.end && span.end <= length) builder.add(span.start, span.end, mark);
        next = builder.finish();
      }
      return next;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
  return { extension: field, set };
}
