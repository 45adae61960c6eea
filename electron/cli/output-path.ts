/** Where several output files can go: a folder or a .zip, never a path that reads like one file. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { isZipPath } from '../../annotations/formats/zip';

/**
 * Undefined when `files` output files can be written at `output`; otherwise
 * why not. Several files (brat, W3C and CSV write a text beside each
 * annotation file) need a folder or a .zip, so `corpus.jsonld` is refused
 * rather than made into a folder of that name.
 */
export async function outputProblem(output: string, files: number, format: string): Promise<string | undefined> {
  if (files <= 1 || isZipPath(output) || path.extname(output) === '') return undefined;
  const existing = await stat(output).catch(() => undefined);
  if (existing?.isDirectory()) return undefined;
  const base = output.slice(0, -path.extname(output).length);
  return `${format} writes ${files} files (a text file beside each annotation file), so ${output} cannot be one file: give a folder (${base}/) or a zip (${base}.zip)`;
}
