/** Reading and naming interchange files: text decoding, path pieces, safe unique file names. */
import { strFromU8 } from 'fflate';
import type { ParleyDocument } from '../model';
import type { FormatFile } from './format';
import { portableStem } from './portable-path';

/** The text of a file, decoding bytes as UTF-8 (a byte-order mark is kept; callers strip it where the format allows). */
export function fileText(file: FormatFile): string {
  return typeof file.data === 'string' ? file.data : strFromU8(file.data);
}

/** `text` without a leading byte-order mark. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The last segment of a path (`news/001.ann` → `001.ann`). */
export function baseName(path: string): string {
  const i = path.replace(/\\/g, '/').lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}

/** A path without its last extension (`news/001.ann` → `news/001`). */
export function withoutExtension(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? path : path.slice(0, path.length - (name.length - dot));
}

/** The lower-case extension of a path, without the dot (`a.JSONL` → `jsonl`), or ''. */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Hands out file stems derived from document titles that are safe on every
 * file system and unique within one export (`Talks in Seoul` → `talks-in-seoul`,
 * then `talks-in-seoul-2`). Hangul and other letters are kept.
 */
export class FileNamer {
  private readonly used = new Set<string>();

  /** A fresh stem for `title`. */
  stem(title: string): string {
    const base =
      title
        .normalize('NFC')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60) || 'document';
    return this.fresh(base);
  }

  /**
   * A fresh stem for a document: the name and sub-folders it was imported
   * with (`news/2024/talks`, made portable by `portableStem`) when known, else
   * one from its title. Stems differing only in case count as the same, as
   * on Windows and macOS; a repeat gets `-2`, `-3`.
   */
  stemFor(document: Pick<ParleyDocument, 'title' | 'originalPath'>): string {
    const original = document.originalPath ? portableStem(document.originalPath) : undefined;
    return original ? this.fresh(original) : this.stem(document.title);
  }

  private fresh(base: string): string {
    let stem = base;
    for (let n = 2; this.used.has(stem.toLowerCase()); n++) stem = `${base}-${n}`;
    this.used.add(stem.toLowerCase());
    return stem;
  }
}
