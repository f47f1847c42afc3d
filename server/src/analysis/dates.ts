// Dates: expressions that place something in calendar time, found per paragraph
// (`dates/grammar.ts`) and resolved over the whole article against its date (`dates/resolve.ts`).
import type { AnalyzedArticle } from './analyzed';
import type { DateRef } from './model';
import type { Tokenized } from './nlp';
import { findDateExpressions, type DateCandidate } from './dates/grammar';
import { resolveDateValues } from './dates/resolve';

export type { DateCandidate, DateExpr } from './dates/grammar';

/** Date expressions in one paragraph; offsets relative to `text`. */
export function findDates(text: string, tok: Tokenized): DateCandidate[] {
  return findDateExpressions(text, tok);
}

/**
 * Normalized values for every date candidate in the article: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or
 * null where the text gives no date. Relative dates need `referenceDate`; the machine's clock is
 * never used.
 */
export function resolveDates(doc: AnalyzedArticle, referenceDate: string | undefined): DateRef[] {
  return resolveDateValues(doc, referenceDate);
}
