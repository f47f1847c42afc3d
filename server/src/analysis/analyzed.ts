// The shape the cross-paragraph passes work on: the article with each paragraph's tokens and
// candidate mentions and dates, all at absolute offsets. Built by `analyze.ts` from results
// cached per paragraph.
import type { Article, Paragraph } from './article';
import type { EntityType, Span } from './model';
import type { SentenceSpan, Token } from './nlp';
import type { DateCandidate } from './dates';

/** A name found in one paragraph, before mentions are grouped into entities. */
export interface MentionCandidate extends Span {
  text: string;
  type: EntityType;
  /** A title or role written beside the name ("Lieutenant General", "leader of …"). */
  role?: string;
}

export interface AnalyzedParagraph extends Paragraph {
  tokens: Token[];
  sentences: SentenceSpan[];
  mentions: MentionCandidate[];
  dates: DateCandidate[];
}

export interface AnalyzedArticle extends Article {
  paragraphs: AnalyzedParagraph[];
}
