import type { CorpusTabContext } from './corpus-tabs';

/** The search of the library (being built). */
export function SearchTab({ statements }: CorpusTabContext) {
  return <p className="corpus-empty">{statements.length} statements in the library.</p>;
}
