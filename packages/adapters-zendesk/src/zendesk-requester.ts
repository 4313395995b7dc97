import { IntegrationError, type Logger, type TicketPerson } from '@zenslackchat/core';
import { LRUCache } from 'lru-cache';
import { zendeskFailureOf } from './zendesk-errors.ts';
import type { ZendeskAnswer, ZendeskHttp } from './zendesk-http.ts';
import { zendeskId } from './zendesk-ids.ts';
import { parseAnswer, userListSchema, userResultSchema } from './zendesk-schemas.ts';

/** The requester as the create body names it, and as the created ticket reports it. */
export interface ResolvedRequester {
  readonly requesterId: number;
  readonly person: TicketPerson;
  /** The id came from `RequesterIds`, not from Zendesk just now: it may be stale. */
  readonly remembered?: boolean;
}

/**
 * The Zendesk user ids of requesters found or created by email, so a person's next ticket needs
 * no users search: bounded (least recently used dropped first) and expiring. A remembered id
 * Zendesk no longer knows (the user was deleted or merged meanwhile) is forgotten when the create
 * is refused, and looked up again.
 */
export class RequesterIds {
  readonly #ids: LRUCache<string, string>;

  constructor(options: { readonly size?: number; readonly ttlMs?: number } = {}) {
    this.#ids = new LRUCache<string, string>({ max: options.size ?? 1_000, ttl: options.ttlMs ?? 600_000 });
  }

  get(email: string): string | undefined {
    return this.#ids.get(email.toLowerCase());
  }

  set(email: string, id: string): void {
    this.#ids.set(email.toLowerCase(), id);
  }

  forget(email: string): void {
    this.#ids.delete(email.toLowerCase());
  }
}

/**
 * Finds the end user for a requester: by id when given, else by email (remembered in `known`, else
 * users search, then `create_or_update` when nobody has it). Undefined when there is neither id
 * nor usable email, so the ticket's requester defaults to the authenticated agent.
 */
export async function resolveRequester(
  http: ZendeskHttp,
  requester: TicketPerson | undefined,
  logger: Logger,
  known?: RequesterIds,
): Promise<ResolvedRequester | undefined> {
  if (requester?.id !== undefined) {
    return { requesterId: zendeskId(requester.id, 'requester id'), person: requester };
  }
  const email = requester?.email?.trim();
  if (!email) return undefined;
  const remembered = known?.get(email);
  if (remembered !== undefined) {
    return { requesterId: Number(remembered), person: { ...requester, id: remembered }, remembered: true };
  }
  const found = await findOrCreate(http, requester, email, logger);
  if (found !== undefined) known?.set(email, String(found.requesterId));
  return found;
}

async function findOrCreate(
  http: ZendeskHttp,
  requester: TicketPerson | undefined,
  email: string,
  logger: Logger,
): Promise<ResolvedRequester | undefined> {
  const search = await http.send('users.search', 'GET', ['users', 'search'], {
    query: { query: `email:${email}` },
  });
  const found = parseAnswer(userListSchema, search.body, 'users.search').users.find(
    (user) => user.email?.toLowerCase() === email.toLowerCase(),
  );
  if (found) return { requesterId: Number(found.id), person: { ...requester, id: found.id } };
  let created: ZendeskAnswer;
  try {
    created = await http.send('users.create_or_update', 'POST', ['users', 'create_or_update'], {
      body: { user: { name: requester?.name?.trim() || email, email, role: 'end-user' } },
    });
  } catch (error) {
    // An address Zendesk refuses (422) should not stop the ticket: it opens with the agent as requester.
    if (!(error instanceof IntegrationError) || zendeskFailureOf(error)?.status !== 422) throw error;
    logger.warn(
      { integration: 'zendesk', reason: error.reason },
      'zendesk refused the requester; ticket opens without it',
    );
    return undefined;
  }
  const user = parseAnswer(userResultSchema, created.body, 'users.create_or_update').user;
  return { requesterId: Number(user.id), person: { ...requester, id: user.id } };
}
