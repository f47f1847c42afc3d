// The one place compromise is called. It turns a paragraph into tokens with exact offsets and
// part-of-speech tags; every rule of the analysis works on these tokens, never on compromise's
// own entity lists (its `people()` misses half the people in news text, and its match offsets
// start after a leading quotation mark).
import nlp from 'compromise';

export interface Token {
  /** The word as written (curly apostrophes and all), without surrounding punctuation. */
  text: string;
  /** Lower case, straight apostrophes. */
  lower: string;
  start: number;
  end: number;
  /** Punctuation and spaces before and after the word, as compromise split them. */
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  /** Index of the sentence the token is in (into `Tokenized.sentences`). */
  sentence: number;
}

export interface SentenceSpan {
  start: number;
  end: number;
  /** First token index and one past the last. */
  first: number;
  last: number;
}

export interface Tokenized {
  tokens: Token[];
  sentences: SentenceSpan[];
}

interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface CompromiseSentence {
  terms: CompromiseTerm[];
}

/**
 * Tokens of one paragraph's text, offsets relative to that text. Compromise's term offsets are
 * checked against the text: where they disagree (it normalises some characters), the token is
 * found again by searching forward, so every token's `text` equals its slice.
 */
export function tokenize(text: string): Tokenized {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  if (!text.trim()) return { tokens, sentences };
  const json = nlp(text).json({ offset: true, terms: { offset: true } }) as CompromiseSentence[];
  let cursor = 0;
  for (const s of json) {
    const first = tokens.length;
    for (const term of s.terms) {
      if (!term.text || term.offset.length === 0) continue; // contraction halves ("we're" -> "are")
      let start = term.offset.start;
      if (text.slice(start, start + term.text.length) !== term.text) {
        const found = text.indexOf(term.text, cursor);
        if (found < 0) continue;
        start = found;
      }
      const end = start + term.text.length;
      cursor = end;
      tokens.push({
        text: term.text,
        lower: term.text.toLowerCase().replace(/[’‘]/g, "'"),
        start,
        end,
        pre: term.pre,
        post: term.post,
        tags: new Set(term.tags),
        sentence: sentences.length,
      });
    }
    if (tokens.length > first) {
      const lastToken = tokens[tokens.length - 1];
      const firstToken = tokens[first];
      const start = Math.max(0, firstToken.start - firstToken.pre.length);
      const end = Math.min(text.length, lastToken.end + lastToken.post.trimEnd().length);
      sentences.push({ start, end, first, last: tokens.length });
    }
  }
  return { tokens, sentences };
}

/** Index of the first token that starts at or after `offset` (tokens.length if none does). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function hasTag(token: Token | undefined, ...tags: string[]): boolean {
  return !!token && tags.some((t) => token.tags.has(t));
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
