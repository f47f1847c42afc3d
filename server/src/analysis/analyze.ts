// Text in, annotations out. Each paragraph is tokenized and searched for names and dates on
// its own (cached by its text, so an edit re-analyses only the paragraphs it touched); the
// passes that need the whole article (entity grouping, quotes, speakers, date resolution)
// then run over the cached results, and they are linear in the article's length.
import { detached, parseAround, parseArticle } from './article';
import type { AnalyzedArticle, AnalyzedParagraph, MentionCandidate } from './analyzed';
import { findDates, resolveDates, type DateCandidate } from './dates';
import { findMentions, groupEntities } from './entities';
import type { Annotations, Quote, Span } from './model';
import { SentenceCache, tokenize, type SentenceSpan, type Token, type Tokenized } from './nlp';
import { findQuotes } from './quotes';
import { findReported } from './reported';
import { attributeSpeakers } from './speakers';

/**
 * What one paragraph's text yields on its own. Its spans are placed where the paragraph last
 * stood in an article (`at`; 0, relative to the paragraph, when new): the next analysis moves
 * them in place rather than copying them, which for a long article would double its tokens.
 */
export interface ParagraphResult {
  tokens: Token[];
  sentences: SentenceSpan[];
  mentions: MentionCandidate[];
  dates: DateCandidate[];
  /** The offset every span above has been moved by. */
  at: number;
}

export interface AnalyzeOptions {
  /** `YYYY-MM-DD` to resolve relative dates against when the front matter has no `date:`. */
  referenceDate?: string;
  cache?: ParagraphCache;
  /**
   * Analyse only the paragraphs that overlap this span (and a few around them, for speaker
   * turns and date anchors): how a document too large to analyse whole is still coloured
   * where the reader looks. Offsets stay those of the whole text.
   */
  window?: Span;
}

/** Paragraphs analysed on each side of a window, so a turn or an anchor just outside still counts. */
export const WINDOW_CONTEXT_PARAGRAPHS = 3;

/**
 * Per-paragraph results keyed by the paragraph's text, least recently used dropped first; and,
 * below them, compromise's parse of each sentence, so a paragraph changed by an edit has only
 * the sentence the edit touched parsed again.
 */
export class ParagraphCache {
  /** By text, each with the text it was stored under: a copy of its own (see `get`). */
  private readonly entries = new Map<string, { text: string; result: ParagraphResult }>();
  /** Compromise's parse of each sentence, below the paragraphs. */
  readonly sentences: SentenceCache;
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 5000) {
    // Room for an article's sentences and the versions of those typed over, at a few per paragraph.
    this.sentences = new SentenceCache(capacity * 2);
  }

  /** Whether the paragraph's result is cached (without analysing it or counting a hit). */
  has(text: string): boolean {
    return this.entries.has(text);
  }

  get(text: string): ParagraphResult {
    // The cache outlives the article versions it is asked about, and the text asked with is a
    // slice of one of them: it is never what is kept, or that whole version would stay in
    // memory with it (article.ts, detached). A result is stored, and analysed, under a copy;
    // a hit moves the entry to the back under that same copy.
    const found = this.entries.get(text);
    if (found) {
      this.hits++;
      this.entries.delete(text);
      this.entries.set(found.text, found);
      return found.result;
    }
    this.misses++;
    const own = detached(text);
    const result = analyzeParagraph(own, this.sentences);
    this.entries.set(own, { text: own, result });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return result;
  }
}

export function analyzeParagraph(text: string, sentences?: SentenceCache): ParagraphResult {
  const tok: Tokenized = tokenize(text, sentences);
  return { ...tok, mentions: findMentions(text, tok), dates: findDates(text, tok), at: 0 };
}

export function analyze(text: string, options: AnalyzeOptions = {}): Annotations {
  const doc = analyzeArticle(text, options.cache, options.window);
  const { entities, mentions } = groupEntities(doc);
  const marked = findQuotes(doc);
  const quotes: Quote[] = [...marked, ...findReported(doc, marked)].sort((a, b) => a.start - b.start || b.end - a.end);
  const attributed = attributeSpeakers(doc, quotes, entities, mentions);
  const referenceDate = validDate(doc.meta.date) ?? validDate(options.referenceDate);
  const dates = resolveDates(doc, referenceDate);
  return { meta: doc.meta, entities, mentions, quotes: attributed, dates };
}

/**
 * The article with every paragraph's cached result moved to absolute offsets. Results are moved
 * in place: nothing analyze() returns shares an object with them (test/unit/analyze.test.ts holds
 * it so), and analyses never overlap. A paragraph whose text comes twice in the article gets a
 * copy the second time.
 */
export function analyzeArticle(text: string, cache = new ParagraphCache(), window?: Span): AnalyzedArticle {
  const article = window ? parseAround(text, window, WINDOW_CONTEXT_PARAGRAPHS) : parseArticle(text);
  const placed = new Set<ParagraphResult>();
  const paragraphs: AnalyzedParagraph[] = article.paragraphs.map((p) => {
    const r = cache.get(p.text);
    if (!placed.has(r)) {
      placed.add(r);
      moveBy(r, p.start - r.at);
      r.at = p.start;
      return { ...p, tokens: r.tokens, sentences: r.sentences, mentions: r.mentions, dates: r.dates };
    }
    const by = p.start - r.at;
    const shift = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
    return {
      ...p,
      // Tokens and sentences, the many, field by field: a spread costs several times as much.
      tokens: r.tokens.map((t) => ({ text: t.text, lower: t.lower, start: t.start + by, end: t.end + by, pre: t.pre, post: t.post, tags: t.tags, sentence: t.sentence })),
      sentences: r.sentences.map((s) => ({ start: s.start + by, end: s.end + by, first: s.first, last: s.last })),
      mentions: r.mentions.map(shift),
      dates: r.dates.map(shift),
    };
  });
  return { ...article, paragraphs };
}

/** Moves every span of a paragraph's result by `by`, in place. */
function moveBy(r: ParagraphResult, by: number): void {
  if (by === 0) return;
  for (const list of [r.tokens, r.sentences, r.mentions, r.dates] as Span[][]) {
    for (const x of list) {
      x.start += by;
      x.end += by;
    }
  }
}

function validDate(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;
}
