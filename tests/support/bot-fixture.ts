import { freePort } from './free-port.ts';
import { FreshDatabase } from './fresh-database.ts';
import { waitForIdle } from './job-queue-probe.ts';
import { OutageProxy } from './outage-proxy.ts';
import { ServerProcess } from './server-process.ts';
import { botEnv, ESCALATION_POLICY, newSecrets, secretValues, type TestSecrets } from './test-env.ts';
import { closeVendors, startVendors, type VendorModes, type Vendors } from './vendors.ts';

/** People in the fake Slack directory. */
export const ALICE = { id: 'U0ALICE', name: 'Alice Example', email: 'alice@example.com' } as const;
export const BOB = { id: 'U0BOB', name: 'Bob Example', email: 'bob@example.com' } as const;
/** Who the fake PagerDuty has on call. */
export const ON_CALL = { primary: ['Pat Primary'], secondary: ['Sam Second', 'Sue Second'] } as const;

/** Options of `BotFixture.start`. */
export interface BotFixtureOptions {
  /** Names the database (letters, digits and underscores). */
  readonly name: string;
  /** Environment entries to replace ('' unsets one). */
  readonly env?: Readonly<Record<string, string>>;
  /** Extra server arguments. */
  readonly args?: readonly string[];
  /** Node options for the server process (profiling). */
  readonly nodeArgs?: readonly string[];
  /** Put an `OutageProxy` between the bot and the fake Zendesk (see `zendeskProxy`). */
  readonly zendeskOutageProxy?: boolean;
  /** How much the fakes' answers carry (default: every documented field). */
  readonly vendorModes?: VendorModes;
}

/**
 * One bot under test: the fake vendors, a fresh Postgres database and the built server running as
 * its own process, wired together as an operator would configure them.
 */
export class BotFixture {
  readonly vendors: Vendors;
  readonly database: FreshDatabase;
  readonly secrets: TestSecrets;
  readonly server: ServerProcess;
  /** The proxy in front of the fake Zendesk, when asked for. */
  readonly zendeskProxy: OutageProxy | undefined;

  private constructor(
    vendors: Vendors,
    database: FreshDatabase,
    secrets: TestSecrets,
    server: ServerProcess,
    zendeskProxy: OutageProxy | undefined,
  ) {
    this.vendors = vendors;
    this.database = database;
    this.secrets = secrets;
    this.server = server;
    this.zendeskProxy = zendeskProxy;
  }

  /** Starts everything; on failure, cleans up what was started. */
  static async start(options: BotFixtureOptions): Promise<BotFixture> {
    const vendors = await startVendors(options.vendorModes);
    const database = await FreshDatabase.create(`zsc_${options.name}`);
    const secrets = newSecrets();
    let proxy: OutageProxy | undefined;
    try {
      const port = await freePort();
      proxy = options.zendeskOutageProxy ? await OutageProxy.start(vendors.zendesk.oauthBaseUrl) : undefined;
      const env = botEnv(
        vendors,
        secrets,
        { port, databaseUrl: database.url },
        {
          ...(proxy === undefined ? {} : { ZENDESK_API_URL: `${proxy.origin}/api/v2` }),
          ...options.env,
        },
      );
      vendors.slack.addUser(ALICE);
      vendors.slack.addUser(BOB);
      vendors.pagerDuty.setOnCall(ESCALATION_POLICY, ON_CALL);
      vendors.slack.connectApp({
        requestUrl: `http://127.0.0.1:${port}/slack/events/`,
        signingSecret: secrets.signingSecret,
        echoBotPosts: true,
      });
      const server = await ServerProcess.start({
        env,
        ...(options.args ? { args: options.args } : {}),
        ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
      });
      return new BotFixture(vendors, database, secrets, server, proxy);
    } catch (error) {
      await proxy?.close();
      await closeVendors(vendors);
      await database.drop();
      throw error;
    }
  }

  /** The server's base URL. */
  get url(): string {
    return this.server.url;
  }

  /** Every configured secret and credential (for the log scan). */
  get secretValues(): readonly string[] {
    return secretValues(this.secrets, this.vendors);
  }

  /** Waits until echoed events are delivered and the job queue is empty. */
  async settle(timeoutMs = 30_000): Promise<void> {
    await this.vendors.slack.settle();
    await waitForIdle(this.database, timeoutMs);
    await this.vendors.slack.settle();
    await waitForIdle(this.database, timeoutMs);
  }

  /** Stops the server gracefully, then the fakes, then drops the database. */
  async close(): Promise<void> {
    try {
      await this.server.stop();
    } finally {
      await this.zendeskProxy?.close();
      await closeVendors(this.vendors);
      await this.database.drop();
    }
  }
}
