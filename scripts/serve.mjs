#!/usr/bin/env node
/**
 * Serves the production build (like `next start`), with one addition: every request gets the
 * socket's address in the x-initlab-socket-address header, overwriting anything the client sent,
 * because `next start` gives route handlers and server actions no way to read it (see
 * lib/auth/client-address.ts). Used by `npm start`, `npm run serve` and the e2e server.
 * Usage: node scripts/serve.mjs [-p PORT] [-H HOST]
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { root } from './lib/build.mjs';

const { values } = parseArgs({
  options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOSTNAME ?? undefined;

// Read by lib/auth/client-address.ts: the header below is ours, not the client's.
globalThis[Symbol.for('initlab.serve.socketAddressHeader')] = true;

const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  req.headers['x-initlab-socket-address'] = req.socket.remoteAddress ?? '';
  handle(req, res).catch((err) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
server.listen(port, hostname, () => {
  console.log(`[initlab] ready on http://${hostname ?? 'localhost'}:${port}`);
});
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    server.close();
    process.exit(0);
  });
}
