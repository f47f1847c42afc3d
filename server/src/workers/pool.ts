// A pool of worker threads for bulk work: jobs go to the first idle thread, threads start on
// demand up to the pool's size (by default the machine's cores), and a job that throws, or a
// thread that dies, fails only that job: the pool goes on with a fresh thread. Used by the
// command line for many files and batch mode, and by the server for whole documents, where a
// job can report progress and every version of a document goes to the same thread, whose
// paragraph cache then answers for all but the paragraphs that changed.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { PoolJob, PoolResult } from './job';

/** What a pool sends each thread, and what the thread answers (see worker.ts). */
export interface ToWorker<J> {
  seq: number;
  job: J;
}
export type FromWorker<R> =
  | { seq: number; ok: true; result: R }
  | { seq: number; ok: false; error: string }
  /** Sent while the job runs, any number of times. */
  | { seq: number; progress: unknown };

export interface RunOptions {
  /**
   * Jobs with the same key run on the same thread, one after another (the thread's caches
   * then serve the next job); a key's thread is chosen when its first job starts.
   */
  affinity?: string;
  /** Called with each progress message the job's thread sends. */
  onProgress?: (progress: unknown) => void;
}

export interface PoolOptions {
  /** Most threads at once; default: the machine's cores (`os.availableParallelism()`). */
  size?: number;
  /** Stop a thread after this many ms without work (it restarts on demand); default: keep it. */
  idleTimeoutMs?: number;
  resourceLimits?: ResourceLimits;
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

interface Task<J, R> {
  seq: number;
  job: J;
  options: RunOptions;
  resolve: (r: R) => void;
  reject: (e: Error) => void;
}

interface Thread<J, R> {
  worker: Worker;
  task: Task<J, R> | null;
  idleTimer?: NodeJS.Timeout;
}

export class WorkerPool<J, R> {
  readonly size: number;
  private readonly threads: Thread<J, R>[] = [];
  private readonly queue: Task<J, R>[] = [];
  private readonly affinity = new Map<string, Thread<J, R>>();
  private seq = 0;
  private closed = false;

  constructor(private readonly script: string, private readonly options: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()));
    if (!existsSync(script)) throw new Error(`worker script ${script} is missing: run \`npm run build\` first`);
  }

  /** Threads started and not yet stopped. */
  get threadCount(): number {
    return this.threads.length;
  }

  /** Jobs queued or running. */
  get pending(): number {
    return this.queue.length + this.threads.filter((t) => t.task).length;
  }

  /** Runs a job on the first free thread; rejects with the job's error, or if its thread died. */
  run(job: J, options: RunOptions = {}): Promise<R> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ seq: ++this.seq, job, options, resolve, reject });
      this.pump();
    });
  }

  /** Stops every thread; queued and running jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new Error('the worker pool is closed'));
    const threads = this.threads.splice(0);
    for (const t of threads) {
      clearTimeout(t.idleTimer);
      t.task?.reject(new Error('the worker pool is closed'));
      t.task = null;
    }
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  /** Starts queued jobs, in order, on free threads; a job whose key's thread is busy waits for it. */
  private pump(): void {
    for (let i = 0; i < this.queue.length && !this.closed;) {
      const task = this.queue[i];
      const key = task.options.affinity;
      let thread = key !== undefined ? this.affinity.get(key) : undefined;
      if (thread?.task) {
        i++;
        continue;
      }
      thread ??= this.threads.find((t) => !t.task);
      if (!thread) {
        if (this.threads.length >= this.size) return;
        thread = this.spawn();
      }
      if (key !== undefined) this.affinity.set(key, thread);
      this.queue.splice(i, 1);
      this.assign(thread, task);
    }
  }

  /** Lets a key's next job go to any thread (say, once its document is closed). */
  release(key: string): void {
    this.affinity.delete(key);
  }

  private assign(thread: Thread<J, R>, task: Task<J, R>): void {
    clearTimeout(thread.idleTimer);
    thread.task = task;
    thread.worker.ref();
    thread.worker.postMessage({ seq: task.seq, job: task.job } satisfies ToWorker<J>);
  }

  private spawn(): Thread<J, R> {
    const worker = new Worker(this.script, { resourceLimits: this.options.resourceLimits });
    const thread: Thread<J, R> = { worker, task: null };
    this.threads.push(thread);
    worker.on('message', (m: FromWorker<R>) => {
      const task = thread.task;
      if (!task || task.seq !== m.seq) return;
      if ('progress' in m) {
        task.options.onProgress?.(m.progress);
        return;
      }
      thread.task = null;
      if (m.ok) task.resolve(m.result);
      else task.reject(new Error(m.error));
      this.idle(thread);
      this.pump();
    });
    // An uncaught exception or running out of memory ends the thread: fail its job, drop it.
    worker.on('error', (e) => this.fail(thread, `worker thread failed: ${e.message}`));
    worker.on('exit', (code) => {
      this.fail(thread, `worker thread stopped (exit code ${code})`);
      this.pump();
    });
    return thread;
  }

  private idle(thread: Thread<J, R>): void {
    if (thread.task) return;
    // An idle thread does not keep the process alive.
    thread.worker.unref();
    const ms = this.options.idleTimeoutMs;
    if (ms !== undefined && ms > 0) {
      thread.idleTimer = setTimeout(() => {
        if (thread.task) return;
        this.remove(thread);
        void thread.worker.terminate();
      }, ms);
      thread.idleTimer.unref();
    }
  }

  private fail(thread: Thread<J, R>, message: string): void {
    const task = thread.task;
    thread.task = null;
    this.remove(thread);
    task?.reject(new Error(message));
  }

  private remove(thread: Thread<J, R>): void {
    clearTimeout(thread.idleTimer);
    for (const [key, t] of this.affinity) if (t === thread) this.affinity.delete(key);
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
  }
}

/**
 * The bundled analysis worker: dist/worker.js beside the bundle that runs this code (dist/cli.js,
 * dist/server.js), or the repository's dist/worker.js when this file runs from source (tests).
 */
export function analysisWorkerScript(): string {
  const beside = join(__dirname, 'worker.js');
  if (existsSync(beside)) return beside;
  return join(__dirname, '../../../dist/worker.js');
}

export type AnalysisPool = WorkerPool<PoolJob, PoolResult>;

/** A pool of threads that each run `runPoolJob` (job.ts): article text in, annotations out. */
export function createAnalysisPool(options: PoolOptions = {}): AnalysisPool {
  return new WorkerPool<PoolJob, PoolResult>(analysisWorkerScript(), options);
}
