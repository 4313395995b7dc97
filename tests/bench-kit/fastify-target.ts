import Fastify from 'fastify';

// Benchmark target (c): a bare fastify route that parses the JSON body and answers 200, with no
// signature check and nothing recorded. Env: PORT.
const app = Fastify({ logger: false });
app.post('/slack/events/', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
