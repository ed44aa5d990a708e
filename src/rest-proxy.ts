import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { proxyRequests } from '@discordjs/proxy';
import { REST } from '@discordjs/rest';

/**
 * `npm run rest-proxy -- [port] [upstream]`: one place that talks to Discord's HTTP API for every
 * process and machine of the bot, so they share one view of Discord's rate limits instead of each
 * finding them out with 429s. Point every bot's DISCORD_API_URL at http://<this host>:<port>/api.
 * The bots' own token travels in each request; the proxy keeps none.
 */
export async function startRestProxy(port: number, upstream = 'https://discord.com/api'): Promise<Server> {
  const rest = new REST({ api: upstream, version: '10' });
  const server = createServer((req, res) => {
    Promise.resolve(proxyRequests(rest)(req, res)).catch((error: unknown) => {
      process.stderr.write(`rest-proxy: ${req.method} ${req.url}: ${(error as Error).message}\n`);
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return server;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [port = '8080', upstream] = process.argv.slice(2);
  const server = await startRestProxy(Number(port), upstream);
  process.stderr.write(
    `rest-proxy: listening on port ${(server.address() as AddressInfo).port}, forwarding to ${upstream ?? 'https://discord.com/api'}\n`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close(() => process.exit(0)));
}
