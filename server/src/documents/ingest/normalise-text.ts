import { createHash } from 'node:crypto';

/**
 * The form of a paragraph's text that its hash is taken over, as in the shared
 * `Paragraph.textHash` contract: NFC, whitespace runs collapsed to one space,
 * trimmed, lower case. Re-anchoring compares paragraphs across versions by it,
 * so every producer of a textHash must use this one function.
 */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** sha256 hex of `normaliseText(s)`. */
export function textHash(s: string): string {
  return createHash('sha256').update(normaliseText(s), 'utf8').digest('hex');
}
