import { createHash } from 'node:crypto';

// A post carries its delivery key as an invisible marker at the end of its text, because Graph's
// chatMessage returns nothing a bot can set but the body. The marker is 64 bits of the key's
// SHA-256 in base 4, written with four zero-width characters between two invisible separators
// (all Unicode Default_Ignorable code points: Teams shows nothing, text stays plain text, and an
// HTML sanitiser has no markup to drop). A body that lost it is simply not found (re-posted).
const SEPARATOR = '\u2063';
const DIGITS = ['\u200B', '\u200C', '\u200D', '\u2060'] as const;
// An alternation, not a character class: a class holding U+200D reads as an emoji sequence.
const MARKER = /\u2063(?:\u200B|\u200C|\u200D|\u2060){32}\u2063/g;

/** The invisible marker of `key` (34 characters). */
export function deliveryMarker(key: string): string {
  const digest = createHash('sha256').update(key, 'utf8').digest().subarray(0, 8);
  let digits = '';
  for (const byte of digest) {
    for (let shift = 6; shift >= 0; shift -= 2) digits += DIGITS[(byte >> shift) & 3];
  }
  return `${SEPARATOR}${digits}${SEPARATOR}`;
}

/** True when `text` (plain or HTML with entities decoded) carries the marker of `key`. */
export function carriesMarker(text: string, key: string): boolean {
  const wanted = deliveryMarker(key);
  for (const match of text.matchAll(MARKER)) if (match[0] === wanted) return true;
  return false;
}

/** `text` without delivery markers (what a person reads). */
export function withoutMarkers(text: string): string {
  return text.replace(MARKER, '');
}
