// The Sources view and report: each speaker with their quotes and how many words each gives
// them, every entity with its mention count, and the article's dates in calendar order.
import type { CancellationToken } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { Quote, Span } from '../analysis/model';
import type { LspRange, Source, SourceQuote, Sources, TimelineDate } from '../protocol';

/** A word: letters or digits, joined by an apostrophe, hyphen or dot inside it (“don’t”, “al-Khazali”, “U.S”, “2,500”). */
const WORD = /[\p{L}\p{N}\p{M}]+(?:[’'\-.][\p{L}\p{N}\p{M}]+|(?<=\p{N}),\p{N}+)*/gu;

/**
 * How many words a quote gives its speaker. Quotation marks and punctuation do not count, nor
 * do the editor's words in square brackets (“in [the western Iraqi province of] Anbar”).
 */
export function countWords(text: string): number {
  return text.replace(/\[[^\]\n]*\]/g, ' ').match(WORD)?.length ?? 0;
}

export function sources(doc: AnalyzedDocument, token?: CancellationToken): Sources | null {
  const { entities, mentions, quotes, dates } = doc.annotations;
  const range = (s: Span): LspRange => ({ start: doc.lines.positionAt(s.start), end: doc.lines.positionAt(s.end) });
  const quote = (q: Quote): SourceQuote => ({ range: range(q), text: q.text, kind: q.kind, words: countWords(q.text) });

  // Speakers in order of their first quote, as the Outline lists them.
  const bySpeaker = new Map<number, Source>();
  const unattributed: SourceQuote[] = [];
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    const id = q.speaker?.entity;
    const entity = id === undefined ? undefined : entities[id];
    if (id === undefined || !entity) {
      unattributed.push(quote(q));
      continue;
    }
    let s = bySpeaker.get(id);
    if (!s) bySpeaker.set(id, s = { name: entity.name, entity: id, type: entity.type, quotes: [] });
    s.quotes.push(quote(q));
  }
  const speakers = [...bySpeaker.values()];
  if (unattributed.length) speakers.push({ name: 'Unattributed', entity: null, type: null, quotes: unattributed });
  if (token?.isCancellationRequested) return null;

  const named = entities
    .filter((e) => e.mentions.length && mentions[e.mentions[0]])
    .map((e) => ({ e, first: mentions[e.mentions[0]] }))
    .sort((a, b) => a.first.start - b.first.start)
    .map(({ e, first }) => ({ name: e.name, type: e.type, mentions: e.mentions.length, firstRange: range(first) }));

  const timeline: TimelineDate[] = dates
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.value && b.d.value ? a.d.value.localeCompare(b.d.value) : a.d.value ? -1 : b.d.value ? 1 : 0) || a.d.start - b.d.start || a.i - b.i)
    .map(({ d }) => ({ value: d.value, text: d.text, range: range(d) }));

  return { version: doc.version, title: title(doc) ?? '', speakers, entities: named, timeline };
}

/** The front matter's title, else the body's first line. */
function title(doc: AnalyzedDocument): string | undefined {
  if (doc.annotations.meta.title?.trim()) return doc.annotations.meta.title.trim();
  const m = /\S[^\r\n]*/.exec(doc.text.slice(doc.bodyStart));
  return m?.[0].trim();
}
