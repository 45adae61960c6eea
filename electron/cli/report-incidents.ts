/** Tells the person at the terminal about damaged store files that were repaired when the store opened. */
import type { StoreIncident } from '../../shared/library';
import { describeIncident } from '../node/incident-text';
import type { CliIo } from './cli-io';

/** Writes one line per incident to standard error; the command itself goes on. */
export function reportIncidents(incidents: readonly StoreIncident[], io: CliIo): void {
  for (const incident of incidents) io.err(`parley: repaired a damaged store file. ${describeIncident(incident)}`);
}
