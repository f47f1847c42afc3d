// One unit of bulk work: an article's text in, its annotations out, already in the form the
// caller writes. The same function runs inside a pool's worker threads and, with `--workers 1`,
// on the main thread, so both give byte-identical output. The server's jobs are whole open
// documents: analysed paragraph by paragraph with progress, and abandoned as soon as the
// server says a newer version made them useless.
import { analyze, ParagraphCache } from '../analysis/analyze';
import { parseArticle } from '../analysis/article';
import type { Annotations } from '../analysis/model';
import { toBrat } from '../formats/brat';
import { toJson, type ArticleJson } from '../formats/json';

/**
 * `object`: the ArticleJson itself; `line`: it as one line of JSON (with `id` first, when the
 * job has one); `pretty`: it indented by two spaces; `brat`: brat standoff.
 */
export type JobOutput = 'object' | 'line' | 'pretty' | 'brat';

export interface AnalyzeJob {
  text: string;
  /** `YYYY-MM-DD` for relative dates when the front matter has no `date:`. */
  referenceDate?: string;
  /** Written as the JSON's `file`. */
  file?: string;
  /** Written first in a `line` output (batch mode's id). */
  id?: string | number;
  output?: JobOutput;
}

export type JobResult = string | ArticleJson;

/** A job's text comes from outside (a JSON line, a message): anything but a string is refused. */
function checkText(text: unknown): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`text must be a string, not ${text === null ? 'null' : typeof text}`);
}

export function runJob(job: AnalyzeJob, cache: ParagraphCache): JobResult {
  checkText(job.text);
  const annotations = analyze(job.text, { referenceDate: job.referenceDate, cache });
  const output = job.output ?? 'object';
  if (output === 'brat') return toBrat(annotations);
  const json = toJson(job.text, annotations, job.file);
  if (output === 'object') return json;
  if (output === 'pretty') return JSON.stringify(json, null, 2);
  return JSON.stringify(job.id !== undefined ? { id: job.id, ...json } : json);
}

/** The server's whole-document analysis. */
export interface DocumentJob {
  kind: 'document';
  text: string;
  referenceDate?: string;
  /** An Int32 the server sets to non-zero to stop the job (read between paragraphs). */
  cancel?: SharedArrayBuffer;
}

/** How far a document job has come: UTF-16 units of its paragraphs analysed, of all. */
export interface DocumentProgress {
  done: number;
  total: number;
}

/** The error a cancelled job fails with. */
export const CANCELLED = 'cancelled: a newer version of the document superseded it';

/** How often, at most, a document job reports progress. */
const PROGRESS_EVERY_MS = 100;

/**
 * Analyses a whole document. Paragraphs go through the cache one at a time first, so progress
 * can be told and a cancellation honoured between them; the analysis proper then finds every
 * paragraph cached and only runs the passes across paragraphs.
 */
export function runDocumentJob(job: DocumentJob, cache: ParagraphCache, progress: (p: DocumentProgress) => void = () => undefined): Annotations {
  checkText(job.text);
  const cancel = job.cancel ? new Int32Array(job.cancel) : undefined;
  const stopped = () => !!cancel && Atomics.load(cancel, 0) !== 0;
  const { paragraphs } = parseArticle(job.text);
  const total = paragraphs.reduce((n, p) => n + p.text.length, 0);
  let done = 0;
  let told = performance.now();
  for (const p of paragraphs) {
    if (stopped()) throw new Error(CANCELLED);
    cache.get(p.text);
    done += p.text.length;
    if (performance.now() - told >= PROGRESS_EVERY_MS) {
      told = performance.now();
      progress({ done, total });
    }
  }
  if (stopped()) throw new Error(CANCELLED);
  return analyze(job.text, { referenceDate: job.referenceDate, cache });
}

export type PoolJob = AnalyzeJob | DocumentJob;
export type PoolResult = JobResult | Annotations;

/** What a pool thread runs: a document job for the server, else a command-line job. */
export function runPoolJob(job: PoolJob, cache: ParagraphCache, progress?: (p: DocumentProgress) => void): PoolResult {
  return 'kind' in job && job.kind === 'document' ? runDocumentJob(job, cache, progress) : runJob(job, cache);
}
