import fc from 'fast-check';

/** Every public path the server serves (vendor callbacks, OAuth, health, the admin front). */
export const PUBLIC_PATHS = [
  '/slack/events/',
  '/slack/install/',
  '/slack/oauth/',
  '/zendesk/webhook/',
  '/zendesk/email/webhook/',
  '/zendesk/oauth/',
  '/zendesk/oauth/start/',
  '/pagerduty/oauth/',
  '/pagerduty/oauth/start/',
  '/healthz',
  '/readyz',
  '/',
  '/login',
  '/logout',
  '/issues',
  '/issues/1/resolve',
  '/reports',
  '/reports/post',
  '/static/web.css',
  '/nope',
] as const;

const printable = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);

/** A JSON value that is never a valid webhook ticket id (not a string of digits, not a whole number). */
const badTicketId = fc.oneof(
  fc.string().filter((s) => !/^\s*\d+\s*$/.test(s)),
  fc.double().filter((n) => !Number.isInteger(n) || n < 0),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

/** Bodies: raw bytes, text, arbitrary JSON, and near-misses of the real payload shapes. */
export const fuzzBody = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 300 }).map((s) => Buffer.from(s)),
  fc.json({ maxDepth: 3 }).map((s) => Buffer.from(s)),
  fc
    .record(
      { token: printable, chat_id: fc.oneof(printable, fc.integer()), ticket_id: badTicketId },
      { requiredKeys: [] },
    )
    .map((o) => Buffer.from(JSON.stringify(o))),
  fc
    .record(
      {
        type: fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited', 'block_actions', ''),
        event_id: fc.oneof(printable, fc.integer()),
        event: fc.oneof(
          fc.constant(null),
          fc.record(
            {
              type: fc.constantFrom('message', 'reaction_added', 1),
              channel: fc.oneof(printable, fc.integer()),
              ts: fc.oneof(fc.double(), fc.boolean()),
            },
            { requiredKeys: [] },
          ),
        ),
      },
      { requiredKeys: ['type'] },
    )
    .map((o) => Buffer.from(JSON.stringify(o))),
);

/** Header sets: any of the headers the endpoints read, with arbitrary printable values. */
export const fuzzHeaders = fc.dictionary(
  fc.constantFrom(
    'content-type',
    'x-slack-signature',
    'x-slack-request-timestamp',
    'x-slack-retry-num',
    'x-slack-retry-reason',
    'x-zendesk-webhook-signature',
    'x-zendesk-webhook-signature-timestamp',
    'cookie',
    'authorization',
    'content-encoding',
    'accept',
    'x-forwarded-for',
    'host',
  ),
  fc.oneof(
    printable,
    fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain', 'gzip'),
  ),
  { maxKeys: 6 },
);

/** How a request is signed: not at all, correctly (so validation is reached), or wrongly. */
export const fuzzSigning = fc.constantFrom('none', 'valid', 'wrong');

/** One generated request. */
export const fuzzRequest = fc.record({
  path: fc.constantFrom(...PUBLIC_PATHS),
  query: fc.option(
    printable.map((q) => encodeURIComponent(q).replace(/%3D/g, '=').replace(/%26/g, '&')),
    { nil: undefined },
  ),
  method: fc.constantFrom('GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'),
  headers: fuzzHeaders,
  body: fuzzBody,
  signing: fuzzSigning,
});
