import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker, workerData } from 'node:worker_threads';

/**
 * A worker thread the compile hands jobs to and later blocks on, so that compileDataset stays
 * synchronous for its callers (start-up, catalog:build, the sync, tests): the compiling thread
 * waits on a shared counter of replies (Atomics.wait) and takes each reply off the port
 * (receiveMessageOnPort), never through its event loop. Started early, its start-up overlaps the
 * compile's own work. Whatever goes wrong with the thread, a reply is undefined and the caller
 * does the job itself.
 */
export interface BlockingWorker {
  /** Hands a job over; the worker does its jobs in the order sent. */
  send(kind: string, job: unknown, transfer?: readonly ArrayBuffer[]): void;
  /** Blocks until the worker replied to the next job sent; undefined when it failed. */
  reply<Reply>(): Reply | undefined;
  /** Lets the worker go (after its replies, or when the compile failed before asking for them). */
  close(): void;
}

/** Past this many replies counted, the worker is gone: every wait ends (worker-entry.mjs sets it). */
const FAILED = 1 << 30;
/** Longer than any catalog takes: past it the worker is deemed lost, and the job done here. */
const GIVE_UP_MS = 10 * 60_000;

/** The worker's file next to this one: through the tsx entry from TypeScript, itself from compiled JavaScript. */
function entryOf(module: string): string {
  const fromTypeScript = import.meta.url.endsWith('.ts');
  return fileURLToPath(new URL(fromTypeScript ? './worker-entry.mjs' : `./${module}.js`, import.meta.url));
}

/** Starts `module` (a file of this folder, without extension) in a thread; undefined when it cannot start. */
export function startBlockingWorker(module: string): BlockingWorker | undefined {
  const file = entryOf(module);
  if (!existsSync(file)) return undefined;
  const replies = new Int32Array(new SharedArrayBuffer(4));
  const { port1: port, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(file, { workerData: { module, port: port2, replies }, transferList: [port2] });
  } catch {
    return undefined;
  }
  // Its exit and errors arrive after the compile took (or gave up on) its replies: nothing to do then.
  worker.on('error', () => {});
  worker.unref();
  let sent = 0;
  let taken = 0;
  let lost = false;
  const close = () => {
    port.close();
    void worker.terminate();
  };
  return {
    send(kind, job, transfer = []) {
      if (lost || Atomics.load(replies, 0) >= FAILED) return;
      sent++;
      port.postMessage({ kind, job }, transfer);
    },
    reply<Reply>() {
      if (lost || taken >= sent) return undefined;
      taken++;
      for (let now = Atomics.load(replies, 0); now < taken; now = Atomics.load(replies, 0))
        if (Atomics.wait(replies, 0, now, GIVE_UP_MS) === 'timed-out') {
          lost = true;
          close();
          return undefined;
        }
      const message = receiveMessageOnPort(port)?.message as { reply?: Reply } | undefined;
      if (!message?.reply) lost = true;
      return message?.reply;
    },
    close,
  };
}

type Work = (job: never) => { reply: unknown; transfer?: ArrayBuffer[] };

/**
 * The worker's side: does each job it is sent with the handler of its kind, replies (transferring
 * what the handler says) and counts the reply. An error is replied as such: the compiling thread
 * then does that job itself.
 */
export function serveJobs(handlers: Record<string, Work>): void {
  const { port, replies } = workerData as { port: MessagePort; replies: Int32Array };
  port.on('message', ({ kind, job }: { kind: string; job: never }) => {
    let done: { reply: unknown; transfer?: ArrayBuffer[] } | { error: string };
    try {
      const work = handlers[kind];
      if (!work) throw new Error(`no job of kind ${kind}`);
      done = work(job);
    } catch (error) {
      done = { error: (error as Error).stack ?? String(error) };
    }
    port.postMessage('reply' in done ? { reply: done.reply } : done, 'transfer' in done ? (done.transfer ?? []) : []);
    Atomics.add(replies, 0, 1);
    Atomics.notify(replies, 0);
  });
}

/** The buffer of `bytes` when it is theirs alone (it can be transferred instead of copied). */
export function ownBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
