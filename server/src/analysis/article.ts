// An article as text: its front matter, its body and the paragraphs the analysis works on,
// and the mapping between UTF-16 offsets and LSP line/character positions.
import type { FrontMatter, Span } from './model';

export interface Paragraph extends Span {
  /** The paragraph's text with line breaks turned into spaces, so offsets stay aligned. */
  text: string;
}

export interface Article {
  text: string;
  meta: FrontMatter;
  /** Where the body starts: just after the front matter's closing `---` line. */
  bodyStart: number;
  paragraphs: Paragraph[];
}

/**
 * Longest paragraph handed to the NLP in one piece. Pasted pages and minified text can hold
 * megabytes without a line break; cutting them keeps every NLP call small and the whole
 * analysis linear in the article's length.
 */
export const MAX_PARAGRAPH = 4000;

const LINE_BREAK = /\r\n|\n|\r/g;

/**
 * The article's front matter and paragraphs. The last few parses are remembered by their text:
 * while the reader types, one version is patched, analysed and parsed again from the next, and
 * each of those would otherwise split the whole text anew. Callers must not change the result.
 */
export function parseArticle(text: string): Article {
  const known = recall(text);
  if (known) return known;
  const { meta, bodyStart } = parseFrontMatter(text);
  const lines = linesOf(text, bodyStart, text.length);
  return remember({ text, meta, bodyStart, paragraphs: groupLines(text, lines, lines.some((l) => l.blank)) }, countBlank(lines));
}

/**
 * The article with only the paragraphs that overlap `span` and up to `context` more on each
 * side: the same paragraphs, in the same order, as `parseArticle(text)` has there, found by
 * splitting the lines around `span` alone. The first screen of a 1 MB article needs some fifty
 * of its 5,000 paragraphs, and splitting the whole text first took 7–14 ms of it (cold).
 * A whole parse already remembered is used instead. Not remembered itself: it is partial.
 */
export function parseAround(text: string, span: Span, context: number): Article {
  const known = recall(text);
  if (known) return { ...known, paragraphs: around(known.paragraphs, span, context) };
  const { meta, bodyStart } = parseFrontMatter(text);
  const blankSeparated = hasBlankLine(text, bodyStart);
  // Lines are split from a paragraph start some way before the span to one some way after; if
  // that does not hold `context` paragraphs on a side, a wider reach is tried, up to the whole body.
  for (let reach = 4096; ; reach *= 4) {
    const from = span.start - reach <= bodyStart ? bodyStart : groupStartBefore(text, bodyStart, span.start - reach, blankSeparated);
    const to = span.end + reach >= text.length ? text.length : groupStartAfter(text, span.end + reach, blankSeparated);
    const paragraphs = groupLines(text, linesOf(text, from, to), blankSeparated);
    const { first, last } = overlapping(paragraphs, span);
    const enoughBefore = from === bodyStart || first - context >= 0;
    const enoughAfter = to === text.length || paragraphs.length - last >= context;
    if (enoughBefore && enoughAfter) return { text, meta, bodyStart, paragraphs: around(paragraphs, span, context) };
  }
}

/**
 * The paragraphs (sorted, not overlapping) that overlap `span`, with up to `context` more on each
 * side. A span between two paragraphs overlaps none and gets the `context` on each side of the
 * gap; one after the last paragraph gets none at all.
 */
function around<P extends Span>(paragraphs: P[], span: Span, context: number): P[] {
  const { first, last } = overlapping(paragraphs, span);
  if (first === paragraphs.length) return [];
  return paragraphs.slice(Math.max(0, first - context), Math.min(paragraphs.length, last + context));
}

/** Index of the first paragraph that ends after `span.start`, and of the first after it that starts at or after `span.end`. */
function overlapping(paragraphs: readonly Span[], span: Span): { first: number; last: number } {
  let first = 0;
  while (first < paragraphs.length && paragraphs[first].end <= span.start) first++;
  let last = first;
  while (last < paragraphs.length && paragraphs[last].start < span.end) last++;
  return { first, last };
}

/**
 * The parse of `next`, a later version of `prev.text`: the lines around what changed are split
 * into paragraphs again, the paragraphs before them kept and those after them shifted. The same
 * as `parseArticle(next)`, which it falls back to when the front matter changed, or when an
 * edit gave the body its first blank line or took its last (that changes how every block splits).
 */
