import type { StoredToken, TokenStore } from '@zenslackchat/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { mapped } from './map-db-error.ts';
import { executorFor, runTransaction } from './run-transaction.ts';
import type { OauthTokensTable, Schema } from './schema.ts';
import { TokenCipher } from './token-cipher.ts';
import { instant, text } from './validate.ts';

/** Options of `PostgresTokenStore`. */
export interface PostgresTokenStoreOptions {
  /** Any secret string of 16+ characters (e.g. TOKEN_ENCRYPTION_KEY); the AES key is derived from it. */
  readonly encryptionKey: string;
  /** Earlier keys, still accepted for reading while grants are re-saved under the current one. */
  readonly previousEncryptionKeys?: readonly string[];
}

type Field = 'access' | 'refresh';
/** The first key of the grants' advisory locks, so they never collide with another use of them. */
const LOCK_SPACE = 'zenslackchat.oauth_tokens';
const context = (provider: string, account: string, field: Field) => `${provider}/${account}/${field}`;

/**
 * The core's `TokenStore` on Kysely: access and refresh tokens are AES-256-GCM encrypted at rest.
 * Reading a grant saved under another key throws `TokenDecryptionError`; store failures throw
 * `IntegrationError`.
 */
export class PostgresTokenStore implements TokenStore {
  readonly #db: Kysely<Schema>;
  readonly #cipher: TokenCipher;

  constructor(db: Kysely<Schema>, options: PostgresTokenStoreOptions) {
    this.#db = db;
    this.#cipher = new TokenCipher(options.encryptionKey, options.previousEncryptionKeys);
  }

  async save(token: StoredToken): Promise<void> {
    const provider = text(token.provider, 'provider', 64);
    const account = text(token.account, 'account');
    const values = {
      account_name: token.accountName ?? null,
      access_token: this.#cipher.encrypt(
        text(token.accessToken, 'accessToken', 8192),
        context(provider, account, 'access'),
      ),
      refresh_token:
        token.refreshToken === undefined
          ? null
          : this.#cipher.encrypt(token.refreshToken, context(provider, account, 'refresh')),
      expires_at: token.expiresAt === undefined ? null : instant(token.expiresAt, 'expiresAt'),
      scopes: [...token.scopes],
      metadata: JSON.stringify(token.metadata),
      updated_at: instant(token.updatedAt, 'updatedAt'),
    };
    return mapped(async () => {
      await executorFor(this.#db)
        .insertInto('oauth_tokens')
        .values({ provider, account, ...values })
        .onConflict((oc) => oc.columns(['provider', 'account']).doUpdateSet(values))
        .execute();
    });
  }

  get(provider: string, account?: string): Promise<StoredToken | undefined> {
    return mapped(async () => {
      let select = executorFor(this.#db)
        .selectFrom('oauth_tokens')
        .selectAll()
        .where('provider', '=', provider);
      if (account !== undefined) select = select.where('account', '=', account);
      const row = await select.orderBy('updated_at', 'desc').orderBy('account').limit(1).executeTakeFirst();
      return row && this.#toToken(row);
    });
  }

  list(provider: string): Promise<readonly StoredToken[]> {
    return mapped(async () => {
      const rows = await executorFor(this.#db)
        .selectFrom('oauth_tokens')
        .selectAll()
        .where('provider', '=', provider)
        .orderBy('updated_at', 'desc')
        .orderBy('account')
        .execute();
      return rows.map((row) => this.#toToken(row));
    });
  }

  delete(provider: string, account: string): Promise<void> {
    return mapped(async () => {
      await executorFor(this.#db)
        .deleteFrom('oauth_tokens')
        .where('provider', '=', provider)
        .where('account', '=', account)
        .execute();
    });
  }

  /**
   * A transaction holding a Postgres advisory lock on the grant (`pg_advisory_xact_lock`), so the
   * lock spans processes and goes with the connection if the process dies; `work`'s reads and
   * saves join the transaction. On PGlite (one connection) transactions already run one at a time.
   */
  withTokenLock<T>(provider: string, account: string, work: () => Promise<T>): Promise<T> {
    return runTransaction(this.#db, async (trx) => {
      await mapped(() =>
        sql`select pg_advisory_xact_lock(hashtext(${LOCK_SPACE}), hashtext(${`${provider}/${account}`}))`.execute(
          trx,
        ),
      );
      return work();
    });
  }

  #toToken(row: Selectable<OauthTokensTable>): StoredToken {
    const { provider, account } = row;
    return {
      provider,
      account,
      ...(row.account_name === null ? {} : { accountName: row.account_name }),
      accessToken: this.#cipher.decrypt(row.access_token, context(provider, account, 'access')),
      ...(row.refresh_token === null
        ? {}
        : { refreshToken: this.#cipher.decrypt(row.refresh_token, context(provider, account, 'refresh')) }),
      ...(row.expires_at === null ? {} : { expiresAt: row.expires_at }),
      scopes: row.scopes,
      metadata: row.metadata,
      updatedAt: row.updated_at,
    };
  }
}
