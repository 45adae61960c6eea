/**
 * REFI-QDA (`.qdpx`), the project exchange standard of ATLAS.ti, MAXQDA,
 * NVivo, QDA Miner and QualCoder: the codec. Writing is in
 * `refi-qda-export.ts`, reading in `refi-qda-import.ts`, and how each
 * producer counts positions in `refi-qda-offsets.ts`. See
 * docs/formats/refi-qda.md.
 */
import type { FormatCodec } from './format';
import { exportRefiQda } from './refi-qda-export';
import { importRefiQda } from './refi-qda-import';

/** The REFI-QDA codec. */
export const refiQdaCodec: FormatCodec = {
  name: 'refi-qda',
  import: importRefiQda,
  export: exportRefiQda,
};
