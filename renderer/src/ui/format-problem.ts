import type { Failure, Problem } from '../../../annotations/result';

/** One line naming where a problem is and what it is: `notes.html, line 3: not valid UTF-8`. */
export function formatProblem(problem: Problem): string {
  const where = [problem.file, problem.line !== undefined ? `line ${problem.line}` : undefined, problem.record !== undefined ? `record ${problem.record}` : undefined]
    .filter((part): part is string => part !== undefined && part !== '')
    .join(', ');
  return where ? `${where}: ${problem.message}` : problem.message;
}

/** A failure as a sentence, followed by each of its problems. */
export function failureLines(failure: Failure): { message: string; problems: string[] } {
  return { message: failure.message, problems: (failure.problems ?? []).map(formatProblem) };
}
