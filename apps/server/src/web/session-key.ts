import { hkdfSync } from 'node:crypto';

/**
 * Derives the 32-byte session cookie key from WEBAPP_SECRET_KEY with HKDF-SHA256, so a new secret
 * key makes every existing cookie undecryptable (everyone logs in again).
 */
export function deriveSessionKey(secretKey: string): Buffer {
  if (secretKey.length < 16) throw new RangeError('the web secret key must be at least 16 characters');
  return Buffer.from(hkdfSync('sha256', secretKey, 'zenslackchat', 'web-session-cookie-v1', 32));
}
