// For the tests of what the analysis keeps alive: the heap after a full collection, and an
// article long enough that keeping one of its versions by mistake shows.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArticle } from '../../server/src/analysis/article';

/** Bytes in use on the heap once everything unreachable is collected. */
export function heapAfterCollection(): number {
  // The last string a regular expression searched stays alive as RegExp.input; search a short one.
  /./.exec('.');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * The gold corpus's bodies one after another under one front matter, `times` over: about 64,000
 * characters each time, curly quotes and all (so two bytes a character).
 */
export function corpusAsOneArticle(times = 1): string {
  const dir = join(__dirname, '../fixtures/corpus');
  const bodies = readdirSync(dir).filter((f) => f.endsWith('.article')).sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .map((t) => t.slice(parseArticle(t).bodyStart).trim());
  const body = Array.from({ length: times }, () => bodies.join('\n\n')).join('\n\n');
  return `---\ntitle: The corpus as one long article\ndate: 2021-05-01\n---\n\n${body}\n`;
}
