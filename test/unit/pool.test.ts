// The worker-thread pool (server/src/workers/pool.ts) and the command line's ordered, bounded
// pipeline (server/src/cli/pipeline.ts). The analysis pool loads the bundled dist/worker.js.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, ParagraphCache } from '../../server/src/analysis/analyze';
import type { Annotations } from '../../server/src/analysis/model';
import { inOrder } from '../../server/src/cli/pipeline';
import { runJob, type AnalyzeJob } from '../../server/src/workers/job';
import { analysisWorkerScript, createAnalysisPool, defaultPoolSize, WorkerPool } from '../../server/src/workers/pool';
import { poolBackground } from '../../server/src/workers/documents';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

/** A worker that doubles numbers, and on request fails in each way a thread can. */
const TOY_WORKER = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ seq, job }) => {
  if (job === 'exit') process.exit(3);
  if (job === 'uncaught') throw new Error('boom');
  if (job === 'reject') return parentPort.postMessage({ seq, ok: false, error: 'bad job' });
  if (job === 'thread') return parentPort.postMessage({ seq, ok: true, result: threadId });
  if (job === 'progress') {
    parentPort.postMessage({ seq, progress: 1 });
    parentPort.postMessage({ seq, progress: 2 });
    return parentPort.postMessage({ seq, ok: true, result: threadId });
  }
  parentPort.postMessage({ seq, ok: true, result: job * 2 });
});
`;

function toyPool(size: number): WorkerPool<number | string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'al-pool-'));
  const script = join(dir, 'toy-worker.js');
  writeFileSync(script, TOY_WORKER);
  return new WorkerPool<number | string, number>(script, { size });
}

describe('the worker pool', () => {
  it('is sized to the machine’s cores by default', async () => {
    assert.equal(defaultPoolSize(), availableParallelism());
    const pool = createAnalysisPool();
    try {
      assert.equal(pool.size, availableParallelism());
      assert.equal(pool.threadCount, 0, 'threads start on demand');
    } finally {
      await pool.close();
    }
  });

  it('analyses an article in a thread exactly as on this thread', async () => {
    const pool = createAnalysisPool({ size: 2 });
    try {
      for (const output of ['object', 'line', 'pretty', 'brat'] as const) {
        const job: AnalyzeJob = { text: sample, id: 'k', file: 'khazali.article', output };
        assert.deepEqual(await pool.run(job), runJob(job, new ParagraphCache()));
      }
    } finally {
      await pool.close();
    }
  });

  it('answers a job that throws with its error, and goes on working', async () => {
    const pool = createAnalysisPool({ size: 1 });
    try {
      await assert.rejects(pool.run({ text: 42 as unknown as string }), /text must be a string/);
      const json = await pool.run({ text: 'The minister said on Tuesday that "it is over".', referenceDate: '2020-01-10' });
      assert.equal(typeof json, 'object');
      assert.equal((json as { dates: { value: string }[] }).dates[0].value, '2020-01-07');
      assert.equal(pool.threadCount, 1);
    } finally {
      await pool.close();
    }
  });

  it('fails only the job whose thread dies, and replaces the thread', async () => {
    const pool = toyPool(1);
    try {
      const first = await pool.run('thread');
      await assert.rejects(pool.run('exit'), /stopped \(exit code 3\)/);
      await assert.rejects(pool.run('uncaught'), /failed: boom/);
      await assert.rejects(pool.run('reject'), /bad job/);
      assert.equal(await pool.run(21), 42);
      assert.notEqual(await pool.run('thread'), first, 'a new thread took over');
    } finally {
      await pool.close();
    }
  });

  it('runs jobs on at most `size` threads and answers each its own result', async () => {
    const pool = toyPool(2);
    try {
      const jobs = Array.from({ length: 20 }, (_, i) => i);
      const results = await Promise.all(jobs.map((i) => pool.run(i)));
      assert.deepEqual(results, jobs.map((i) => i * 2));
      assert.ok(pool.threadCount <= 2);
      const threads = new Set(await Promise.all(jobs.map(() => pool.run('thread'))));
      assert.ok(threads.size <= 2);
    } finally {
      await pool.close();
    }
  });

  it('rejects queued jobs on close, and new jobs after it', async () => {
    const pool = toyPool(1);
    const pending = [pool.run(1), pool.run(2), pool.run(3)].map((p) => p.then(() => 'done', (e: Error) => e.message));
    await pool.close();
    for (const r of await Promise.all(pending)) assert.ok(r === 'done' || /closed/.test(r));
    await assert.rejects(pool.run(4), /closed/);
  });

  it('runs the jobs of one key on one thread, so its caches serve them all', async () => {
    const pool = toyPool(2);
    try {
      const a = await Promise.all(Array.from({ length: 6 }, () => pool.run('thread', { affinity: 'doc-a' })));
      const b = await Promise.all(Array.from({ length: 6 }, () => pool.run('thread', { affinity: 'doc-b' })));
      assert.equal(new Set(a).size, 1);
      assert.equal(new Set(b).size, 1);
      pool.release('doc-a');
      assert.ok(pool.threadCount <= 2);
    } finally {
      await pool.close();
    }
  });

  it('passes on what a job says of its progress, before its result', async () => {
    const pool = toyPool(1);
    try {
      const said: unknown[] = [];
      const result = await pool.run('progress', { onProgress: (p) => said.push(p) });
      assert.deepEqual(said, [1, 2]);
      assert.equal(typeof result, 'number');
    } finally {
      await pool.close();
    }
  });

  it('analyses a whole document with progress, and stops one that is called off', async () => {
    const pool = createAnalysisPool({ size: 1 });
    try {
      const long = Array.from({ length: 30 }, (_, i) => sample.replace(/\n/g, ` (${i})\n`)).join('\n\n');
      const progress: { done: number; total: number }[] = [];
      const annotations = await pool.run({ kind: 'document', text: long }, { onProgress: (p) => progress.push(p as { done: number; total: number }) }) as Annotations;
      assert.deepEqual(annotations, analyze(long), 'the same as on this thread');
      assert.ok(progress.length > 0 && progress.every((p, i) => p.done <= p.total && (i === 0 || p.done >= progress[i - 1].done)));
      // Called off once it has said how far it got: a text the thread has not cached, so the
      // job is still going through its paragraphs then.
      const cancel = new SharedArrayBuffer(4);
      const job = pool.run({ kind: 'document', text: long.replace(/\(/g, '['), cancel }, {
        onProgress: () => Atomics.store(new Int32Array(cancel), 0, 1),
      });
      await assert.rejects(job, /cancelled/);
      assert.equal(await pool.run({ kind: 'document', text: 'Short.', cancel: new SharedArrayBuffer(4) }).then(() => 'ok'), 'ok', 'the thread goes on');

    } finally {
      await pool.close();
    }
  });

  it('as the server’s background, hands a job to the pool only after the wait it was asked for', async () => {
    const pool = createAnalysisPool({ size: 1 });
    try {
      const background = poolBackground(pool);
      const waited = background.analyze('doc', 'A short one. “Yes,” she said.', undefined, () => undefined, 100);
      assert.equal(pool.pending, 0, 'nothing handed over yet');
      assert.equal(pool.threadCount, 0, 'no thread starts');
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(pool.threadCount, 1, 'handed over after the wait');
      assert.ok((await waited.result).quotes.length === 1);

      const called = background.analyze('doc', 'Another.', undefined, () => undefined, 60_000);
      called.cancel();
      await assert.rejects(called.result, /cancelled/);
      assert.equal(pool.pending, 0, 'a job called off during its wait never reaches the pool');
    } finally {
      await pool.close();
    }
  });

  it('says to build when the bundled worker is missing', () => {
    assert.match(analysisWorkerScript(), /worker\.js$/);
    assert.throws(() => new WorkerPool('/no/such/worker.js'), /npm run build/);
  });
});

describe('the ordered pipeline', () => {
  const tick = () => new Promise((r) => setImmediate(r));

  it('hands results over in input order, whatever order the jobs finish in', async () => {
    const out: number[] = [];
    const delays = [30, 0, 20, 5, 0, 10];
    await inOrder(delays.keys(), 3, (i) => new Promise<number>((r) => setTimeout(() => r(i), delays[i])), (i) => void out.push(i));
    assert.deepEqual(out, [0, 1, 2, 3, 4, 5]);
  });

  it('reads no further than `limit` items ahead of a consumer that does not keep up', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield i;
      }
    }
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    const consumed: number[] = [];
    const run = inOrder(source(), 4, async (i) => i, async (i) => {
      if (i === 0) await blocked;
      consumed.push(i);
    });
    for (let i = 0; i < 20; i++) await tick();
    assert.ok(pulled <= 5, `pulled ${pulled} items while the first was not consumed`);
    assert.deepEqual(consumed, []);
    release();
    await run;
    assert.equal(consumed.length, 50);
  });

  it('hands a result over before the input has ended', async () => {
    let more!: () => void;
    const gate = new Promise<void>((r) => (more = r));
    async function* source() {
      yield 1;
      await gate;
      yield 2;
    }
    const consumed: number[] = [];
    const run = inOrder(source(), 4, async (i) => i, (i) => void consumed.push(i));
    for (let i = 0; i < 5; i++) await tick();
    assert.deepEqual(consumed, [1]);
    more();
    await run;
    assert.deepEqual(consumed, [1, 2]);
  });

  it('stops reading and rejects when the consumer fails', async () => {
    let pulled = 0;
    function* source() {
      for (let i = 0; i < 100; i++) {
        pulled++;
        yield i;
      }
    }
    await assert.rejects(inOrder(source(), 2, async (i) => i, (i) => {
      if (i === 3) throw new Error('write failed');
    }), /write failed/);
    assert.ok(pulled < 10);
  });
});
