import { verifySlackSignature } from '@zenslackchat/adapters-slack';
import Fastify from 'fastify';
import pg from 'pg';

// Benchmark target (d), the one-INSERT design of issue 18: a minimal fastify route that verifies
// the Slack signature with the bot's own verifier (v0 HMAC-SHA256 over `v0:{ts}:{raw body}`,
// timestamp within 300 s) and makes the event durable with ONE INSERT (its own table, one
// prepared statement, ON CONFLICT DO NOTHING for Slack's redeliveries), answering 200 only after
// the INSERT has committed (autocommit). Nothing else: no queue, no batching.
// Env: PORT, SLACK_SIGN_SECRET, DATABASE_URL (a fresh database; the table is created here).
// https://api.slack.com/authentication/verifying-requests-from-slack

const secret = process.env.SLACK_SIGN_SECRET ?? '';
if (secret === '') throw new Error('one-insert-target: SLACK_SIGN_SECRET is required');
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
await pool.query(`create table if not exists one_insert_events (
  event_id text primary key,
  received_at timestamptz not null default now(),
  body jsonb not null
)`);
const INSERT = {
  name: 'one_insert_event',
  text: 'insert into one_insert_events (event_id, body) values ($1, $2) on conflict (event_id) do nothing',
};

const header = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) =>
  done(null, body),
);
app.post('/slack/events/', async (request, reply) => {
  const rawBody = request.body;
  if (!Buffer.isBuffer(rawBody)) return reply.code(415).send();
  const failure = verifySlackSignature({
    rawBody,
    timestamp: header(request.headers['x-slack-request-timestamp']),
    signature: header(request.headers['x-slack-signature']),
    signingSecret: secret,
    nowMs: Date.now(),
  });
  if (failure !== null) return reply.code(401).send();
  let envelope: unknown;
  try {
    envelope = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return reply.code(400).send();
  }
  if (typeof envelope !== 'object' || envelope === null) return reply.code(400).send();
  const fields = envelope as Record<string, unknown>;
  // https://api.slack.com/events/url_verification: echo the challenge.
  if (fields.type === 'url_verification' && typeof fields.challenge === 'string') {
    return { challenge: fields.challenge };
  }
  const eventId = fields.event_id;
  if (fields.type !== 'event_callback' || typeof eventId !== 'string' || !/^[\w-]{1,512}$/.test(eventId)) {
    return reply.code(400).send();
  }
  await pool.query({ ...INSERT, values: [eventId, rawBody.toString('utf8')] });
  return reply.code(200).send();
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
process.stdout.write('ready\n');
