import type {
  ChatEvent,
  EmailTicketNotice,
  IssueRepo,
  Logger,
  SupportBot,
  SweepOptions,
  TicketCommentNotice,
} from '@zenslackchat/core';
import type { JobHandlers } from './job-handlers.ts';

/** What `PlatformBots` routes between. */
export interface PlatformBotsOptions {
  /** One SupportBot per chat platform, each on its own ChatPort and support channel. */
  readonly bots: ReadonlyMap<string, SupportBot>;
  /** Finds the platform of the issue a ticket or an admin's resolve belongs to. */
  readonly repo: IssueRepo;
  /** The platform emailed tickets open their thread on. */
  readonly emailPlatform: string;
  readonly logger: Logger;
}

/**
 * The server's platform → bot registry as job handlers: a chat event goes to its platform's bot,
 * ticket work to the bot of the platform its issue lives on, emailed tickets to the configured
 * platform, and the daily report to every platform (each channel gets its own). The core stays
 * single-platform per SupportBot; only the composition root knows there are several.
 */
export class PlatformBots implements JobHandlers {
  readonly #options: PlatformBotsOptions;

  constructor(options: PlatformBotsOptions) {
    if (!options.bots.has(options.emailPlatform)) throw new Error(`no bot for ${options.emailPlatform}`);
    this.#options = options;
  }

  /** The platforms with a bot. */
  get platforms(): readonly string[] {
    return [...this.#options.bots.keys()];
  }

  handleChatMessage(event: ChatEvent): Promise<unknown> {
    const bot = this.#options.bots.get(event.platform);
    if (bot === undefined) return this.#unknownPlatform(event.platform, 'chat message');
    return bot.handleChatMessage(event);
  }

  async handleTicketComments(notice: TicketCommentNotice): Promise<unknown> {
    // One platform: its bot reads the issue itself (and ignores one of another platform).
    if (this.#options.bots.size === 1) return this.#emailBot().handleTicketComments(notice);
    const issue = await this.#options.repo.findByTicket(notice.ticketId);
    const bot = this.#botFor(issue?.platform);
    return bot === undefined
      ? this.#unknownPlatform(issue?.platform, 'ticket comments')
      : bot.handleTicketComments(notice);
  }

  handleEmailTicket(notice: EmailTicketNotice): Promise<unknown> {
    return this.#emailBot().handleEmailTicket(notice);
  }

  async resolveIssue(issueId: string): Promise<unknown> {
    const issue = await this.#options.repo.findById(issueId);
    const bot = this.#botFor(issue?.platform);
    return bot === undefined ? this.#unknownPlatform(issue?.platform, 'resolve') : bot.resolveIssue(issueId);
  }

  /** Each platform's report in its own channel; one failing does not stop the others, then it throws. */
  async postDailyReport(): Promise<unknown> {
    const outcomes: Record<string, unknown> = {};
    let failure: unknown;
    for (const [platform, bot] of this.#options.bots) {
      try {
        outcomes[platform] = await bot.postDailyReport();
      } catch (error) {
        failure ??= error;
        this.#options.logger.error({ platform, err: error }, 'daily report failed');
      }
    }
    if (failure !== undefined) throw failure;
    return this.#options.bots.size === 1 ? Object.values(outcomes)[0] : outcomes;
  }

  /** The reconciliation sweep, one platform after the other (each its own threads, one lease at a time). */
  async reconcile(options: SweepOptions): Promise<unknown> {
    const outcomes: Record<string, unknown> = {};
    for (const [platform, bot] of this.#options.bots) outcomes[platform] = await bot.reconcile(options);
    return this.#options.bots.size === 1 ? Object.values(outcomes)[0] : outcomes;
  }

  // No issue: the email platform's bot answers (the core finds nothing to do, or waits for the
  // emailed ticket's thread). An issue on a platform not configured here: nobody (logged).
  #botFor(platform: string | undefined): SupportBot | undefined {
    return platform === undefined ? this.#emailBot() : this.#options.bots.get(platform);
  }

  #emailBot(): SupportBot {
    return this.#options.bots.get(this.#options.emailPlatform) as SupportBot;
  }

  async #unknownPlatform(platform: string | undefined, what: string): Promise<unknown> {
    this.#options.logger.warn({ platform }, `${what} for a chat platform not configured here: ignored`);
    return { outcome: 'ignored', reason: 'platform-not-configured' };
  }
}
