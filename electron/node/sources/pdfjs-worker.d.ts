/** pdf.js's worker module ships no types; it is only installed as `globalThis.pdfjsWorker` (see read-pdf.ts). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
