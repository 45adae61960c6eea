// Reads Electronegativity's CSV report (scripts/electronegativity.mjs runs the scan).

const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** The rows of a CSV text, with quoted cells that may hold commas, doubled quotes and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

/**
 * The findings of a report, or null when it does not read as one: a row whose
 * cells are not the report's eight, whose check is not an upper-case name or
 * whose severity is not a known level
 * (a report cut short or garbled in the writing).
 */
export function readFindings(text) {
  const rows = parseCsv(text).slice(1);
  if (rows.some((cells) => cells.length !== 8)) return null;
  const findings = rows
    .map((cells) => ({ check: cells[0], severity: cells[1], file: cells[3], location: cells[4], description: cells[6] }));
  return findings.every((f) => /^[A-Z0-9_]+$/.test(f.check ?? '') && SEVERITIES.includes(f.severity)) ? findings : null;
}
