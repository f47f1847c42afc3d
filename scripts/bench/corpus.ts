// The benchmark's texts, built from the gold corpus (test/fixtures/corpus/*.article). Copies are
// made distinct so the server's per-paragraph cache (keyed by a paragraph's text) cannot answer
// for a copy from an earlier one: copy k of a paragraph widens one of its spaces, chosen by k, to
// two or more. Same words, same amount of work, and no paragraph text is repeated.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(__dirname, '../../test/fixtures/corpus');

export interface CorpusArticle {
  name: string;
  /** The whole file, front matter included. */
  text: string;
  /** The text after the front matter. */
  body: string;
}

export function loadCorpus(dir = CORPUS): CorpusArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.article'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
      return { name, text, body: fm ? text.slice(fm[0].length) : text };
    });
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** Copy `k` of a text (0: itself): in every line, one space widened; which one and by how much depends on k. */
export function variant(text: string, k: number): string {
  if (k === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      const spaces: number[] = [];
      for (let i = line.indexOf(' '); i >= 0; i = line.indexOf(' ', i + 1)) spaces.push(i);
      if (!spaces.length) return line.trim() ? line + ' '.repeat(k) : line;
      const at = spaces[(k - 1) % spaces.length];
      const width = 2 + Math.floor((k - 1) / spaces.length);
      return line.slice(0, at) + ' '.repeat(width) + line.slice(at + 1);
    })
    .join('\n');
}

const FRONT_MATTER = (title: string) => `---\ntitle: ${title}\ndate: 2016-09-09\nsource: Article Lens benchmark (gold corpus bodies)\n---\n`;

/** One long article: the corpus bodies, copy after copy, until it has at least `words` words. */
export function longArticle(corpus: CorpusArticle[], words: number, title = 'Benchmark: the corpus, copy after copy'): string {
  const parts: string[] = [FRONT_MATTER(title)];
  let n = 0;
  for (let k = 0; n < words; k++) {
    for (const a of corpus) {
      const body = variant(a.body.trim(), k);
      parts.push(body, '\n\n');
      n += countWords(body);
    }
  }
  return parts.join('');
}

/** One article of at least `bytes` UTF-8 bytes, built the same way. */
export function hugeArticle(corpus: CorpusArticle[], bytes: number): string {
  const parts: string[] = [FRONT_MATTER('Benchmark: a very long document')];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    for (const a of corpus) {
      const body = variant(a.body.trim(), k) + '\n\n';
      parts.push(body);
      size += Buffer.byteLength(body);
    }
  }
  return parts.join('');
}

/** The corpus articles as separate articles (front matter kept), `copies` times over, each copy distinct. */
export function corpusCopies(corpus: CorpusArticle[], copies: number): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (let k = 0; k < copies; k++) {
    for (const a of corpus) {
      const fm = a.text.slice(0, a.text.length - a.body.length);
      out.push({ id: `${a.name}#${k}`, text: fm + variant(a.body, k) });
    }
  }
  return out;
}
