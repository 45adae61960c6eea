import { useEffect, useRef, useState } from 'react';
import { AnnotatedImportNotice } from '../library/annotated-import-notice';
import { ImportReportNotice } from '../library/import-report-notice';
import { LayerImportReportNotice } from '../review/layer-import-report-notice';
import { Banner } from '../ui/banner';
import { ExportResultNotice } from './export-result-notice';
import type { Notice } from './notice';
import { fadeDelay, shownNotices } from './notice-timing';

interface NoticeListProps {
  notices: Notice[];
  onDismiss: (id: number) => void;
}

/**
 * Reports, results and errors, newest first. Success confirmations fade after
 * a few seconds (not while the pointer or focus is on the list); the rest stay
 * until dismissed. At most three show, the others behind "n more".
 */
export function NoticeList({ notices, onDismiss }: NoticeListProps) {
  const [expanded, setExpanded] = useState(false);
  const [held, setHeld] = useState(false);
  const shownAt = useRef(new Map<number, number>());
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  useEffect(() => {
    const now = Date.now();
    const live = new Set(notices.map((n) => n.id));
    for (const id of shownAt.current.keys()) if (!live.has(id)) shownAt.current.delete(id);
    for (const n of notices) if (!shownAt.current.has(n.id)) shownAt.current.set(n.id, now);
    if (held) return;
    const timers: number[] = [];
    for (const n of notices) {
      const delay = fadeDelay(n, shownAt.current.get(n.id)!, now);
      if (delay !== null) timers.push(window.setTimeout(() => dismissRef.current(n.id), delay));
    }
    return () => timers.forEach((t) => window.clearTimeout(t));
  }, [notices, held]);

  if (notices.length === 0) return null;
  const { shown, more } = shownNotices(notices, expanded);
  return (
    <div
      className="notice-list"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={() => setHeld(false)}
    >
      {more > 0 && (
        <button type="button" className="btn btn-secondary btn-small notice-more" onClick={() => setExpanded(true)}>
          {more} more
        </button>
      )}
      {expanded && notices.length > 3 && (
        <button type="button" className="btn btn-secondary btn-small notice-more" onClick={() => setExpanded(false)}>
          Show the newest three only
        </button>
      )}
      {shown.map((notice) => {
        const dismiss = () => onDismiss(notice.id);
        switch (notice.kind) {
          case 'import':
            return <ImportReportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'annotated-import':
            return <AnnotatedImportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'layer-import':
            return <LayerImportReportNotice key={notice.id} report={notice.report} onDismiss={dismiss} />;
          case 'export':
            return <ExportResultNotice key={notice.id} path={notice.path} warnings={notice.warnings} onDismiss={dismiss} />;
          case 'info':
            return (
              <Banner key={notice.id} tone="success" title={notice.title} onDismiss={dismiss}>
                <p>{notice.message}</p>
              </Banner>
            );
          case 'error':
            return (
              <Banner key={notice.id} tone="danger" title={notice.title} onDismiss={dismiss}>
                <p>{notice.message}</p>
                {notice.problems.length > 0 && (
                  <ul>
                    {notice.problems.map((p, i) => (
                      <li key={i}>{p}</li>
                    ))}
                  </ul>
                )}
              </Banner>
            );
        }
      })}
    </div>
  );
}