export function reparseArticle(prev: Article, next: string): Article {
  const known = recall(next);
  if (known) return known;
  const prevBlanks = blankLines.get(prev);
  const { meta, bodyStart } = parseFrontMatter(next);
  const { head, tail } = commonEnds(prev.text, next);
  if (prevBlanks === undefined || bodyStart !== prev.bodyStart || head < bodyStart) return parseArticle(next);
  const blankSeparated = prevBlanks > 0;
  const delta = next.length - prev.text.length;
  // Both ends are where a paragraph must start whatever follows, decided by lines the edit left alone.
  const from = groupStartBefore(next, bodyStart, head, blankSeparated);
  const to = groupStartAfter(next, next.length - tail, blankSeparated);
  const lines = linesOf(next, from, to);
  const blanks = prevBlanks - countBlank(linesOf(prev.text, from, to - delta)) + countBlank(lines);
  if (blanks > 0 !== blankSeparated) return parseArticle(next);
  const paragraphs = prev.paragraphs.slice(0, firstStartingFrom(prev.paragraphs, from));
  // The paragraphs typed in: copies, not slices of `next` (see `detached`); the versions a
  // reader types each leave a paragraph here, and a slice would keep its whole text alive.
  for (const p of groupLines(next, lines, blankSeparated)) paragraphs.push({ start: p.start, end: p.end, text: detached(p.text) });
  for (let i = firstStartingFrom(prev.paragraphs, to - delta); i < prev.paragraphs.length; i++) {
    const p = prev.paragraphs[i];
    paragraphs.push({ start: p.start + delta, end: p.end + delta, text: p.text });
  }
  return remember({ text: next, meta, bodyStart, paragraphs }, blanks);
}

/**
 * A copy of `text` that keeps no longer string alive. V8 makes a slice of a long string (and a
 * slice of that) a view into the whole, so one sentence kept from a version of a 1 MB article
 * keeps that whole version in memory. A cache that outlives the version it was filled from
 * (paragraphs, a quote patched in while typing) stores copies instead: typing in a long article
 * otherwise kept every version typed alive, about 0.6 MB a keystroke in a 50,000-word article,
 * until the paragraph cache's capacity was reached (thousands of keystrokes, gigabytes).
 */
export function detached(text: string): string {
  // A short string is copied when sliced anyway. A long one joined to a character is a pair,
  // which slicing first flattens into a new string; the slice is a view of that one alone.
  return (' ' + text).slice(1);
}

/**
 * How many parses `parseArticle` remembers, most recently used first: what typing needs, the
 * version being typed into and the one before it (a patch starts from that one's parse). No
 * more: each remembered parse keeps its version's text alive, and a text still alive at the
 * next scavenge is moved to the old generation (0.6 MB a keystroke in a 50,000-word article),
 * where only a full collection frees it. Remembering four, most texts typed went there: 200
 * keystrokes in the benchmark's long article took 9–13 full collections instead of 5.
 */
const RECENT_PARSES = 2;
const recent: Article[] = [];
/** The number of blank lines in each remembered article's body, which `reparseArticle` keeps up to date. */
const blankLines = new WeakMap<Article, number>();

function recall(text: string): Article | undefined {
  const i = recent.findIndex((a) => a.text === text);
  if (i < 0) return undefined;
  // Most recently used first, so the version being typed over is the last to be forgotten.
  const [article] = recent.splice(i, 1);
  recent.unshift(article);
  return article;
}

/** Set while parses are made for no open document (warmUp.ts), which must not crowd theirs out. */
let remembering = true;

/** Runs `f` with the parses it makes not remembered by `parseArticle`, so the open documents' stay. */
export function unremembered<T>(f: () => T): T {
  const was = remembering;
  remembering = false;
  try {
    return f();
  } finally {
    remembering = was;
  }
}

function remember(article: Article, blanks: number): Article {
  blankLines.set(article, blanks);
  if (!remembering) return article;
  recent.unshift(article);
  if (recent.length > RECENT_PARSES) recent.pop();
  return article;
}

/**
 * The length of the longest common prefix of `a` and `b`, and of the longest common suffix of
 * what remains. Compared a chunk at a time: string equality is native and fast, a loop over
 * characters is not.
 */
function commonEnds(a: string, b: string): { head: number; tail: number } {
  const n = Math.min(a.length, b.length);
  let head = 0;
  for (let step = 1024; step >= 1; step >>= 5) {
    while (head + step <= n && a.slice(head, head + step) === b.slice(head, head + step)) head += step;
  }
  let tail = 0;
  const room = n - head;
  for (let step = 1024; step >= 1; step >>= 5) {
    while (tail + step <= room && a.slice(a.length - tail - step, a.length - tail) === b.slice(b.length - tail - step, b.length - tail)) tail += step;
  }
  return { head, tail };
}

