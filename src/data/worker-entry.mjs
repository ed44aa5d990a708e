// Where blocking-worker.ts starts the compile worker when running from TypeScript (npm run …,
// vitest): a worker thread does not inherit tsx's loader, so it registers it before loading the
// worker's module (workerData.module, next to this file). A failure is replied and ends every
// wait (the reply counter jumps past any job): the compile then does the jobs in its own thread.
import { workerData } from 'node:worker_threads';

try {
  const { register } = await import('tsx/esm/api');
  register();
  await import(`./${workerData.module}.ts`);
} catch (error) {
  workerData.port.postMessage({ error: String(error?.stack ?? error) });
  workerData.port.close();
  Atomics.store(workerData.replies, 0, 1 << 30);
  Atomics.notify(workerData.replies, 0);
}
