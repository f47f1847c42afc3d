// `article-lens annotate [--format json|brat] [--out DIR] [--date D] [--workers N] FILE...` and
// `article-lens annotate --jsonl` (batch mode, jsonl.ts). A second door to the same analysis the
// language server uses; many files and batch mode run on a pool of worker threads.
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { OPTIMISE_SOONER } from '../launch';
import { defaultPoolSize } from '../workers/pool';
import { runJsonl } from './jsonl';
import { createRunner, inOrder } from './pipeline';
import { readArticleFile } from './readArticle';

const USAGE = `Usage: article-lens annotate [--format json|brat] [--out DIR] [--date YYYY-MM-DD] [--workers N] FILE...
       article-lens annotate --jsonl [--date YYYY-MM-DD] [--workers N] [--quiet] < IN.jsonl > OUT.jsonl

Finds quotes and their speakers, people, organizations, places and dates in news articles.

Options:
  -f, --format json|brat  output format (default: json)
  -o, --out DIR           write NAME.json or NAME.ann into DIR instead of standard output
  -d, --date YYYY-MM-DD   reference date for articles whose front matter has no date
      --jsonl             batch mode: read JSON lines {"id", "text", "date"?} on standard input and
                          write one JSON annotation object per line, with its id, in input order;
                          a bad line gets {"id", "error", "line"} and the run goes on
  -w, --workers N         worker threads for many files and --jsonl (default: the machine's
                          cores, ${defaultPoolSize()} here); 1 runs everything on one thread
  -q, --quiet             no progress on standard error (--jsonl)
  -h, --help              show this help`;

export interface Io {
  /** Writes to standard output; a returned promise means: wait before writing more. */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  /** Standard input, for --jsonl. */
  stdin?: AsyncIterable<Buffer | string>;
  /** Whether standard error is a terminal (progress rewritten in place). */
  stderrIsTTY?: boolean;
}

/** Runs the command line; resolves to the exit code (0 ok, 1 some file or line failed, 2 bad usage). */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') {
    io.stdout(USAGE + '\n');
    return 0;
  }
  if (command !== 'annotate') {
    io.stderr(`article-lens: ${command ? `unknown command '${command}'` : 'no command given'}\n${USAGE}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'json' },
        out: { type: 'string', short: 'o' },
        date: { type: 'string', short: 'd' },
        jsonl: { type: 'boolean' },
        workers: { type: 'string', short: 'w' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.stderr(`article-lens: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.stdout(USAGE + '\n');
    return 0;
  }
  const format = values.format;
  if (format !== 'json' && format !== 'brat') {
    io.stderr(`article-lens: --format must be json or brat, not '${format}'\n`);
    return 2;
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    io.stderr(`article-lens: --date must be YYYY-MM-DD, not '${values.date}'\n`);
    return 2;
  }
  let workers = defaultPoolSize();
  if (values.workers !== undefined) {
    if (!/^\d+$/.test(values.workers) || +values.workers < 1 || +values.workers > 256) {
      io.stderr(`article-lens: --workers must be a whole number from 1 to 256, not '${values.workers}'\n`);
      return 2;
    }
    workers = +values.workers;
  }
  if (values.jsonl) {
    const conflict = files.length ? `FILE (${files[0]})` : values.out !== undefined ? '--out' : format !== 'json' ? '--format brat' : '';
    if (conflict) {
      io.stderr(`article-lens: --jsonl reads standard input and writes JSON lines to standard output; ${conflict} does not go with it\n`);
      return 2;
    }
    const summary = await runJsonl({
      input: io.stdin ?? [],
      write: io.stdout,
      stderr: io.stderr,
      workers,
      referenceDate: values.date,
      progress: values.quiet ? 'none' : io.stderrIsTTY ? 'tty' : 'lines',
    });
    return summary.failed ? 1 : 0;
  }
  if (files.length === 0) {
    io.stderr(`article-lens: no FILE given\n${USAGE}\n`);
    return 2;
  }
  if (values.out) {
    try {
      mkdirSync(values.out, { recursive: true });
    } catch (e) {
      io.stderr(`article-lens: cannot create output folder ${values.out}: ${(e as Error).message}\n`);
      return 1;
    }
  }

  const out = values.out;
  // Threads only pay for more than one file: one file is analysed here, without starting any.
  const runner = createRunner(files.length > 1 ? Math.min(workers, files.length) : 1, io.stderr);
  type Done = { file: string } & ({ ok: true; output: string } | { ok: false; error: string });
  const start = async (file: string): Promise<Done> => {
    const read = readArticleFile(file);
    if (!read.ok) return { file, ok: false, error: read.error };
    try {
      const output = await runner.run({ text: read.text, file, referenceDate: values.date, output: format === 'brat' ? 'brat' : 'pretty' });
      return { file, ok: true, output: output as string };
    } catch (e) {
      return { file, ok: false, error: `analysis failed: ${(e as Error).message}` };
    }
  };
  let failed = 0;
  let jsonWritten = 0;
  const consume = async (done: Done): Promise<void> => {
    if (!done.ok) {
      io.stderr(`article-lens: ${done.file}: ${done.error}\n`);
      failed++;
      return;
    }
    const { file, output } = done;
    if (out) {
      const name = basename(file, extname(file)) + (format === 'brat' ? '.ann' : '.json');
      try {
        writeFileSync(join(out, name), format === 'brat' ? output : output + '\n');
      } catch (e) {
        io.stderr(`article-lens: cannot write ${join(out, name)}: ${(e as Error).message}\n`);
        failed++;
      }
    } else if (format === 'brat') {
      await io.stdout(files.length > 1 ? `==> ${file} <==\n${output}\n` : output);
    } else if (files.length === 1) {
      await io.stdout(output + '\n');
    } else {
      // The elements of one JSON array, written as they come: the same text as
      // JSON.stringify(array, null, 2), since no string in the JSON holds a raw line break.
      await io.stdout((jsonWritten++ ? ',\n' : '[\n') + output.replace(/^/gm, '  '));
    }
  };
  try {
    await inOrder(files, runner.threads * 2, start, consume);
  } finally {
    await runner.close();
  }
  if (jsonWritten) await io.stdout('\n]\n');
  return failed ? 1 : 0;
}

if (require.main === module) {
  // The server's start-up flags for TurboFan (launch.ts), which a `#!` line cannot pass on every
  // system: read when a function is optimised, so they hold for everything optimised from here
  // on, in this thread and in the worker threads it starts.
  setFlagsFromString(OPTIMISE_SOONER.join(' '));
  // A reader that goes away (`| head`) ends the run quietly, as it does for other tools.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const stdout = (s: string): void | Promise<void> => {
    if (!process.stdout.write(s)) return once(process.stdout, 'drain').then(() => undefined);
  };
  run(process.argv.slice(2), {
    stdout,
    stderr: (s) => process.stderr.write(s),
    stdin: process.stdin,
    stderrIsTTY: process.stderr.isTTY,
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`article-lens: ${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
