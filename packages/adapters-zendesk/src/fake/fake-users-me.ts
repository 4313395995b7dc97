import type { FakeResponse, FakeUser } from './fake-records.ts';
import { type FakeMode, userWire } from './fake-wire.ts';

/**
 * `GET /users/me` ("Show Self", https://developer.zendesk.com/api-reference/ticketing/users/users/#show-self):
 * 200 `{ user }`, the user the request authenticates as (the impersonated agent with
 * `X-On-Behalf-Of`), rendered like every other user answer.
 */
export function showSelf(actor: FakeUser, mode: FakeMode): FakeResponse {
  return { status: 200, body: { user: userWire(actor, mode) } };
}
