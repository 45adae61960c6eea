/**
 * Checks an event from the main process before the page sees it (the preload
 * cannot load zod, so the shape is checked by hand): anything that is not
 * one of `ParleyEvent`'s shapes, with fields of the right types and sizes,
 * is dropped.
 */
import type { ParleyEvent } from './api';

const MAX_TEXT = 1_000;
const MAX_LAYERS = 10_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The event, rebuilt from its checked fields only, or null when `value` is not a `ParleyEvent`. */
export function parseParleyEvent(value: unknown): ParleyEvent | null {
  if (!isRecord(value)) return null;
  switch (value.type) {
    case 'library-changed':
      return { type: 'library-changed' };
    case 'progress': {
      const { taskId, task, done, total, finished } = value;
      if (!isText(taskId) || typeof task !== 'string' || task.length > MAX_TEXT || !isCount(done) || !isCount(total) || typeof finished !== 'boolean') return null;
      return { type: 'progress', taskId, task, done, total, finished };
    }
    case 'layers-pulled': {
      const { layers } = value;
      if (!Array.isArray(layers) || layers.length > MAX_LAYERS) return null;
      const checked: Array<{ documentId: string; layerId: string; author: string }> = [];
      for (const layer of layers) {
        if (!isRecord(layer) || !isText(layer.documentId) || !isText(layer.layerId) || !isText(layer.author)) return null;
        checked.push({ documentId: layer.documentId, layerId: layer.layerId, author: layer.author });
      }
      return { type: 'layers-pulled', layers: checked };
    }
    default:
      return null;
  }
}
