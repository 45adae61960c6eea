import type { ReactNode } from 'react';

interface ReportSectionProps<T> {
  heading: string;
  items: readonly T[];
  /** One item's line. */
  children: (item: T) => ReactNode;
}

/** A headed list in an import or export report; nothing at all when there are no items. */
export function ReportSection<T>({ heading, items, children }: ReportSectionProps<T>) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="report-heading">{heading}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i}>{children(item)}</li>
        ))}
      </ul>
    </div>
  );
}
