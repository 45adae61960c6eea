/** One finding of an Electronegativity report. */
export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
  description: string;
}
/** The rows of a CSV text, with quoted cells that may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][];
/** The findings of a report, or null when it does not read as one. */
export function readFindings(text: string): Finding[] | null;
