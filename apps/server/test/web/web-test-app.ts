import { ManualClock, MemoryIssueRepo, MemoryTokenStore } from '@zenslackchat/adapters-memory';
import Fastify, { type FastifyInstance, type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { envSchema } from '../../src/config/env-schema.ts';
import { missingVariables } from '../../src/config/index.ts';
import { type WebOptions, webPlugin } from '../../src/web/index.ts';
import { MemoryAdminAccounts } from './memory-admin-accounts.ts';
import { MemoryAdminSessions } from './memory-admin-sessions.ts';
import { MemoryLoginLimits } from './memory-login-limits.ts';
import { TEST_HASHER } from './test-hasher.ts';

export const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' } as const;

/** A bare fastify app with only the web plugin, over memory adapters, plus what the tests observe. */
export interface WebTestApp {
  readonly app: FastifyInstance;
  readonly admins: MemoryAdminAccounts;
  readonly sessions: MemoryAdminSessions;
  readonly loginLimits: MemoryLoginLimits;
  readonly tokens: MemoryTokenStore;
  readonly repo: MemoryIssueRepo;
  readonly clock: ManualClock;
  readonly calls: { reports: number; resolved: string[] };
}

/** Builds the app; `beside` registers routes next to the plugin (as the vendor endpoints are). */
export async function webTestApp(
  overrides: Partial<WebOptions> = {},
  beside?: (app: FastifyInstance) => void,
): Promise<WebTestApp> {
  const admins = new MemoryAdminAccounts();
  await admins.add(ADMIN.email, ADMIN.password);
  const sessions = new MemoryAdminSessions(admins);
  const loginLimits = new MemoryLoginLimits();
  const tokens = new MemoryTokenStore();
  const repo = new MemoryIssueRepo();
  const clock = new ManualClock(new Date('2026-11-27T10:00:00Z'));
  const calls = { reports: 0, resolved: [] as string[] };
  const app = Fastify({ logger: false });
  await app.register(webPlugin, {
    secretKey: 'a test secret key that is long enough',
    admins,
    sessions,
    loginLimits,
    passwordHasher: TEST_HASHER,
    tokens,
    repo,
    clock,
    integrations: {
      slack: { configured: true, startUrl: '/slack/install/' },
      zendesk: { configured: true, startUrl: '/zendesk/oauth/start/' },
      pagerduty: { configured: false, missing: missingVariables('pagerduty', envSchema.parse({})) },
    },
    settings: { processingEnabled: true, supportChannel: 'C0SUPPORT', workspaceName: 'Acme <Support>' },
    postReportNow: async () => {
      calls.reports += 1;
      return 'queued' as const;
    },
    resolveIssue: async (issueId) => {
      calls.resolved.push(issueId);
      await repo.markResolved(issueId, clock.now());
    },
    ticketUrl: (id) => `https://acme.zendesk.com/agent/tickets/${id}`,
    threadUrl: (issue) =>
      issue.threadId === null
        ? undefined
        : `https://acme.slack.com/archives/${issue.channel}/p${issue.threadId}`,
    ...overrides,
  });
  beside?.(app);
  await app.ready();
  return { app, admins, sessions, loginLimits, tokens, repo, clock, calls };
}

/** A cookie-keeping client over `inject`, like a browser with one tab. */
export class Client {
  readonly #app: FastifyInstance;
  readonly cookies = new Map<string, string>();
  readonly #remoteAddress: string | undefined;

  /** `remoteAddress`: the client's address as the server sees it (default inject's 127.0.0.1). */
  constructor(app: FastifyInstance, remoteAddress?: string) {
    this.#app = app;
    this.#remoteAddress = remoteAddress;
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    const response = await this.#app.inject({
      ...(this.#remoteAddress === undefined ? {} : { remoteAddress: this.#remoteAddress }),
      ...options,
      headers: { ...options.headers, ...(cookie ? { cookie } : {}) },
    });
    for (const c of response.cookies) this.cookies.set(c.name, c.value);
    return response;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.request({ method: 'GET', url });
  }

  post(url: string, form: Record<string, string>): Promise<LightMyRequestResponse> {
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
  }

  /** Posts a multipart form, as a browser posts one with a file input. */
  async postMultipart(
    url: string,
    form: Record<string, string>,
    file?: { readonly name: string; readonly type: string; readonly bytes: Uint8Array },
  ): Promise<LightMyRequestResponse> {
    const data = new FormData();
    for (const [name, value] of Object.entries(form)) data.append(name, value);
    if (file !== undefined) data.append('file', new Blob([file.bytes], { type: file.type }), file.name);
    const encoded = new Request('http://localhost/', { method: 'POST', body: data });
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
  }

  /** The CSRF token of the first form on a page. */
  static csrf(body: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(body);
    if (!match?.[1]) throw new Error('no CSRF token on the page');
    return match[1];
  }

  /** Logs in through the form; returns the final response of the POST. */
  async logIn(
    email: string = ADMIN.email,
    password: string = ADMIN.password,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get('/login');
    return this.post('/login', { _csrf: Client.csrf(page.body), email, password });
  }
}
