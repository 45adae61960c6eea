import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { TagAllPreview } from './tag-all-preview';
import type { Annotation, Label } from '../../../annotations/model';
import { findMatches } from '../../../annotations/text/find-matches';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import { Button } from '../ui/button';

interface SearchPanelProps {
  text: string;
  labels: readonly Label[];
  /** The layer's annotations, to skip matches already tagged with the chosen label. */
  annotations: readonly Annotation[];
  /** Called with every match and the index of the current one (-1 for none). */
  onMatches(ranges: readonly TextSpan[], current: number): void;
  onTagAll(labelId: string, spans: TextSpan[]): void;
  /** Enter in the search box: select the current match in the text, ready for a label key. */
  onSelectMatch(span: TextSpan): void;
  /** Grows each time search is asked for again, so the open box takes focus. */
  focusRequest: number;
  onClose(): void;
}

interface Confirmation {
  labelId: string;
  spans: TextSpan[];
  skipped: number;
}

/**
 * Search in the open document (plain text or regular expression, optionally
 * case sensitive or whole word), with a count of matches. Enter selects the
 * current match in the text (a label key then tags it); the arrow keys move
 * between matches. "Tag all matches" lists each match in its context, with a
 * box to leave it out, before anything is added.
 */
export function SearchPanel({ text, labels, annotations, onMatches, onTagAll, onSelectMatch, focusRequest, onClose }: SearchPanelProps) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => box.current?.select(), [focusRequest]);
  const [query, setQuery] = useState('');
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const [regexp, setRegexp] = useState(false);
  const [current, setCurrent] = useState(0);
  const [tagLabel, setTagLabel] = useState(labels[0]?.id ?? '');
  const [confirm, setConfirm] = useState<Confirmation | null>(null);
  const [message, setMessage] = useState('');
  const deferredQuery = useDeferredValue(query);

  const result = useMemo(() => findMatches(text, { query: deferredQuery, caseSensitive, wholeWord, regexp }), [text, deferredQuery, caseSensitive, wholeWord, regexp]);
  const ranges = useMemo(() => (result.ok ? result.value.ranges : []), [result]);
  const at = ranges.length === 0 ? -1 : Math.min(current, ranges.length - 1);

  useEffect(() => onMatches(ranges, at), [ranges, at, onMatches]);
  useEffect(() => {
    setCurrent(0);
    setMessage('');
  }, [deferredQuery, caseSensitive, wholeWord, regexp]);

  const move = (step: 1 | -1) => {
    if (ranges.length > 0) setCurrent((at + step + ranges.length) % ranges.length);
  };

  const askTagAll = () => {
    const label = labels.find((l) => l.id === tagLabel);
    if (!label || ranges.length === 0) return;
    const tagged = new Set(annotations.filter((a) => a.labelId === label.id).map((a) => `${a.start}:${a.end}`));
    const spans = ranges.filter((r) => !tagged.has(`${r.start}:${r.end}`));
    if (spans.length === 0) {
      setMessage(`Every match is already tagged as ${label.name}.`);
      return;
    }
    setConfirm({ labelId: label.id, spans, skipped: ranges.length - spans.length });
  };

  const count = !result.ok
    ? result.error.message
    : query === ''
      ? ''
      : ranges.length === 0
        ? 'No matches'
        : `${at + 1} of ${ranges.length}${result.value.truncated ? '+' : ''}`;
  const confirmLabel = confirm ? labels.find((l) => l.id === confirm.labelId)?.name : '';

  return (
    <div className="parley-search" role="search">
      <input
        className="parley-search-input"
        type="search"
        aria-label="Search the document"
        aria-description="Enter selects the match, the arrow keys move between matches"
        placeholder={regexp ? 'Regular expression' : 'Search'}
        autoFocus
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        ref={box}
        onKeyDown={(event) => {
          const hit = ranges[at];
          if (event.key === 'Enter' && hit) {
            event.preventDefault();
            onSelectMatch(hit);
          } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp' || event.key === 'F3') {
            event.preventDefault();
            move(event.key === 'ArrowUp' || (event.key === 'F3' && event.shiftKey) ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            onClose();
          }
        }}
      />
      <span className={result.ok ? 'parley-search-count' : 'parley-search-count error'} role="status" aria-live="polite">
        {count}
      </span>
      <Button size="small" variant="ghost" aria-label="Previous match" disabled={ranges.length === 0} onClick={() => move(-1)}>
        ↑
      </Button>
      <Button size="small" variant="ghost" aria-label="Next match" disabled={ranges.length === 0} onClick={() => move(1)}>
        ↓
      </Button>
      <label>
        <input type="checkbox" checked={caseSensitive} onChange={(event) => setCaseSensitive(event.target.checked)} /> Match case
      </label>
      <label>
        <input type="checkbox" checked={wholeWord} onChange={(event) => setWholeWord(event.target.checked)} /> Whole word
      </label>
      <label>
        <input type="checkbox" checked={regexp} onChange={(event) => setRegexp(event.target.checked)} /> Regular expression
      </label>
      <span className="parley-search-tag">
        <select aria-label="Label for all matches" value={tagLabel} onChange={(event) => setTagLabel(event.target.value)}>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
        <Button size="small" disabled={ranges.length === 0} onClick={askTagAll}>
          Tag all matches
        </Button>
      </span>
      <Button size="small" variant="ghost" aria-label="Close search" onClick={onClose}>
        ×
      </Button>
      {message && <span className="parley-hint">{message}</span>}
      {confirm && (
        <TagAllPreview
          text={text}
          labelName={confirmLabel ?? ''}
          spans={confirm.spans}
          skipped={confirm.skipped}
          onCancel={() => setConfirm(null)}
          onApply={(spans) => {
            onTagAll(confirm.labelId, spans);
            setConfirm(null);
          }}
        />
      )}
    </div>
  );
}
