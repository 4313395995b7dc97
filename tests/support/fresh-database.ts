import { randomBytes } from 'node:crypto';
import pg from 'pg';

const ADMIN_URL = process.env.ZSC_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the local Postgres, created per test file and dropped after it. */
export class FreshDatabase {
  readonly name: string;
  readonly url: string;
  #pool: pg.Pool | undefined;

  private constructor(name: string) {
    this.name = name;
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    this.url = url.toString();
  }

  /** Creates a database named after `prefix` plus a random suffix. */
  static async create(prefix: string): Promise<FreshDatabase> {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    await admin(`create database ${name}`);
    return new FreshDatabase(name);
  }

  /** Runs one query on the database (seeding and quiescence probes only). */
  async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    if (this.#pool === undefined) {
      this.#pool = new pg.Pool({ connectionString: this.url, max: 2 });
      // An idle probe connection is cut when the database is dropped WITH (FORCE): expected.
      this.#pool.on('error', () => {});
    }
    return (await this.#pool.query<R>(text, values)).rows;
  }

  /** Closes the probe pool and drops the database, whoever is still connected. */
  async drop(): Promise<void> {
    await this.#pool?.end();
    this.#pool = undefined;
    await admin(`drop database if exists ${this.name} with (force)`);
  }
}
