/** The placeholder values `.env.example` shows; a key still set to one of them is refused. */
export const PLACEHOLDER_KEYS: readonly string[] = [
  'change-me-to-50-random-characters',
  'change-me-to-another-long-random-string',
];

/** The least estimated entropy a key needs (bits), and its shortest length. */
export const MIN_KEY_BITS = 128;
export const MIN_KEY_LENGTH = 32;

/**
 * Estimated entropy of a key in bits: its length times the Shannon entropy of its characters. A
 * floor check, not a proof: it catches short keys, repeated characters and dictionary-like text,
 * and passes any 32 random bytes written as base64 (about 200 bits) or hex (about 250).
 */
export function estimatedBits(key: string): number {
  const counts = new Map<string, number>();
  for (const char of key) counts.set(char, (counts.get(char) ?? 0) + 1);
  const length = [...key].length;
  let perChar = 0;
  for (const count of counts.values()) perChar -= (count / length) * Math.log2(count / length);
  return Math.floor(perChar * length);
}

/** Why a key is too weak to use, or undefined when it is acceptable. */
export function keyWeakness(key: string): string | undefined {
  const how = 'generate one with `openssl rand -base64 32`';
  if (PLACEHOLDER_KEYS.includes(key) || /change-?me/i.test(key)) {
    return `is the placeholder from .env.example: anyone who has read it knows the key; ${how}`;
  }
  if ([...key].length < MIN_KEY_LENGTH) {
    return `is shorter than ${MIN_KEY_LENGTH} characters, too little entropy to resist guessing; ${how}`;
  }
  const bits = estimatedBits(key);
  if (bits < MIN_KEY_BITS) {
    return `has too little entropy (about ${bits} bits estimated, ${MIN_KEY_BITS} needed: repeated or predictable characters); ${how}`;
  }
  return undefined;
}
