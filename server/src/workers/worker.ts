// The entry point of each thread of the analysis pool (bundled as dist/worker.js): takes jobs
// one at a time from its parent and answers each with a result or the error it threw. Each
// thread keeps its own paragraph cache.
import { parentPort } from 'node:worker_threads';
import { ParagraphCache } from '../analysis/analyze';
import { runPoolJob, type PoolJob } from './job';
import type { FromWorker, ToWorker } from './pool';

const cache = new ParagraphCache();

parentPort?.on('message', (message: ToWorker<PoolJob>) => {
  let answer: FromWorker<unknown>;
  const progress = (p: unknown) => parentPort!.postMessage({ seq: message.seq, progress: p } satisfies FromWorker<unknown>);
  try {
    answer = { seq: message.seq, ok: true, result: runPoolJob(message.job, cache, progress) };
  } catch (e) {
    answer = { seq: message.seq, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(answer);
});
