import type { StoreIncident } from '../../../shared/library';
import { Banner } from '../ui/banner';

interface IncidentBannerProps {
  incidents: StoreIncident[];
  storeDir: string;
  onDismiss: () => void;
}

/** Damaged store files found at start-up: where each went and whether a backup replaced it. */
export function IncidentBanner({ incidents, storeDir, onDismiss }: IncidentBannerProps) {
  const title = incidents.length === 1 ? 'A damaged file was found in your library and set aside' : `${incidents.length} damaged files were found in your library and set aside`;
  return (
    <Banner tone="warning" title={title} onDismiss={onDismiss} dismissLabel="Dismiss damaged file notice">
      <ul className="incident-list" data-testid="incidents">
        {incidents.map((incident) => (
          <li key={`${incident.file}->${incident.movedTo}`}>
            <code>{incident.file}</code> could not be read ({incident.problem}). It was moved to <code>{incident.movedTo}</code>
            {incident.restoredFrom ? (
              <>
                {' '}
                and restored from the backup <code>{incident.restoredFrom}</code>.
              </>
            ) : (
              '; no backup existed, so what it held is missing from the library until the file is repaired.'
            )}
          </li>
        ))}
      </ul>
      <p className="muted small">
        Nothing was deleted. The library is stored in <code>{storeDir}</code>.
      </p>
    </Banner>
  );
}
