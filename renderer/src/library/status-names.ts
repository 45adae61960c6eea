import type { DocumentStatus } from '../../../annotations/model';

/** How each status is named in the interface. */
export const STATUS_NAMES: Record<DocumentStatus, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  done: 'Done',
};
