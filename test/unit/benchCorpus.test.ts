// The benchmark's texts (scripts/bench/corpus.ts) are the corpus copied over and over. Its
// figures are honest only if no copy can be answered from a cache filled by an earlier one:
// the server caches paragraphs by their text and, below them, compromise's parse of each
// sentence by the sentence's text. Plain compromise, the baseline, caches nothing.
import assert from 'node:assert/strict';
import { parseArticle } from '../../server/src/analysis/article';
import { sentenceTexts } from '../../server/src/analysis/nlp';
import { corpusCopies, COPY_BITS, countWords, loadCorpus, variant } from '../../scripts/bench/corpus';

/** The sentences of a text as the sentence cache sees them, paragraph by paragraph. */
function sentencesOf(text: string): string[] {
  return parseArticle(text).paragraphs.flatMap((p) => sentenceTexts(p.text));
}

/**
 * Where the first `copies` copies of `body` repeat a sentence of `minSpaces` spaces or more
 * from an earlier copy: a description of the first such sentence, or undefined.
 */
function firstRepeat(body: string, copies: number, minSpaces: number): string | undefined {
  const owner = new Map<string, number>();
  for (let k = 0; k < copies; k++) {
    for (const s of new Set(sentencesOf(variant(body, k)).filter((x) => spaces(x) >= minSpaces))) {
      const earlier = owner.get(s);
      if (earlier !== undefined) return `copy ${k} repeats a sentence of copy ${earlier}: ${JSON.stringify(s)}`;
      owner.set(s, k);
    }
  }
  return undefined;
}

const spaces = (s: string) => (s.trim().match(/\s+/g) ?? []).length;

describe('the benchmark corpus', () => {
  const corpus = loadCorpus();
  const copies = 2 ** 3;

  it('repeats no sentence of three spaces or more from one copy in another, for the first eight copies', () => {
    for (const { name, body } of corpus) assert.equal(firstRepeat(body, copies, 3), undefined, name);
  });

  it(`repeats no sentence of ${COPY_BITS} spaces or more in any of its first ${2 ** COPY_BITS} copies`, () => {
    // The 1 MB article takes about a hundred copies.
    const { body } = corpus.reduce((a, b) => (a.body.length >= b.body.length ? a : b));
    assert.equal(firstRepeat(body, 2 ** COPY_BITS, COPY_BITS), undefined);
  });

  it('only widens spaces: the same words in the same lines', () => {
    const squeezed = (t: string) => t.replace(/ +/g, ' ').replace(/ +$/gm, '');
    for (const { body } of corpus) {
      for (const k of [1, 2, 5, 7, 100]) {
        const copy = variant(body, k);
        assert.equal(squeezed(copy), squeezed(body));
        assert.equal(countWords(copy), countWords(body));
      }
    }
  });

  it('gives a batch whose copies the server’s caches cannot answer: few sentences repeat, as in the original', () => {
    const batch = corpusCopies(corpus, 3);
    const original = sentencesOf(corpus.map((a) => a.text).join('\n\n'));
    const repeatsIn = (list: string[]) => list.length - new Set(list).size;
    const all = sentencesOf(batch.map((b) => b.text).join('\n\n'));
    // Every sentence repeated in the corpus itself (a dateline, a heading) repeats in each
    // copy; short ones (up to two spaces) may also meet a copy of themselves. Nothing else.
    const short = all.filter((s) => spaces(s) < 3);
    assert.ok(repeatsIn(all) <= 3 * repeatsIn(original) + repeatsIn(short), `${repeatsIn(all)} of ${all.length} sentences repeat`);
    assert.ok(repeatsIn(all) / all.length < 0.03, `${repeatsIn(all)} of ${all.length} sentences repeat`);
  });
});
