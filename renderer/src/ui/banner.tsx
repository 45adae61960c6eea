import type { ReactNode } from 'react';

type Tone = 'info' | 'success' | 'warning' | 'danger';

interface BannerProps {
  tone: Tone;
  title: string;
  children?: ReactNode;
  onDismiss?: () => void;
  /** What the dismiss button says to screen readers. */
  dismissLabel?: string;
}

/** A message across the top of the content area. Warnings and errors are announced at once; the rest politely. */
export function Banner({ tone, title, children, onDismiss, dismissLabel = 'Dismiss' }: BannerProps) {
  const urgent = tone === 'danger' || tone === 'warning';
  return (
    <div className={`banner banner-${tone}`} role={urgent ? 'alert' : 'status'}>
      <div className="banner-content">
        <p className="banner-title">{title}</p>
        {children}
      </div>
      {onDismiss && (
        <button type="button" className="icon-button banner-dismiss" aria-label={dismissLabel} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </div>
  );
}
