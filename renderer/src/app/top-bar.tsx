import type { ReactNode } from 'react';
import type { DocumentStatus } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';
import { Button } from '../ui/button';
import { Icon } from '../ui/icon';
import { StatusPicker } from './status-picker';

interface TopBarProps {
  sidebarId: string;
  sidebarOpen: boolean;
  current: DocumentSummary | null;
  statusBusy: boolean;
  canExport: boolean;
  onToggleSidebar: () => void;
  onStatus: (status: DocumentStatus) => void;
  onExport: () => void;
  onLabels: () => void;
  onImport: () => void;
  /** The switch between reading, review and agreement. */
  modes?: ReactNode;
}

/** The bar across the top: app name, open document and its status, and the app's main actions. */
export function TopBar({ sidebarId, sidebarOpen, current, statusBusy, canExport, onToggleSidebar, onStatus, onExport, onLabels, onImport, modes }: TopBarProps) {
  return (
    <header className="top-bar">
      <button
        type="button"
        className="icon-button"
        aria-label={sidebarOpen ? 'Hide library' : 'Show library'}
        aria-expanded={sidebarOpen}
        aria-controls={sidebarId}
        title={sidebarOpen ? 'Hide library' : 'Show library'}
        onClick={onToggleSidebar}
      >
        <Icon name="sidebar" />
      </button>
      <span className="app-name">Parley</span>
      <span className="top-bar-divider" aria-hidden="true" />
      <h1 className="current-title" title={current?.title}>
        {current ? current.title : 'No document open'}
      </h1>
      {current && <StatusPicker status={current.status} disabled={statusBusy} onChange={onStatus} />}
      <span className="top-bar-spacer" />
      {modes}
      <nav className="top-bar-actions" aria-label="Actions">
        <Button variant="ghost" onClick={onExport} disabled={!canExport}>
          <Icon name="download" /> Export
        </Button>
        <Button variant="ghost" onClick={onLabels}>
          <Icon name="tag" /> Labels
        </Button>
        <Button variant="ghost" onClick={onImport}>
          <Icon name="upload" /> Import
        </Button>
      </nav>
    </header>
  );
}
