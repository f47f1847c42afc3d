// Quotation marks that have no partner: one opened and never closed, or one closed that was
// never opened. Marks are paired by the core's own scanner (analysis/quotes.ts, `scanQuotes`),
// paragraph by paragraph as the analysis reads them, so what is reported here is exactly what
// the quotes the editor shows were cut from. Apostrophes are not quotation marks (don’t, Iraq’s,
// ’90s, rock ’n’ roll), so a lone closing single mark is never reported; and a quote continued
// over paragraphs, its closing mark left off one paragraph and the next opened with a mark, as
// news writing does, is not a problem.
import { splitParagraphs } from '../analysis/article';
import { scanQuotes } from '../analysis/quotes';
import { ELISION } from '../analysis/lexicon/speech';

export interface UnmatchedMark {
  /** Offset of the mark in the whole text. */
  offset: number;
  mark: string;
  /** `unclosed`: opened and never closed; `unopened`: closed and never opened. */
  problem: 'unclosed' | 'unopened';
  /** For an unclosed mark: where its quote was taken to end. */
  end?: number;
}

const OPENING = /^[“„«"‘]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

interface Block {
  start: number;
  end: number;
  text: string;
}

/**
 * The body's paragraphs, with pieces the analysis cut out of one over-long paragraph joined
 * again (no line break between them), so a quote is never split at a cut.
 */
function blocks(text: string, bodyStart: number): Block[] {
  const out: Block[] = [];
  for (const p of splitParagraphs(text, bodyStart)) {
    const last = out[out.length - 1];
    if (last && !/[\r\n]/.test(text.slice(last.end, p.start))) {
      last.text += text.slice(last.end, p.start) + p.text;
      last.end = p.end;
    } else {
      out.push({ start: p.start, end: p.end, text: p.text });
    }
  }
  return out;
}

export function unmatchedMarks(text: string, bodyStart: number): UnmatchedMark[] {
  const out: UnmatchedMark[] = [];
  const paragraphs = blocks(text, bodyStart);
  paragraphs.forEach((p, i) => {
    const spans = scanQuotes(p.text);
    const next = paragraphs[i + 1];
    for (const s of spans) {
      if (!s.unclosed) continue;
      // A quote running on into the next paragraph, which opens with a quotation mark.
      const reachesEnd = p.text.slice(s.end).trim() === '';
      if (reachesEnd && next && OPENING.test(next.text.trimStart())) continue;
      out.push({ offset: p.start + s.start, mark: p.text[s.start], problem: 'unclosed', end: p.start + s.end });
    }
    // Marks outside every quote the scanner found.
    let k = 0;
    for (let j = 0; j < p.text.length; j++) {
      while (k < spans.length && spans[k].end <= j) k++;
      if (k < spans.length && spans[k].start <= j) {
        j = spans[k].end - 1;
        continue;
      }
      const c = p.text[j];
      if (c === '”' || c === '»') {
        out.push({ offset: p.start + j, mark: c, problem: 'unopened' });
      } else if (c === '‘' && opensSingle(p.text, j)) {
        // A left single mark before a word is meant to open a quote; the scanner found no close.
        out.push({ offset: p.start + j, mark: c, problem: 'unclosed', end: p.start + p.text.length });
      }
    }
  });
  return out.sort((a, b) => a.offset - b.offset);
}

function opensSingle(t: string, i: number): boolean {
  const prev = i > 0 ? t[i - 1] : ' ';
  const next = t[i + 1] ?? '';
  if (LETTER_OR_DIGIT.test(prev) || !LETTER_OR_DIGIT.test(next)) return false;
  return !ELISION.test(t.slice(i, i + 6));
}