/** Index of the first item (sorted by start) that starts at or after `offset` (items.length if none does). */
export function firstStartingFrom(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `---` / `key: value` lines / `---` at the very start of the file; anything else is body. */
export function parseFrontMatter(text: string): { meta: FrontMatter; bodyStart: number } {
  const meta: FrontMatter = {};
  const first = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/.exec(text);
  if (!first) return { meta, bodyStart: text.startsWith('\uFEFF') ? 1 : 0 };
  let pos = first[0].length;
  while (pos < text.length) {
    const { line, next } = readLine(text, pos);
    if (/^---[ \t]*$/.test(line)) return { meta, bodyStart: next };
    const kv = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    if (kv) meta[kv[1].toLowerCase()] = unquote(kv[2]);
    else if (line.trim() !== '') break; // not front matter after all
    pos = next;
  }
  // An opening `---` with no closing one: treat the whole file as body rather than hide it.
  return { meta: {}, bodyStart: 0 };
}

function unquote(value: string): string {
  const m = /^(["'])(.*)\1$/.exec(value);
  return m ? m[2] : value;
}

function readLine(text: string, pos: number): { line: string; next: number } {
  LINE_BREAK.lastIndex = pos;
  const m = LINE_BREAK.exec(text);
  if (!m) return { line: text.slice(pos), next: text.length };
  return { line: text.slice(pos, m.index), next: m.index + m[0].length };
}

interface Line extends Span {
  blank: boolean;
}

/**
 * The lines that start in [from, to); both are line starts. A 1 MB article has some 20,000
 * lines, read on its first screen, so the breaks are found with indexOf (the next `\r` is
 * looked for again only once passed, and never in a text without one) and no line is copied.
 */
function linesOf(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let pos = from;
  let cr = text.indexOf('\r', from);
  while (pos < to) {
    if (cr >= 0 && cr < pos) cr = text.indexOf('\r', pos);
    const lf = text.indexOf('\n', pos);
    const end = lf < 0 ? (cr < 0 ? text.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    lines.push({ start: pos, end, blank: isBlank(text, pos, end) });
    pos = end === text.length ? end : end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
  return lines;
}

/** Whether text[start, end) is all whitespace, as `trim()` counts it. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) continue;
    if ((c > 32 && c < 127) || !/\s/.test(text[i])) return false;
  }
  return true;
}

function countBlank(lines: Line[]): number {
  let n = 0;
  for (const l of lines) if (l.blank) n++;
  return n;
}

/**
 * Whether the body has a blank line, i.e. `linesOf(text, bodyStart, text.length).some((l) =>
 * l.blank)`, found by one search rather than by splitting every line. A blank line is the body's
 * first line, or one after a line break, holding only whitespace other than line breaks; `\r\n`
 * is one break, and the empty end of a text that ends with a break is no line.
 */
function hasBlankLine(text: string, bodyStart: number): boolean {
  if (bodyStart >= text.length) return false;
  FIRST_LINE_BLANK.lastIndex = bodyStart;
  if (FIRST_LINE_BLANK.test(text)) return true;
  BLANK_LINE.lastIndex = bodyStart;
  return BLANK_LINE.test(text);
}

const FIRST_LINE_BLANK = /[^\S\r\n]*(?:[\r\n]|$)/y;
const BLANK_LINE = /(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*[\r\n]|[^\S\r\n]+$)/g;

/** A line that ends a sentence: terminal punctuation, possibly followed by closing quotes. */
const ENDS_SENTENCE = /[.!?:;]["'”’»)\]]*\s*$|["”’»]\s*$/;

/**
 * Articles come in three shapes: one paragraph per line (no blank lines at all), paragraphs
 * separated by blank lines, and hard-wrapped lines inside blank-line-separated blocks. Inside a
 * block, a line break is a paragraph break only when the line is long (no one hard-wraps at
 * 100+ columns) and ends a sentence; otherwise it is a wrapped line.
 */
export function splitParagraphs(text: string, bodyStart: number): Paragraph[] {
  const lines = linesOf(text, bodyStart, text.length);
  return groupLines(text, lines, lines.some((l) => l.blank));
}

/**
 * The paragraphs of a run of lines that starts a paragraph. Whether a line starts one depends
 * only on the line before it, so a run can be split apart from the rest of the body.
 */
function groupLines(text: string, lines: Line[], blankSeparated: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Line[] = [];
  const flush = () => {
    if (current.length) pushParagraph(text, current[0].start, current[current.length - 1].end, paragraphs);
    current = [];
  };
  for (const line of lines) {
    if (line.blank) { flush(); continue; }
    if (!blankSeparated) { current = [line]; flush(); continue; }
    const prev = current[current.length - 1];
    if (prev && endsParagraph(text, prev.start, prev.end)) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
}

/** Inside a block: a long line that ends a sentence ends its paragraph. */
function endsParagraph(text: string, start: number, end: number): boolean {
  return end - start > 100 && ENDS_SENTENCE.test(text.slice(start, end));
}

/** The start of the line `offset` is in (the body's start at most). */
function lineStart(text: string, offset: number, bodyStart: number): number {
  for (let q = offset; q > bodyStart; q--) {
    const c = text.charCodeAt(q - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(q) !== 10)) return q;
  }
  return bodyStart;
}

/**
 * The start of the line before the one at `start`, and where its text ends (before its break);
 * `start` is a line start after the body's.
 */
function lineBefore(text: string, start: number, bodyStart: number): Line {
  const end = text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 && start - 2 >= bodyStart ? start - 2 : start - 1;
  const from = lineStart(text, end, bodyStart);
  return { start: from, end, blank: isBlank(text, from, end) };
}

/**
 * The last line start before `limit` (or the body's start) where a paragraph starts whatever
 * follows: every line start in a body with no blank lines, else one after a blank line or after
 * a line that ends a paragraph. It and the line before it are the same in the text before an
 * edit at `limit`.
 */
function groupStartBefore(text: string, bodyStart: number, limit: number, blankSeparated: boolean): number {
  let at = lineStart(text, limit - 1, bodyStart);
  while (blankSeparated && at > bodyStart) {
    const prev = lineBefore(text, at, bodyStart);
    if (prev.blank || endsParagraph(text, prev.start, prev.end)) break;
    at = prev.start;
  }
  return at;
}

/**
 * The first line start after `from` where a paragraph starts whatever precedes it, decided by
 * lines that start after `from` (the end of an edit), so they are the same before the edit; else
 * the text's end.
 */
function groupStartAfter(text: string, from: number, blankSeparated: boolean): number {
  let at = from + 1;
  while (at <= text.length) {
    const c = text.charCodeAt(at - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(at) !== 10)) break;
    at++;
  }
  if (at >= text.length) return text.length;
  if (!blankSeparated) return at;
  while (at < text.length) {
    const { line, next } = readLine(text, at);
    if (isBlank(text, at, at + line.length) || endsParagraph(text, at, at + line.length)) return next;
    at = next;
  }
  return text.length;
}

function pushParagraph(text: string, start: number, end: number, out: Paragraph[]): void {
  // Trim surrounding whitespace so spans never begin on indentation.
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (end - start > MAX_PARAGRAPH) {
    const cut = cutPoint(text, start, start + MAX_PARAGRAPH);
    out.push(makeParagraph(text, start, cut));
    start = cut;
    while (start < end && /\s/.test(text[start])) start++;
  }
  if (end > start) out.push(makeParagraph(text, start, end));
}

/** The last sentence end, else the last space, before `limit`; never splits a surrogate pair. */
function cutPoint(text: string, start: number, limit: number): number {
  const window = text.slice(start, limit);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
  if (sentenceEnd > window.length / 2) return start + sentenceEnd + 1;
  const space = window.lastIndexOf(' ');
  if (space > window.length / 2) return start + space;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

function makeParagraph(text: string, start: number, end: number): Paragraph {
  const slice = text.slice(start, end);
  // Most paragraphs are one line: only a hard-wrapped one has breaks to blank out.
  const wrapped = slice.indexOf('\n') >= 0 || slice.indexOf('\r') >= 0;
  return { start, end, text: wrapped ? slice.replace(/\r\n|\n|\r/g, (m) => ' '.repeat(m.length)) : slice };
}

/** LSP positions: zero-based line and UTF-16 character; lines split on `\r\n`, `\n` and `\r`. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    // Built for every version typed, so the common case takes the fast path: with no `\r`, a
    // line starts after each `\n`, and indexOf finds those many times faster than a regex.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) this.starts.push(m.index + m[0].length);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a line break (between \r and \n) is on no character: as the LSP's own
    // TextDocument does, it is placed at the end of its line, before the break.
    const start = this.starts[lo];
    while (offset > start && (this.text.charCodeAt(offset - 1) === 13 || this.text.charCodeAt(offset - 1) === 10)) offset--;
    return { line: lo, character: offset - start };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[position.line];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    let lineEnd = next;
    while (lineEnd > start && (this.text[lineEnd - 1] === '\n' || this.text[lineEnd - 1] === '\r')) lineEnd--;
    return Math.min(start + Math.max(0, position.character), lineEnd);
  }
}
