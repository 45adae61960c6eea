import type { CorpusTabContext } from './corpus-tabs';

/** The statements of the library (being built). */
export function StatementsTab({ statements }: CorpusTabContext) {
  return <p className="corpus-empty">{statements.length} statements in the library.</p>;
}
