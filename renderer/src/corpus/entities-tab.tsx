import type { CorpusTabContext } from './corpus-tabs';

/** The entities of the library (being built). */
export function EntitiesTab({ statements }: CorpusTabContext) {
  return <p className="corpus-empty">{statements.length} statements in the library.</p>;
}
