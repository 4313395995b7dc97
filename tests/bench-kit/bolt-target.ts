import bolt from '@slack/bolt';

// Benchmark target (b): @slack/bolt's HTTP receiver verifying and acknowledging signed events
// with a no-op message listener and nothing durable. Env: PORT, SLACK_SIGN_SECRET.
const { App, LogLevel } = bolt;
const app = new App({
  signingSecret: process.env.SLACK_SIGN_SECRET ?? '',
  // Answers locally, so Bolt never calls auth.test (nothing but the receiver is measured).
  authorize: async () => ({
    botToken: 'xoxb-bench-token',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    teamId: 'T0FAKE',
  }),
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
  endpoints: '/slack/events/',
});
app.message(async () => {});
await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
