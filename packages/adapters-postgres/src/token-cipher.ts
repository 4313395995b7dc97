import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { PostgresAdapterError, TokenDecryptionError } from './postgres-adapter-error.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
/** Fixed, public: HKDF only needs the secret to be secret. Changing it changes every key. */
const SALT = 'zenslackchat.token-store';
const INFO = 'aes-256-gcm.v1';

/**
 * AES-256-GCM for secrets at rest: a random 12-byte IV per value, the 32-byte key derived with
 * HKDF-SHA256 from any configured secret string. Layout: version(1) | iv(12) | tag(16) | ciphertext.
 * `context` (e.g. provider/account/field) is bound as associated data, so a value copied to
 * another row or column fails to decrypt.
 */
export class TokenCipher {
  readonly #keys: readonly Buffer[];

  /** `secret` encrypts and decrypts; `previous` secrets only decrypt (key rotation). */
  constructor(secret: string, previous: readonly string[] = []) {
    this.#keys = [secret, ...previous].map((s) => {
      if (typeof s !== 'string' || s.length < 16) {
        throw new PostgresAdapterError(
          'postgres.invalid_config',
          'token encryption keys must be at least 16 characters',
        );
      }
      return Buffer.from(hkdfSync('sha256', s, SALT, INFO, 32));
    });
  }

  /** Encrypts `plaintext` for `context` under the current key; every call yields a different ciphertext. */
  encrypt(plaintext: string, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#keys[0]!, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
  }

  /**
   * Decrypts a value written by `encrypt` for the same context under the current or a previous
   * key (GCM's tag tells a wrong key apart), or throws `TokenDecryptionError`.
   */
  decrypt(sealed: Uint8Array, context: string): string {
    const data = Buffer.from(sealed);
    if (data.length < HEADER_BYTES || data[0] !== VERSION) {
      throw new TokenDecryptionError(`stored token for ${context} is not in a known format`);
    }
    let failure: unknown;
    for (const key of this.#keys) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(data.subarray(1 + IV_BYTES, HEADER_BYTES));
      try {
        return Buffer.concat([decipher.update(data.subarray(HEADER_BYTES)), decipher.final()]).toString(
          'utf8',
        );
      } catch (error) {
        failure = error;
      }
    }
    throw new TokenDecryptionError(
      `cannot decrypt the stored token for ${context}: the token encryption key differs from the one that saved it`,
      { cause: failure },
    );
  }
}
