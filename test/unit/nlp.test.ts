// Tokens, and compromise parsed a sentence at a time: the same tokens as the whole paragraph.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticle } from '../../server/src/analysis/article';
import { SentenceCache, tokenize } from '../../server/src/analysis/nlp';

const corpus = join(__dirname, '../fixtures/corpus');
const paragraphs = readdirSync(corpus)
  .filter((f) => f.endsWith('.article'))
  .flatMap((f) => parseArticle(readFileSync(join(corpus, f), 'utf8')).paragraphs.map((p) => p.text));

describe('tokens', () => {
  it('are the same with a sentence cache as without, for every paragraph of the corpus and after an edit to each', () => {
    const cache = new SentenceCache();
    let seed = 11;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const typed = ['e', ' ', '“', '. ', 'Mr. ', 'said ', ', ', 'U.S. '];
    for (const text of paragraphs) {
      assert.deepEqual(tokenize(text, cache), tokenize(text), text);
      const at = rand(text.length + 1);
      const edited = text.slice(0, at) + typed[rand(typed.length)] + text.slice(at);
      assert.deepEqual(tokenize(edited, cache), tokenize(edited), edited);
    }
    assert.ok(cache.hits > paragraphs.length / 2, 'the edited paragraphs reuse the sentences they kept');
  });

  it('come from parsing again only the sentence an edit touched', () => {
    const cache = new SentenceCache();
    const text = 'The minister spoke on Tuesday. She said the plan would go ahead. Critics were not convinced.';
    tokenize(text, cache);
    const { hits, misses } = cache;
    const edited = text.replace('the plan', 'the new plan');
    assert.deepEqual(tokenize(edited, cache), tokenize(edited));
    assert.equal(cache.misses - misses, 1);
    assert.equal(cache.hits - hits, 2);
  });

  it('come from parsing the paragraph whole when compromise would split a changed sentence further on its own', () => {
    // Inside the paragraph "m. ore came." is one sentence; given alone, compromise splits it in two.
    const cache = new SentenceCache();
    tokenize('He left.  Then more came.', cache);
    const text = 'He left.  m. ore came.';
    const tokens = tokenize(text, cache);
    assert.deepEqual(tokens, tokenize(text));
    assert.equal(tokens.sentences.length, 2);
  });
});
