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
  /** Set when the article is over the size limit and only the part around the request was analysed. */
  partial?: { size: number };
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

/** `articleLens/sources`: who is quoted and how much, what the article names, and its dates. */
export const SourcesRequest = 'articleLens/sources';
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
export type SourceType = 'Person' | 'Organization' | 'Place';
export interface SourceQuote {
  range: LspRange;
  /** The quote as written, quotation marks included. */
  text: string;
  kind: 'direct' | 'partial' | 'reported';
  /** Words inside the quote (letters and digits; “don’t” and “al-Khazali” are one word each). */
  words: number;
}
export interface Source {
  /** The speaker's canonical name; `Unattributed` for quotes with no speaker. */
  name: string;
  /** Index of the speaker's entity in this article's annotations; null for the unattributed. */
  entity: number | null;
  type: SourceType | null;
  /** In text order. */
  quotes: SourceQuote[];
}
export interface SourceEntity {
  name: string;
  type: SourceType;
  mentions: number;
  firstRange: LspRange;
}
export interface TimelineDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the article gives no way to tell. */
  value: string | null;
  text: string;
  range: LspRange;
}
export interface Sources {
  version: number;
  /** The front matter's `title:`, else the headline. */
  title: string;
  /** Speakers in order of their first quote; the unattributed quotes last. */
  speakers: Source[];
  /** Every entity, in order of first mention. */
  entities: SourceEntity[];
  /** Dates in calendar order (equal values in text order), then the unresolved ones in text order. */
  timeline: TimelineDate[];
}

/**
 * Checks, each a setting `articleLens.diagnostics.<rule>`: `off`, `hint` or `warning`.
 * - `unattributedQuote`: a quotation with no identifiable speaker;
 * - `unmatchedQuotationMark`: a quotation mark opened and never closed, or closed and never opened;
 * - `inconsistentSpelling`: one name spelt two ways ("Ain al-Asad", "Ain al-Assad");
 * - `relativeDateWithoutReference`: "Tuesday night" in an article with no date to count from;
 * - `speakerNotIntroduced`: a speaker quoted by a short name before the article gives the full one.
 */
export const DIAGNOSTIC_RULES = [
  'unattributedQuote', 'unmatchedQuotationMark', 'inconsistentSpelling', 'relativeDateWithoutReference', 'speakerNotIntroduced',
] as const;
export type DiagnosticRule = typeof DIAGNOSTIC_RULES[number];
export type DiagnosticLevel = 'off' | 'hint' | 'warning';
export const DEFAULT_DIAGNOSTICS: Record<DiagnosticRule, DiagnosticLevel> = {
  unattributedQuote: 'warning',
  unmatchedQuotationMark: 'warning',
  inconsistentSpelling: 'warning',
  relativeDateWithoutReference: 'warning',
  speakerNotIntroduced: 'hint',
};

/** The client command the article's code lens runs: the Sources view. */
export const SHOW_SOURCES_COMMAND = 'articleLens.showSources';

/** Server settings under `articleLens` that the server reads. */
export interface ServerSettings {
  highlight: Record<Category, boolean>;
  /** `YYYY-MM-DD` used when an article's front matter has no `date:`; empty for none. */
  referenceDate: string;
  diagnostics: Record<DiagnosticRule, DiagnosticLevel>;
  /** Articles longer than this (UTF-16 units) are analysed a window at a time, around what is asked. */
  maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  highlight: { quotes: true, people: true, organizations: true, places: true, dates: true },
  referenceDate: '',
  diagnostics: DEFAULT_DIAGNOSTICS,
  maxDocumentSize: 2_000_000,
};

/** Each rule's level from raw settings; anything but `off`, `hint` or `warning` keeps the default. */
export function diagnosticLevels(raw: unknown): Record<DiagnosticRule, DiagnosticLevel> {
  const out = { ...DEFAULT_DIAGNOSTICS };
  if (!raw || typeof raw !== 'object') return out;
  for (const rule of DIAGNOSTIC_RULES) {
    const v = (raw as Record<string, unknown>)[rule];
    if (v === 'off' || v === 'hint' || v === 'warning') out[rule] = v;
  }
  return out;
}
