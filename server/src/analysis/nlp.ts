// The one place compromise is called. It turns a paragraph into tokens with exact offsets and
// part-of-speech tags; every rule of the analysis works on these tokens, never on compromise's
// own entity lists (its `people()` misses half the people in news text, and its match offsets
// start after a leading quotation mark).
import nlp from 'compromise/two';
import { firstStartingFrom } from './article';

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

/** A term of compromise's own document, the parts read here. */
interface CompromiseTerm {
  text: string;
  pre: string;
  post: string;
  tags: Set<string>;
}

/** A term as compromise split and tagged it; `start` counts from its sentence's start. */
interface Term {
  text: string;
  pre: string;
  post: string;
  tags: ReadonlySet<string>;
  start: number;
  length: number;
}

/** One sentence as compromise parsed it, and how much text its terms cover, whitespace included. */
interface ParsedSentence {
  terms: Term[];
  length: number;
}

type SplitSentences = (text: string, world: object) => string[];
const world = nlp.world();
const splitSentences = (nlp.methods() as { one: { tokenize: { splitSentences: SplitSentences } } }).one.tokenize.splitSentences;

/** A paragraph's sentences as compromise splits them: the texts the SentenceCache keys on. */
export function sentenceTexts(paragraph: string): string[] {
  return splitSentences(paragraph, world);
}

/**
 * Compromise's parse of each sentence seen, keyed by the sentence's text, least recently used
 * dropped first. Compromise splits a paragraph into sentences before anything else and tags each
 * sentence on its own (its taggers work clause by clause within one), so a sentence's terms and
 * tags are the same whatever paragraph it is in: an edit inside a long paragraph has only the
 * sentence it touched tagged again. test/unit/nlp.test.ts holds this to the corpus.
 */
export class SentenceCache {
  private readonly entries = new Map<string, ParsedSentence>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 10_000) {}

  get(text: string): ParsedSentence | undefined {
    const found = this.entries.get(text);
    if (!found) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(text);
    this.entries.set(text, found);
    return found;
  }

  set(text: string, sentence: ParsedSentence): void {
    this.entries.set(text, sentence);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * Tokens of one paragraph's text, offsets relative to that text. Compromise's term offsets are
 * checked against the text: where they disagree (it normalises some characters), the token is
 * found again by searching forward, so every token's `text` equals its slice. With a cache, the
 * sentences it holds are not parsed again; the tokens are the same either way.
 */
export function tokenize(text: string, cache?: SentenceCache): Tokenized {
  const tokens: Token[] = [];
  const sentences: SentenceSpan[] = [];
  if (!text.trim()) return { tokens, sentences };
  const parsed = cache ? parseBySentence(text, cache) : parse(text);
  let cursor = 0;
  // Where the sentence starts as compromise counts: the text its earlier terms cover.
  let at = 0;
  for (const s of parsed) {
    const first = tokens.length;
    for (const term of s.terms) {
      if (!term.text || term.length === 0) continue; // contraction halves ("we're" -> "are")
      let start = at + term.start;
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
        tags: term.tags,
        sentence: sentences.length,
      });
    }
    at += s.length;
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

/**
 * One shared set per combination of tags: a few thousand combinations cover any text, and a
 * set per token was a fifth of the memory a long article's analysis holds. Shared sets are
 * never changed (tokens expose them read-only).
 */
const TAG_SETS = new Map<string, ReadonlySet<string>>();
function interned(tags: Set<string>): ReadonlySet<string> {
  const key = [...tags].join('|');
  let found = TAG_SETS.get(key);
  if (!found) {
    found = tags;
    // Bounded, in case some text yields endless combinations: new ones are then not shared.
    if (TAG_SETS.size < 50_000) TAG_SETS.set(key, found);
  }
  return found;
}

/**
 * Compromise's parse of the text, one entry per sentence it found. Its terms are read from its
 * document as they are (`json()` would copy every one, adding a fifth to the time), and their
 * offsets counted as compromise counts them: from the text of the terms before them, whitespace
 * included.
 */
function parse(text: string): ParsedSentence[] {
  const document = (nlp(text) as unknown as { docs: CompromiseTerm[][] }).docs;
  return document.map((terms) => {
    let length = 0;
    const out: Term[] = terms.map((t) => {
      const term = { text: t.text, pre: t.pre, post: t.post, tags: interned(t.tags), start: length + t.pre.length, length: t.text.length };
      length += t.pre.length + t.text.length + t.post.length;
      return term;
    });
    return { terms: out, length };
  });
}

/**
 * The text's sentences, each from the cache or parsed on its own; when most are new, the
 * paragraph is parsed whole (one call is quicker than many) and its sentences cached. A sentence
 * compromise would split further when given alone is never parsed alone: the paragraph is
 * parsed whole then too.
 */
function parseBySentence(text: string, cache: SentenceCache): ParsedSentence[] {
  const parts = sentenceTexts(text);
  const found = parts.map((p) => cache.get(p));
  const missing = found.reduce((n, f) => (f ? n : n + 1), 0);
  if (missing * 2 <= parts.length) {
    const out: ParsedSentence[] = [];
    for (let i = 0; i < parts.length; i++) {
      const known = found[i];
      if (known) { out.push(known); continue; }
      const alone = parse(parts[i]);
      if (alone.length !== 1) return parseWhole(text, parts, cache);
      cache.set(parts[i], alone[0]);
      out.push(alone[0]);
    }
    return out;
  }
  return parseWhole(text, parts, cache);
}

function parseWhole(text: string, parts: string[], cache: SentenceCache): ParsedSentence[] {
  const whole = parse(text);
  if (whole.length === parts.length) parts.forEach((p, i) => cache.set(p, whole[i]));
  return whole;
}

/** Index of the first token that starts at or after `offset` (tokens.length if none does). */
export function firstTokenFrom(tokens: readonly Token[], offset: number): number {
  return firstStartingFrom(tokens, offset);
}

export function hasTag(token: Token | undefined, ...tags: string[]): boolean {
  return !!token && tags.some((t) => token.tags.has(t));
}

export function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
