import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Client } from 'discord.js';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../logger.ts';
import type { Records } from '../store/records.ts';

/**
 * What an operator watches (METRICS_PORT): Prometheus metrics on /metrics, and /healthz for a
 * load balancer, an orchestrator or `curl`. Off unless METRICS_PORT is set.
 *
 *   dramabot_interactions_total{command,outcome}       every interaction and how it ended
 *   dramabot_interaction_duration_seconds{command}     from arrival to the answer
 *   dramabot_store_operations_failed_total{operation}  store calls that failed or timed out
 *   dramabot_store_outages_total, dramabot_store_up    outages begun; 1 while the last call worked
 *   dramabot_gateway_ready, dramabot_shard_status{shard}, dramabot_gateway_ping_seconds{shard}
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly interactions = new Counter({
    name: 'dramabot_interactions_total',
    help: 'Interactions handled, by command and outcome',
    labelNames: ['command', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'dramabot_interaction_duration_seconds',
    help: 'Time from an interaction arriving to its handler finishing',
    labelNames: ['command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10],
    registers: [this.registry],
  });
  private readonly storeFailures = new Counter({
    name: 'dramabot_store_operations_failed_total',
    help: 'Store operations that failed, by operation',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });
  private readonly outages = new Counter({
    name: 'dramabot_store_outages_total',
    help: 'Times the store went from answering to failing',
    registers: [this.registry],
  });
  private readonly storeUp = new Gauge({
    name: 'dramabot_store_up',
    help: '1 while the latest store operation succeeded, 0 after a failure',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dramabot_' });
    this.storeUp.set(1);
  }

  /** Called by the router once per interaction. */
  interaction(command: string, outcome: string, seconds: number): void {
    // Buttons and menus carry ids in their names ("button watchparty:vote"): keep the label set small.
    const label = command.split(/\s+/).slice(0, 2).join(' ');
    this.interactions.inc({ command: label, outcome });
    this.latency.observe({ command: label }, seconds);
  }

  storeResult(operation: string, ok: boolean): void {
    if (!ok) this.storeFailures.inc({ operation });
    if (!ok && this.up) this.outages.inc();
    this.up = ok;
    this.storeUp.set(ok ? 1 : 0);
  }

  private up = true;

  /** Gauges read from the client when Prometheus scrapes. */
  watchGateway(client: Client): void {
    new Gauge({
      name: 'dramabot_gateway_ready',
      help: '1 once every shard of this process is connected and ready',
      registers: [this.registry],
      collect() {
        this.set(client.isReady() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'dramabot_shard_status',
      help: 'Status of each shard of this process (discord.js Status: 0 ready … 8 resuming)',
      labelNames: ['shard'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const shard of client.ws.shards.values()) this.set({ shard: String(shard.id) }, shard.status);
      },
    });
    new Gauge({
      name: 'dramabot_gateway_ping_seconds',
      help: 'Latest heartbeat round trip of each shard',
      labelNames: ['shard'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const shard of client.ws.shards.values())
          if (shard.ping >= 0) this.set({ shard: String(shard.id) }, shard.ping / 1000);
      },
    });
  }
}

/** The same records, each call counted: failures, outages, and whether the store answers. */
export function observedRecords(records: Records, metrics: Metrics): Records {
  return new Proxy(records, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return (...args: unknown[]) => {
        const result = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (ok) => {
            metrics.storeResult(String(property), true);
            return ok;
          },
          (error: unknown) => {
            metrics.storeResult(String(property), false);
            throw error;
          },
        );
      };
    },
  });
}

/** How long /healthz waits for the store before calling it down. */
const HEALTH_STORE_TIMEOUT_MS = 1_000;

/** Serves /metrics and /healthz on the port; resolves with the server once it listens. */
export async function serveMetrics(
  port: number,
  metrics: Metrics,
  health: { client: Client; records: Records },
  logger: Logger,
): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path === '/metrics') {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
      } else if (path === '/healthz') {
        const report = await healthOf(health.client, health.records);
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found: try /metrics or /healthz\n');
      }
    })().catch((error: unknown) => {
      logger.warn('metrics request failed', { reason: (error as Error).message });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  logger.info('metrics listening', { port: (server.address() as AddressInfo).port, paths: '/metrics,/healthz' });
  return server;
}

/** Ready: the gateway is connected and the store answers within a second. */
async function healthOf(
  client: Client,
  records: Records,
): Promise<{ ok: boolean; gateway: 'ready' | 'not ready'; store: 'ok' | string }> {
  const gateway = client.isReady() ? 'ready' : 'not ready';
  let store = 'ok';
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      records.ping(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${HEALTH_STORE_TIMEOUT_MS} ms`)),
          HEALTH_STORE_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    store = `down: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
  return { ok: gateway === 'ready' && store === 'ok', gateway, store };
}
