// Batch mode, `article-lens annotate --jsonl`: JSON lines `{"id", "text", "date"?}` in, one
// annotation object per line out (`{"id", ...the JSON format}`), in input order. It streams: a
// line is analysed as soon as it is read, its result written as soon as every line before it is,
// and input is read only while fewer than a bounded number of lines are in flight, so memory
// stays bounded however long the archive and however slow the reader of the output.
// A line that cannot be annotated yields `{"id", "error", "line"}` and the run goes on.
import type { JobResult } from '../workers/job';
import { createRunner, inOrder } from './pipeline';

export interface JsonlOptions {
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>;
  /** Writes to the output; returns a promise when the caller should wait (backpressure). */
  write: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  workers: number;
  /** `--date`: for lines without `date` whose front matter has none. */
  referenceDate?: string;
  /** `tty`: one line rewritten in place; `lines`: a line every 10 s; `none`: only errors. */
  progress: 'tty' | 'lines' | 'none';
  /** Longer lines are answered with an error, never held in memory whole. */
  maxLineBytes?: number;
}

export interface JsonlSummary {
  lines: number;
  annotated: number;
  failed: number;
}

/** The same limit as for a file given by name. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

type Input = { n: number; text: string } | { n: number; error: string };

/** One parsed input line: a job to run, or the reason it cannot be. */
export type ParsedLine =
  | { ok: true; id: string | number; text: string; date?: string }
  | { ok: false; id: string | number | null; error: string };

export function parseLine(line: string): ParsedLine {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: null, error: `not valid JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: 'a line must be a JSON object {"id", "text", "date"?}' };
  }
  const { id, text, date } = value as Record<string, unknown>;
  const validId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
  if (!validId) return { ok: false, id: null, error: id === undefined ? 'missing "id"' : '"id" must be a string or a number' };
  if (typeof text !== 'string') return { ok: false, id, error: text === undefined ? 'missing "text"' : '"text" must be a string' };
  if (date !== undefined && date !== null && (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date))) {
    return { ok: false, id, error: '"date" must be YYYY-MM-DD' };
  }
  return { ok: true, id, text, date: typeof date === 'string' ? date : undefined };
}

export function errorLine(id: string | number | null, error: string, line: number): string {
  return JSON.stringify({ id, error, line });
}

export async function runJsonl(o: JsonlOptions): Promise<JsonlSummary> {
  const runner = createRunner(o.workers, o.stderr);
  const summary: JsonlSummary = { lines: 0, annotated: 0, failed: 0 };
  const started = performance.now();
  const rate = () => summary.lines / Math.max(0.001, (performance.now() - started) / 1000);
  const status = () => `article-lens: ${summary.lines} article${summary.lines === 1 ? '' : 's'}` +
    `${summary.failed ? ` (${summary.failed} failed)` : ''}, ${rate().toFixed(1)}/s`;
  const ticker = o.progress === 'none' ? undefined : setInterval(() => {
    o.stderr(o.progress === 'tty' ? `\r\x1b[K${status()}` : `${status()}\n`);
  }, o.progress === 'tty' ? 1000 : 10_000);
  ticker?.unref();

  type Output = { line: string; failed: boolean };
  const failed = (id: string | number | null, error: string, n: number): Output => ({ line: errorLine(id, error, n), failed: true });
  const start = async (input: Input): Promise<Output> => {
    if ('error' in input) return failed(null, input.error, input.n);
    const parsed = parseLine(input.text);
    if (!parsed.ok) return failed(parsed.id, parsed.error, input.n);
    try {
      const result: JobResult = await runner.run({
        text: parsed.text,
        id: parsed.id,
        referenceDate: parsed.date ?? o.referenceDate,
        output: 'line',
      });
      return { line: result as string, failed: false };
    } catch (e) {
      return failed(parsed.id, `analysis failed: ${(e as Error).message}`, input.n);
    }
  };
  const consume = (out: Output) => {
    summary.lines++;
    if (out.failed) summary.failed++;
    else summary.annotated++;
    return o.write(out.line + '\n');
  };

  try {
    await inOrder(readLines(o.input, o.maxLineBytes ?? MAX_LINE_BYTES), runner.threads * 4, start, consume);
  } finally {
    if (ticker) clearInterval(ticker);
    await runner.close();
  }
  if (o.progress !== 'none') {
    const seconds = (performance.now() - started) / 1000;
    o.stderr(`${o.progress === 'tty' ? '\r\x1b[K' : ''}${status()}; ${seconds.toFixed(1)} s, ` +
      `${runner.threads} thread${runner.threads === 1 ? '' : 's'}\n`);
  }
  return summary;
}

/**
 * The non-blank lines of a byte stream, numbered from 1, decoded as UTF-8 (a BOM and a
 * trailing CR dropped). Reads a chunk only when asked for the next line.
 */
export async function* readLines(input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>, maxBytes: number): AsyncGenerator<Input> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const finish = (last: Buffer): Input | null => {
    n++;
    const bytes = parts.length ? Buffer.concat([...parts, last]) : last;
    const wasTooLong = tooLong || size + last.length > maxBytes;
    parts = [];
    size = 0;
    tooLong = false;
    if (wasTooLong) return { n, error: `line longer than ${maxBytes} bytes` };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { n, error: 'not valid UTF-8' };
    }
    if (n === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    return text.trim() ? { n, text } : null;
  };
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let at = 0;
    for (;;) {
      const nl = buf.indexOf(10, at);
      if (nl < 0) {
        const rest = buf.subarray(at);
        if (!tooLong && size + rest.length > maxBytes) {
          tooLong = true;
          parts = [];
        }
        if (!tooLong && rest.length) parts.push(rest);
        size += rest.length;
        break;
      }
      const line = finish(tooLong ? Buffer.alloc(0) : buf.subarray(at, nl));
      at = nl + 1;
      if (line) yield line;
    }
  }
  if (size > 0 || tooLong) {
    const line = finish(Buffer.alloc(0));
    if (line) yield line;
  }
}
