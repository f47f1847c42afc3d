// The benchmark's texts, built from the gold corpus (test/fixtures/corpus/*.article). Copies are
// made distinct so that neither of the server's caches can answer for a copy from an earlier
// one: not the paragraph cache (keyed by a paragraph's text), nor the sentence cache below it
// (keyed by a sentence's text). Copy k of a paragraph spells k out in each of its sentences,
// in which of their spaces it widens to two. Same words, same amount of work: a benchmark over
// text that repeats itself would measure the caches, and plain compromise has none.
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

/**
 * How many of a sentence's spaces spell out the copy number: bit j of k (j counted modulo this)
 * widens the sentence's j-th space. Copies below 2^COPY_BITS differ in every sentence of that
 * many spaces, and any two of the first eight in every sentence of three.
 */
export const COPY_BITS = 7;
/** Where a sentence ends: the space after it is left as it is, and the next one counts from 0. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

/** Copy `k` of a text (0: itself): in every sentence, the spaces that bits of k choose widened to two. */
export function variant(text: string, k: number): string {
  if (k === 0) return text;
  return text
    .split('\n')
    .map((line) => {
      // A line of one word (a heading, a byline) has no space to widen; spaces after it would
      // not count, for a paragraph's text is trimmed. It stays as it is: its work is next to none.
      let j = 0;
      return line.replace(/ /g, (space, at: number) => {
        if (SENTENCE_END.test(line.slice(Math.max(0, at - 4), at))) {
          j = 0;
          return space;
        }
        return (k >> (j++ % COPY_BITS)) & 1 ? '  ' : space;
      });
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
