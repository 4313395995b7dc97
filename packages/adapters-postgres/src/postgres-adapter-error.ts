/** Codes of this package's own errors. */
export const POSTGRES_ADAPTER_ERROR_CODES = [
  'postgres.migration_failed',
  'postgres.token_decryption_failed',
  'postgres.invalid_config',
  'postgres.data_dir_locked',
] as const;
export type PostgresAdapterErrorCode = (typeof POSTGRES_ADAPTER_ERROR_CODES)[number];

/** Base error of the Postgres adapter: a stable `code`, the cause kept through `ErrorOptions`. */
export class PostgresAdapterError extends Error {
  readonly code: PostgresAdapterErrorCode;

  constructor(code: PostgresAdapterErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A stored token could not be decrypted: the encryption key differs from the one that wrote it. */
export class TokenDecryptionError extends PostgresAdapterError {
  constructor(message: string, options?: ErrorOptions) {
    super('postgres.token_decryption_failed', message, options);
  }
}
