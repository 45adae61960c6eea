/**
 * What the corpus view computes per document (its statements, its mentions),
 * kept until the document changes, so asking again after one tag recomputes
 * one document rather than the library.
 */

/** A document's id and a version that changes whenever what is computed from it would. */
export interface DocumentVersion {
  id: string;
  version: string;
}

/** Values computed per document, recomputed only for documents whose version changed. */
export class PerDocumentCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  /**
   * The value of every document of `documents`, in their order: kept ones
   * where the version is the same, `compute` for the others (a document it
   * gives undefined for is skipped). Documents no longer listed are forgotten.
   */
  collect(documents: readonly DocumentVersion[], compute: (id: string) => T | undefined): T[] {
    const values: T[] = [];
    const live = new Set<string>();
    for (const { id, version } of documents) {
      live.add(id);
      const kept = this.entries.get(id);
      if (kept && kept.version === version) {
        values.push(kept.value);
        continue;
      }
      const value = compute(id);
      if (value === undefined) {
        this.entries.delete(id);
        continue;
      }
      this.entries.set(id, { version, value });
      values.push(value);
    }
    for (const id of [...this.entries.keys()]) if (!live.has(id)) this.entries.delete(id);
    return values;
  }
}
