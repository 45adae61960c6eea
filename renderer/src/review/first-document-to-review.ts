import { OWN_LAYER_ID } from '../../../annotations/model';
import { nextUndecidedDocument } from '../../../annotations/review/review-queue';

/**
 * Where a click-through should open the review of these layers: the open
 * document when it has undecided differences among them, else the first one
 * in the library that has; the open document when nothing is left to decide
 * (or the store cannot say), so the review still opens.
 */
export async function firstDocumentToReview(layerIds: readonly string[], currentId: string | null): Promise<string | null> {
  const pair = layerIds.length === 2 && layerIds[0] === OWN_LAYER_ID;
  const queue = await window.parley.api.reviewQueue(pair ? { theirsLayerId: layerIds[1]! } : { layerIds: [...layerIds] });
  if (!queue.ok) return currentId;
  const here = queue.value.documents.find((d) => d.documentId === currentId);
  if (here && here.decided < here.total) return here.documentId;
  return nextUndecidedDocument(queue.value, null)?.documentId ?? currentId ?? queue.value.documents[0]?.documentId ?? null;
}
