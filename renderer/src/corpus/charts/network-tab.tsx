import type { Statement } from '../../../../annotations/statements/build-statements';

/** What a chart tab of the corpus view receives: the library's statements, and a way to open one in the reader. */
export interface NetworkTabProps {
  statements: Statement[];
  onOpen(documentId: string, annotationId: string): void;
}

/** Placeholder until the network is drawn: says how many statements it will show. */
export function NetworkTab({ statements }: NetworkTabProps) {
  return <p className="corpus-empty">The network of {statements.length} statements is not drawn yet.</p>;
}
