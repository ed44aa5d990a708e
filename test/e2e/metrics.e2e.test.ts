import { expect, it } from 'vitest';
import { discordComplaints, liveBot } from '../support/harness.ts';

const live = liveBot({ env: { METRICS_PORT: '0' } });

const base = () => {
  const line = live.bot.logs.find((l) => l.includes('metrics listening'))!;
  return `http://127.0.0.1:${/port=(\d+)/.exec(line)![1]}`;
};
const get = async (path: string) => {
  const res = await fetch(`${base()}${path}`);
  return { status: res.status, text: await res.text() };
};

it('serves /healthz (200: gateway ready, store answers) and Prometheus metrics for interactions, latency, store and shards', async () => {
  const health = await get('/healthz');
  expect(health.status).toBe(200);
  expect(JSON.parse(health.text)).toEqual({ ok: true, gateway: 'ready', store: 'ok' });

  await live.fake.command('/ping').reply();
  await live.fake.command('/rate', { title: 'd:goblin', score: 8 }).reply();
  const { status, text } = await get('/metrics');
  expect(status).toBe(200);
  expect(text).toContain('dramabot_interactions_total{command="/ping",outcome="ok"} 1');
  expect(text).toContain('dramabot_interactions_total{command="/rate",outcome="ok"} 1');
  expect(text).toMatch(/dramabot_interaction_duration_seconds_bucket\{le="3",command="\/ping"\} 1/);
  expect(text).toContain('dramabot_store_up 1');
  expect(text).toContain('dramabot_gateway_ready 1');
  expect(text).toContain('dramabot_shard_status{shard="0"} 0');
  expect(text).toContain('dramabot_process_resident_memory_bytes');
  expect(discordComplaints(live.fake)).toEqual([]);
});

it('counts store failures and outages, and /healthz answers 503 while the store does not', async () => {
  const records = live.bot.context.records;
  const fail = () => Promise.reject(new Error('ECONNREFUSED 127.0.0.1:6379'));
  const methods = ['put', 'get', 'tallies', 'ping'] as const;
  const saved = Object.fromEntries(methods.map((m) => [m, records[m]]));
  Object.assign(records, Object.fromEntries(methods.map((m) => [m, fail])));
  try {
    const answer = await live.fake.command('/rate', { title: 'd:goblin', score: 3 }).reply();
    expect(answer.content).toMatch(/nothing was saved/);
    const health = await get('/healthz');
    expect(health.status).toBe(503);
    expect(JSON.parse(health.text)).toMatchObject({
      ok: false,
      gateway: 'ready',
      store: 'down: ECONNREFUSED 127.0.0.1:6379',
    });
    const { text } = await get('/metrics');
    expect(text).toContain('dramabot_store_up 0');
    expect(text).toContain('dramabot_store_outages_total 1');
    expect(text).toMatch(/dramabot_store_operations_failed_total\{operation="put"\} [1-9]/);
    expect(text).toContain('dramabot_interactions_total{command="/rate",outcome="unavailable"} 1');
  } finally {
    Object.assign(records, saved);
  }
  expect((await get('/healthz')).status).toBe(200);
});
