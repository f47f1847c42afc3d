// The command line's bulk machinery: a runner that analyses on a worker pool or on this thread,
// and an ordered pipeline with a bounded number of jobs in flight.
import type { AnalyzeJob, JobResult } from '../workers/job';
import { createAnalysisPool, type AnalysisPool } from '../workers/pool';

export interface Runner {
  /** Threads in use (1: this thread, no workers). */
  readonly threads: number;
  run(job: AnalyzeJob): Promise<JobResult>;
  close(): Promise<void>;
}

/**
 * `workers` threads from the pool, or this thread alone for `workers` 1 (or when the bundled
 * worker is missing, with a note on stderr): both run the same job function, so the output
 * is the same.
 */
export function createRunner(workers: number, stderr: (s: string) => void): Runner {
  if (workers > 1) {
    let pool: AnalysisPool | undefined;
    try {
      pool = createAnalysisPool({ size: workers });
    } catch (e) {
      stderr(`article-lens: running without worker threads: ${(e as Error).message}\n`);
    }
    if (pool) {
      const p = pool;
      return { threads: p.size, run: (job) => p.run(job) as Promise<JobResult>, close: () => p.close() };
    }
  }
  // Loaded only here: with worker threads this thread never analyses, and starts faster
  // without loading compromise.
  const { runJob } = require('../workers/job') as typeof import('../workers/job');
  const { ParagraphCache } = require('../analysis/analyze') as typeof import('../analysis/analyze');
  const cache = new ParagraphCache();
  return {
    threads: 1,
    // One job per turn of the event loop, so reading input and writing output go on between them.
    run: (job) => new Promise((resolve, reject) => setImmediate(() => {
      try {
        resolve(runJob(job, cache));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    })),
    close: async () => undefined,
  };
}

/**
 * Starts `start(item)` for each item as it arrives, and hands the results to `consume` in the
 * items' order. At most `limit` items are started and not yet consumed: when `consume` is slow
 * (output backpressure) or the jobs are, no more input is read. `start` must not reject.
 */
export async function inOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  start: (item: T) => Promise<R>,
  consume: (result: R) => void | Promise<void>,
): Promise<void> {
  const queue: Promise<R>[] = [];
  const itemAdded = new Signal();
  const slotFreed = new Signal();
  let ended = false;
  let failure: { error: unknown } | undefined;

  const writer = (async () => {
    try {
      for (;;) {
        if (!queue.length) {
          if (ended) return;
          await itemAdded.wait();
          continue;
        }
        const result = await queue[0];
        await consume(result);
        queue.shift();
        slotFreed.notify();
      }
    } catch (error) {
      failure = { error };
      slotFreed.notify();
    }
  })();

  try {
    for await (const item of items) {
      while (queue.length >= limit && !failure) await slotFreed.wait();
      if (failure) break;
      queue.push(start(item));
      itemAdded.notify();
    }
  } finally {
    ended = true;
    itemAdded.notify();
    await writer;
  }
  if (failure) throw failure.error;
}

/** A one-shot wake-up for a single waiter. */
class Signal {
  private waiter: (() => void) | null = null;
  wait(): Promise<void> {
    return new Promise((resolve) => (this.waiter = resolve));
  }
  notify(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }
}
