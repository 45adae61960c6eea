/**
 * GUIDs for REFI-QDA elements, derived from Parley ids so that exporting the
 * same corpus twice writes the same project (and a diff of two exports shows
 * only what changed). The standard wants `8-4-4-4-12` hex digits.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** A GUID for the element of `kind` (`code`, `source`, `selection`…) whose Parley id or name is `key`. */
export function refiGuid(kind: string, key: string): string {
  const hex = bytesToHex(sha256(utf8ToBytes(`parley:${kind}:${key}`))).slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** True for a GUID as the standard writes it, bare or in braces. */
export function isRefiGuid(value: string): boolean {
  return /^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\})$/.test(value);
}

/** The same GUID however written: lower case, without braces, so references written in either form meet. */
export function guidKey(value: string): string {
  return value.trim().replace(/^\{|\}$/g, '').toLowerCase();
}
