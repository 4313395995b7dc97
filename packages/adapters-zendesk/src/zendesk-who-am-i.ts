import type { TicketPerson } from '@zenslackchat/core';
import type { ZendeskHttp } from './zendesk-http.ts';
import { parseAnswer, userResultSchema } from './zendesk-schemas.ts';

/**
 * The authenticated user: `GET /api/v2/users/me` ("Show Self",
 * https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self) answers `{ user }`.
 * Only `id` (and `name` when present) is read; an anonymous answer (`id: null`) is `Invalid`.
 */
export async function showSelf(http: ZendeskHttp): Promise<TicketPerson & { readonly id: string }> {
  const answer = await http.send('users.me', 'GET', ['users', 'me']);
  const { user } = parseAnswer(userResultSchema, answer.body, 'users.me');
  return { id: user.id, ...(user.name ? { name: user.name } : {}) };
}
