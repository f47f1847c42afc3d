// Quotes: spans of speech in quotation marks, straight or curly, double or single.
//
// Each paragraph is scanned on its own, so a quotation mark that is never closed ends at the end
// of its paragraph and never swallows the rest of the article. News writing continues a quote
// over several paragraphs by leaving the closing mark off one paragraph and opening the next with
// a quotation mark; each paragraph's part is then its own span, as the gold corpus has it.
// Apostrophes (don’t, Iraq’s, ’90s, rock ’n’ roll, the students’ union) are not quotation marks,
// and titles of works and names in quotation marks ("Insurgency Wiki") are not quotes.
import type { AnalyzedArticle, AnalyzedParagraph } from './analyzed';
import type { Quote, QuoteKind } from './model';
import { ELISION, INTERJECTIONS, SPEECH_VERB_FORMS, TITLE_SMALL_WORDS } from './lexicon/speech';
import { firstTokenFrom, type Token } from './nlp';

interface RawSpan {
  /** Offsets relative to the paragraph text. */
  start: number;
  end: number;
  /** The opening mark had no closing one in the paragraph. */
  unclosed: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

export function findQuotes(doc: AnalyzedArticle): Quote[] {
  const out: Quote[] = [];
  for (const p of doc.paragraphs) {
    const spans = scanQuotes(p.text);
    for (const s of spans) {
      const text = p.text.slice(s.start, s.end);
      const inner = innerText(text, s.unclosed);
      if (!LETTER_OR_DIGIT.test(inner)) continue;
      if (isNameOrTitle(p, s, inner) || isCitation(p, s, spans, inner)) continue;
      out.push({
        start: p.start + s.start,
        end: p.start + s.end,
        // The article's own characters, line breaks included: `text` is always the span's slice.
        text: doc.text.slice(p.start + s.start, p.start + s.end),
        kind: kindOf(p.text, s, inner),
      });
    }
  }
  return out;
}

/** The quoted words without their marks. */
function innerText(text: string, unclosed: boolean): string {
  return text.slice(1, unclosed ? text.length : text.length - 1);
}

/**
 * Quotation-mark spans of one paragraph, outermost only: marks nested inside a quote are part
 * of it. Curly marks pair by direction; straight double marks alternate; single marks must find
 * their closing mark in the paragraph, or they were apostrophes.
 */
export function scanQuotes(t: string): RawSpan[] {
  const spans: RawSpan[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t[i];
    if (c === '“' || c === '„' || c === '«' || (c === '"' && !isInchMark(t, i))) {
      const close = findDoubleClose(t, i);
      if (!close) {
        spans.push({ start: i, end: trimEnd(t, i, n), unclosed: true });
        break;
      }
      if (close.unclosedAt !== undefined) {
        spans.push({ start: i, end: trimEnd(t, i, close.unclosedAt), unclosed: true });
        i = close.unclosedAt;
        continue;
      }
      spans.push({ start: i, end: close.at + 1, unclosed: false });
      i = close.at + 1;
      continue;
    }
    if ((c === '‘' || c === "'") && canOpenSingle(t, i)) {
      const close = findSingleClose(t, i);
      if (close > 0) {
        spans.push({ start: i, end: close + 1, unclosed: false });
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

type DoubleClose = { at: number; unclosedAt?: number } | null;

function findDoubleClose(t: string, open: number): DoubleClose {
  const o = t[open];
  for (let j = open + 1; j < t.length; j++) {
    const c = t[j];
    if (o === '"') {
      if (c === '"' || c === '”') return { at: j };
    } else if (o === '«') {
      if (c === '»') return { at: j };
    } else {
      if (c === '”' || (o === '„' && c === '“')) return { at: j };
      // Mixed marks are common in pasted text: “…" and the German „…" typed with a straight close.
      if (c === '"' && (o === '“' || o === '„')) return { at: j };
      // A new opening mark before any closing one: the first quote was never closed.
      if (c === '“' && o === '“' && j > open + 1) return { at: -1, unclosedAt: sentenceStartBefore(t, open, j) };
    }
  }
  return null;
}

/** Where an unclosed quote should stop when another quote opens at `next`. */
function sentenceStartBefore(t: string, open: number, next: number): number {
  let k = next;
  while (k > open + 1 && SPACE.test(t[k - 1])) k--;
  return k;
}

function trimEnd(t: string, start: number, end: number): number {
  while (end > start + 1 && SPACE.test(t[end - 1])) end--;
  return end;
}

/** `12"` after a number outside any quote is an inch mark. */
function isInchMark(t: string, i: number): boolean {
  return t[i] === '"' && i > 0 && /\d/.test(t[i - 1]) && !LETTER_OR_DIGIT.test(t[i + 1] ?? '');
}

function canOpenSingle(t: string, i: number): boolean {
  const prev = i > 0 ? t[i - 1] : ' ';
  const next = t[i + 1] ?? '';
  if (!(LETTER_OR_DIGIT.test(next) || next === '[' || next === '…' || next === '.')) return false;
  if (ELISION.test(t.slice(i, i + 6))) return false;
  if (t[i] === '‘') return !LETTER_OR_DIGIT.test(prev);
  return /[\s([{“"—–\-/:]/.test(prev);
}

function isSingleClose(t: string, j: number): boolean {
  const c = t[j];
  if (c !== '’' && c !== "'") return false;
  const prev = t[j - 1] ?? ' ';
  const next = t[j + 1] ?? '';
  if (SPACE.test(prev)) return false;
  return !LETTER_OR_DIGIT.test(next);
}

function findSingleClose(t: string, open: number): number {
  let candidate = -1;
  for (let j = open + 2; j < t.length; j++) {
    if (!isSingleClose(t, j)) continue;
    // "the players’ union": a plural possessive followed by a lower-case word is kept only
    // when no better closing mark follows in the paragraph.
    if (/s/i.test(t[j - 1]) && /^\s+\p{Ll}/u.test(t.slice(j + 1, j + 4))) {
      if (candidate < 0) candidate = j;
      continue;
    }
    return j;
  }
  return candidate;
}

/** `direct`: whole sentences in quotation marks; `partial`: quoted words inside the writer's sentence. */
function kindOf(t: string, s: RawSpan, inner: string): QuoteKind {
  if (s.unclosed && s.start === 0) return 'direct';
  const first = /[\p{L}\p{N}]/u.exec(inner);
  if (!first || !/\p{Lu}|\p{N}/u.test(first[0])) return 'partial';
  const before = t.slice(Math.max(0, s.start - 3), s.start).trimEnd();
  if (s.start === 0 || before === '' || /[:,.!?;—–\-(]$/.test(before)) return 'direct';
  return 'partial';
}

/** Words of the quote, without surrounding punctuation. */
function wordsOf(inner: string): string[] {
  return inner.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 0);
}

/**
 * A name or a title in quotation marks: every word capitalised but small words ("Cowboys and
 * Indians", "The Internet Explorer 6 Countdown", "Robogee."), unless a verb of saying stands
 * right beside it (“Absolutely,” he said).
 */
function isNameOrTitle(p: AnalyzedParagraph, s: RawSpan, inner: string): boolean {
  const words = wordsOf(inner);
  if (words.length === 0 || words.length > 12) return false;
  if (/[.!?…]\s+\S/.test(inner.trim())) return false; // more than one sentence
  if (/[!?]["'”’]?\s*$/.test(inner)) return false;
  if (words.length === 1 && INTERJECTIONS.has(words[0].toLowerCase())) return false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (/^[\p{Lu}\p{N}]/u.test(w)) continue;
    if (k > 0 && TITLE_SMALL_WORDS.has(w.toLowerCase())) continue;
    return false;
  }
  return !saidBeside(p, s);
}

/** A verb of saying right before or right after the span (names in quotes take "named", "called"). */
function saidBeside(p: AnalyzedParagraph, s: RawSpan): boolean {
  const start = p.start + s.start;
  const end = p.start + s.end;
  const toks = p.tokens;
  let k = firstTokenFrom(toks, end);
  for (let n = 0; k < toks.length && n < 4; k++, n++) {
    const v = SPEECH_VERB_FORMS.get(toks[k].lower);
    if (v && !v.describes) return true;
    if (/[.;:!?]/.test(toks[k].post)) break;
  }
  k = firstTokenFrom(toks, start) - 1;
  if (k >= 0 && toks[k].end <= start) {
    const v = SPEECH_VERB_FORMS.get(toks[k].lower);
    if (v && !v.describes && /^[\s,:]*$/.test(p.text.slice(toks[k].end - p.start, s.start))) return true;
  }
  return false;
}

/**
 * A title in a list of sources: `"Headline" — Publisher, August 15, 2008`, or `Author, "Headline"`
 * closing a line with no verb: quoted words without final punctuation that only cite a work.
 */
function isCitation(p: AnalyzedParagraph, s: RawSpan, spans: RawSpan[], inner: string): boolean {
  if (/[.!?…]["'”’)\]]*\s*$/.test(inner)) return false;
  const after = p.text.slice(s.end);
  if (/^\s*[—–-]\s*\S/.test(after) && /\b(1[5-9]|20)\d\d\b/.test(after.slice(0, 80))) return true;
  if (after.trim() === '' || /^[\s.]*$/.test(after)) {
    const idx = spans.indexOf(s);
    const from = idx > 0 ? spans[idx - 1].end : 0;
    const before = p.text.slice(from, s.start);
    if (!/,\s*$/.test(before) || before.trim() === ',') return false;
    const startAbs = p.start + from;
    const endAbs = p.start + s.start;
    for (let k = firstTokenFrom(p.tokens, startAbs); k < p.tokens.length && p.tokens[k].end <= endAbs; k++) {
      if (p.tokens[k].tags.has('Verb')) return false;
    }
    return true;
  }
  return false;
}
