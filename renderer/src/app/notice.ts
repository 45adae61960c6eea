import type { Problem } from '../../../annotations/result';
import type { AnnotatedImportReport, ImportReport, LayerImportReport } from '../../../shared/api';

/** Something the app tells the analyst in the notice area above the reader. */
export type Notice =
  | { id: number; kind: 'error'; title: string; message: string; problems: string[] }
  | { id: number; kind: 'import'; report: ImportReport }
  | { id: number; kind: 'layer-import'; report: LayerImportReport }
  | { id: number; kind: 'annotated-import'; report: AnnotatedImportReport }
  | { id: number; kind: 'export'; path: string; warnings: Problem[] }
  | { id: number; kind: 'info'; title: string; message: string };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** A notice before it has an id. */
export type NoticeInput = WithoutId<Notice>;
