import type { Statement } from '../../../../annotations/statements/build-statements';

/** What a chart tab of the corpus view receives: the library's statements, and a way to open one in the reader. */
export interface MatrixTabProps {
  statements: Statement[];
  onOpen(documentId: string, annotationId: string): void;
}

/** Placeholder until the matrix is drawn: says how many statements it will show. */
export function MatrixTab({ statements }: MatrixTabProps) {
  return <p className="corpus-empty">The matrix of {statements.length} statements is not drawn yet.</p>;
}
