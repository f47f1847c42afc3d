// Whole-article answers for the client's own requests: the status bar's counts, the quote
// ranges that next/previous quote move between, and an export in the CLI's formats.
import type { AnalyzedDocument } from '../articles';
import { toBrat } from '../formats/brat';
import { toJson } from '../formats/json';
import type { ExportResult, QuoteRange, Summary } from '../protocol';

export function summary(doc: AnalyzedDocument): Summary {
  const { quotes, entities, dates } = doc.annotations;
  const count = (type: string) => entities.filter((e) => e.type === type).length;
  return {
    version: doc.version,
    quotes: quotes.filter((q) => q.kind !== 'reported').length,
    sources: new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker.entity] : []))).size,
    people: count('Person'),
    organizations: count('Organization'),
    places: count('Place'),
    dates: dates.length,
    ...(doc.window ? { partial: { size: doc.text.length } } : {}),
  };
}

export function quoteRanges(doc: AnalyzedDocument): QuoteRange[] {
  return doc.annotations.quotes.map((q) => ({
    range: { start: doc.lines.positionAt(q.start), end: doc.lines.positionAt(q.end) },
    kind: q.kind,
  }));
}

export function exportAnnotations(doc: AnalyzedDocument, format: 'json' | 'brat'): ExportResult {
  return format === 'brat'
    ? { format, content: toBrat(doc.annotations) }
    : { format, content: JSON.stringify(toJson(doc.text, doc.annotations), null, 2) + '\n' };
}
