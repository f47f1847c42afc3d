// `article-lens annotate [--format json|brat] [--out DIR] FILE...`
// A second door to the same analysis the language server uses.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyze, ParagraphCache } from '../analysis/analyze';
import { toBrat } from '../formats/brat';
import { toJson } from '../formats/json';
import { readArticleFile } from './readArticle';

const USAGE = `Usage: article-lens annotate [--format json|brat] [--out DIR] [--date YYYY-MM-DD] FILE...

Finds quotes and their speakers, people, organizations, places and dates in news articles.

Options:
  -f, --format json|brat  output format (default: json)
  -o, --out DIR           write NAME.json or NAME.ann into DIR instead of standard output
  -d, --date YYYY-MM-DD   reference date for articles whose front matter has no date
  -h, --help              show this help`;

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** Runs the command line; returns the exit code (0 ok, 1 some file failed, 2 bad usage). */
export function run(argv: string[], io: Io): number {
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

  const cache = new ParagraphCache();
  const jsonToStdout: unknown[] = [];
  let failed = 0;
  for (const file of files) {
    const read = readArticleFile(file);
    if (!read.ok) {
      io.stderr(`article-lens: ${file}: ${read.error}\n`);
      failed++;
      continue;
    }
    const annotations = analyze(read.text, { referenceDate: values.date, cache });
    const output = format === 'brat' ? toBrat(annotations) : toJson(read.text, annotations, file);
    if (values.out) {
      const name = basename(file, extname(file)) + (format === 'brat' ? '.ann' : '.json');
      try {
        writeFileSync(join(values.out, name), typeof output === 'string' ? output : JSON.stringify(output, null, 2) + '\n');
      } catch (e) {
        io.stderr(`article-lens: cannot write ${join(values.out, name)}: ${(e as Error).message}\n`);
        failed++;
      }
    } else if (typeof output === 'string') {
      io.stdout(files.length > 1 ? `==> ${file} <==\n${output}\n` : output);
    } else {
      jsonToStdout.push(output);
    }
  }
  if (jsonToStdout.length) {
    io.stdout(JSON.stringify(files.length > 1 ? jsonToStdout : jsonToStdout[0], null, 2) + '\n');
  }
  return failed ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
  });
}
