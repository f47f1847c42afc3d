// One unit of bulk work: an article's text in, its annotations out, already in the form the
// caller writes. The same function runs inside a pool's worker threads and, with `--workers 1`,
// on the main thread, so both give byte-identical output.
import { analyze, ParagraphCache } from '../analysis/analyze';
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

export function runJob(job: AnalyzeJob, cache: ParagraphCache): JobResult {
  if (typeof job.text !== 'string') throw new TypeError(`text must be a string, not ${job.text === null ? 'null' : typeof job.text}`);
  const annotations = analyze(job.text, { referenceDate: job.referenceDate, cache });
  const output = job.output ?? 'object';
  if (output === 'brat') return toBrat(annotations);
  const json = toJson(job.text, annotations, job.file);
  if (output === 'object') return json;
  if (output === 'pretty') return JSON.stringify(json, null, 2);
  return JSON.stringify(job.id !== undefined ? { id: job.id, ...json } : json);
}
