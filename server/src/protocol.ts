// The custom protocol both sides use (client/ imports this file too): requests the client's
// commands, status bar and export need beyond standard LSP.
export const LANGUAGE_ID = 'article';

/** Highlight categories, each a setting `articleLens.highlight.<category>` and a token type. */
export const CATEGORIES = ['quotes', 'people', 'organizations', 'places', 'dates'] as const;
export type Category = typeof CATEGORIES[number];

export interface ArticleParams {
  uri: string;
}

/** `articleLens/summary`: counts for the status bar. */
export const SummaryRequest = 'articleLens/summary';
export interface Summary {
  version: number;
  quotes: number;
  sources: number;
  people: number;
  organizations: number;
  places: number;
  dates: number;
}

/** `articleLens/quotes`: every quote's range, in text order, for next/previous quote. */
export const QuotesRequest = 'articleLens/quotes';
export interface QuoteRange {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  kind: 'direct' | 'partial' | 'reported';
}

/** `articleLens/export`: the article's annotations as the CLI would write them. */
export const ExportRequest = 'articleLens/export';
export interface ExportParams extends ArticleParams {
  format: 'json' | 'brat';
}
export interface ExportResult {
  format: 'json' | 'brat';
  content: string;
}

/** Server settings under `articleLens` that the server reads. */
export interface ServerSettings {
  highlight: Record<Category, boolean>;
  /** `YYYY-MM-DD` used when an article's front matter has no `date:`; empty for none. */
  referenceDate: string;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  highlight: { quotes: true, people: true, organizations: true, places: true, dates: true },
  referenceDate: '',
};
