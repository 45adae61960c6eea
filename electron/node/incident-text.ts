/** How the app and the command line tell a person about a damaged store file that was repaired. */
import type { StoreIncident } from '../../shared/library';

/** One incident in words: which file, what was wrong, where the damaged copy is, and what replaced it. */
export function describeIncident(incident: StoreIncident): string {
  const replaced = incident.restoredFrom
    ? `its last good copy was restored from ${incident.restoredFrom}`
    : incident.details?.length
      ? 'it was repaired in place'
      : 'there was no good copy to restore it from';
  const details = incident.details?.length ? ` ${incident.details.join(' ')}` : '';
  return `${incident.file} was damaged (${incident.problem}). The damaged file was moved to ${incident.movedTo}, and ${replaced}.${details}`;
}
