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

export function parseArticle(text: string): Article {
  const { meta, bodyStart } = parseFrontMatter(text);
  return { text, meta, bodyStart, paragraphs: splitParagraphs(text, bodyStart) };
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

function linesOf(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let pos = from;
  while (pos < text.length) {
    const { line, next } = readLine(text, pos);
    lines.push({ start: pos, end: pos + line.length, blank: line.trim() === '' });
    pos = next;
  }
  return lines;
}

/** A line that ends a sentence: terminal punctuation, possibly followed by closing quotes. */
const ENDS_SENTENCE = /[.!?:;]["'”’»)\]]*\s*$|["”’»]\s*$/;

/**
 * Articles come in three shapes: one paragraph per line (no blank lines at all), paragraphs
 * separated by blank lines, and hard-wrapped lines inside blank-line-separated blocks. Inside a
 * block, a line break is a paragraph break only when the line is long (no one hard-wraps at
 * 100+ columns) and ends a sentence; otherwise it is a wrapped line.
 */
export function splitParagraphs(text: string, bodyStart: number): Paragraph[] {
  const lines = linesOf(text, bodyStart);
  const blankSeparated = lines.some((l) => l.blank);
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
    if (prev && prev.end - prev.start > 100 && ENDS_SENTENCE.test(text.slice(prev.start, prev.end))) flush();
    current.push(line);
  }
  flush();
  return paragraphs;
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
  return { start, end, text: text.slice(start, end).replace(/\r\n|\n|\r/g, (m) => ' '.repeat(m.length)) };
}

/** LSP positions: zero-based line and UTF-16 character; lines split on `\r\n`, `\n` and `\r`. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
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
    return { line: lo, character: offset - this.starts[lo] };
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
