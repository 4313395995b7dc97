/**
 * SHA-256 (hex) of a comment body, normalised the way a ticketing system may hand it back (line
 * ends, trailing spaces, surrounding blank lines), so the bot recognises its own comment while it
 * is still being written. Uses the standard Web Crypto global, no import.
 */
export async function commentHash(body: string): Promise<string> {
  const normal = body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(normal));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
