import { isIntegrationError } from '../errors.ts';
import type { Clock } from '../ports/clock.ts';
import type { TicketPort } from '../ports/ticket-port.ts';

/** How a CallPacer spends a rate limit. */
export interface CallPacerOptions {
  /** At most this many calls start in any minute. */
  readonly perMinute: number;
  readonly clock: Clock;
  /** Waits; tests pass one that moves a manual clock. */
  readonly sleep: (ms: number) => Promise<void>;
  /** How often a rate-limited call is tried again after waiting as told (default 3). */
  readonly retries?: number;
}

const MINUTE_MS = 60_000;

/**
 * Keeps a run of calls under a per-minute share of a vendor's rate limit (a sliding window),
 * and backs off on `RateLimited` for as long as the vendor asked before trying again.
 */
export class CallPacer {
  readonly #options: CallPacerOptions;
  readonly #starts: number[] = [];
  #calls = 0;

  constructor(options: CallPacerOptions) {
    if (!(options.perMinute >= 1)) throw new RangeError('perMinute must be at least 1');
    this.#options = options;
  }

  /** Calls made so far (each retry counts). */
  get calls(): number {
    return this.#calls;
  }

  /** Runs `work` when the window allows, retrying after a rate limit. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const retries = this.#options.retries ?? 3;
    for (let attempt = 0; ; attempt += 1) {
      await this.#slot();
      try {
        return await work();
      } catch (error) {
        if (!isIntegrationError(error) || error.reason !== 'RateLimited' || attempt >= retries) throw error;
        await this.#options.sleep(error.retryAfterMs ?? MINUTE_MS);
      }
    }
  }

  async #slot(): Promise<void> {
    const { clock, perMinute, sleep } = this.#options;
    for (;;) {
      const now = clock.now().getTime();
      while (this.#starts.length > 0 && (this.#starts[0] ?? 0) <= now - MINUTE_MS) this.#starts.shift();
      if (this.#starts.length < perMinute) break;
      await sleep((this.#starts[0] ?? now) + MINUTE_MS - now);
    }
    this.#starts.push(clock.now().getTime());
    this.#calls += 1;
  }
}

/**
 * A TicketPort whose every outside call goes through `pacer`. The optional methods are kept when
 * the port has them (paced too): a dropped one would silently turn a sweep's file copies into
 * links and its own-comment check into a records-only one.
 */
export function pacedTickets(tickets: TicketPort, pacer: CallPacer): TicketPort {
  const { whoAmI, uploadFile, downloadAttachment } = tickets;
  return {
    system: tickets.system,
    ...(whoAmI && { whoAmI: () => pacer.run(() => whoAmI.call(tickets)) }),
    ...(uploadFile && { uploadFile: (file) => pacer.run(() => uploadFile.call(tickets, file)) }),
    ...(downloadAttachment && {
      downloadAttachment: (attachment) => pacer.run(() => downloadAttachment.call(tickets, attachment)),
    }),
    createTicket: (ticket) => pacer.run(() => tickets.createTicket(ticket)),
    getTicket: (id) => pacer.run(() => tickets.getTicket(id)),
    addComment: (id, comment) => pacer.run(() => tickets.addComment(id, comment)),
    listCommentsAfter: (id, after) => pacer.run(() => tickets.listCommentsAfter(id, after)),
    solveTicket: (id) => pacer.run(() => tickets.solveTicket(id)),
    linkTicket: (id, link) => pacer.run(() => tickets.linkTicket(id, link)),
    getTicketStates: (ids) => pacer.run(() => tickets.getTicketStates(ids)),
    lastStatusChange: (id) => pacer.run(() => tickets.lastStatusChange(id)),
    readHistory: (id, after) => pacer.run(() => tickets.readHistory(id, after)),
    createFollowUp: (followUp) => pacer.run(() => tickets.createFollowUp(followUp)),
    ticketUrl: (id) => tickets.ticketUrl(id),
  };
}
