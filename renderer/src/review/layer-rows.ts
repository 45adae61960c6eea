/** The layers of the library, one row each, for the layer manager. */
import { OWN_LAYER_ID, RECONCILED_LAYER_ID, type LayerKind } from '../../../annotations/model';
import type { DocumentSummary } from '../../../shared/library';

/** One layer across the library. */
export interface LayerRowData {
  id: string;
  kind: LayerKind;
  author: string;
  /** Documents that have this layer. */
  documents: number;
  /** Its annotations over all those documents. */
  annotations: number;
  /** Its annotations on the open document, or null if that document does not have it. */
  here: number | null;
}

const KIND_ORDER: Record<LayerKind, number> = { own: 0, colleague: 1, reconciled: 2 };

/** Every layer some document has: the analyst's own first, then colleagues by name, then the reconciled layer. */
export function layerRows(documents: readonly DocumentSummary[], currentId: string | null): LayerRowData[] {
  const rows = new Map<string, LayerRowData>();
  rows.set(OWN_LAYER_ID, { id: OWN_LAYER_ID, kind: 'own', author: '', documents: 0, annotations: 0, here: null });
  for (const doc of documents) {
    for (const layer of doc.layers) {
      let row = rows.get(layer.id);
      if (!row) rows.set(layer.id, (row = { id: layer.id, kind: layer.kind, author: layer.author, documents: 0, annotations: 0, here: null }));
      else if (!row.author) row.author = layer.author;
      row.documents += 1;
      row.annotations += layer.count;
      if (doc.id === currentId) row.here = layer.count;
    }
  }
  return [...rows.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || layerName(a).localeCompare(layerName(b)));
}

/**
 * What the app calls a layer: its author's name (the analyst's own layer too,
 * as the agreement report and the review name it), or "Reconciled".
 */
export function layerName(layer: { id: string; author: string }): string {
  if (layer.id === OWN_LAYER_ID) return layer.author || 'You';
  if (layer.id === RECONCILED_LAYER_ID) return 'Reconciled';
  return layer.author || layer.id.replace(/^colleague:/, '');
}

/** A layer in a sentence: "your layer", "the reconciled layer", "Sam’s layer". */
export function layerPhrase(layer: { id: string; author: string }): string {
  if (layer.id === OWN_LAYER_ID) return 'your layer';
  if (layer.id === RECONCILED_LAYER_ID) return 'the reconciled layer';
  return `${layerName(layer)}’s layer`;
}

/** Ids of the documents that have a layer. */
export function documentsWithLayer(documents: readonly DocumentSummary[], layerId: string): string[] {
  return documents.filter((d) => d.layers.some((l) => l.id === layerId)).map((d) => d.id);
}
