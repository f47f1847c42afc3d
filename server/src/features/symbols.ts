// Document symbols for the Outline, breadcrumbs and Go to Symbol: the title; Sources (each
// speaker with their quotes); People; Organizations; Places; and a Timeline of dates in
// chronological order.
import { SymbolKind, type CancellationToken, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { EntityType, Span } from '../analysis/model';

const GROUPS: { type: EntityType; name: string; kind: SymbolKind }[] = [
  { type: 'Person', name: 'People', kind: SymbolKind.Class },
  { type: 'Organization', name: 'Organizations', kind: SymbolKind.Module },
  { type: 'Place', name: 'Places', kind: SymbolKind.Namespace },
];

const oneLine = (s: string, max = 80) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};

export function documentSymbols(doc: AnalyzedDocument, token?: CancellationToken): DocumentSymbol[] {
  const { entities, mentions, quotes, dates, meta } = doc.annotations;
  const range = (s: Span): Range => ({ start: doc.lines.positionAt(s.start), end: doc.lines.positionAt(s.end) });
  const symbol = (name: string, kind: SymbolKind, r: Range, children?: DocumentSymbol[], detail?: string): DocumentSymbol =>
    ({ name: name || '(untitled)', kind, range: r, selectionRange: r, ...(detail ? { detail } : {}), ...(children ? { children } : {}) });
  // Groups span the whole body, so an Outline sorted by position keeps them in this order
  // (Sources first) instead of ordering them by their first child.
  const body = range({ start: doc.bodyStart, end: doc.text.length });
  const group = (name: string, kind: SymbolKind, children: DocumentSymbol[]) =>
    ({ ...symbol(name, kind, body, children), detail: String(children.length) });
  const out: DocumentSymbol[] = [];

  const titleSpan = titleRange(doc);
  if (titleSpan) out.push(symbol(meta.title ?? doc.text.slice(titleSpan.start, titleSpan.end), SymbolKind.File, range(titleSpan)));
  if (token?.isCancellationRequested) return [];

  // Sources: speakers in order of their first quote, each with their quotes.
  const bySpeaker = new Map<number, typeof quotes>();
  for (const q of quotes) if (q.speaker) bySpeaker.set(q.speaker.entity, [...(bySpeaker.get(q.speaker.entity) ?? []), q]);
  const sources = [...bySpeaker].map(([id, said]) => {
    const children = said.map((q) => symbol(oneLine(q.text), SymbolKind.String, range(q), undefined, q.kind));
    return { ...symbol(entities[id].name, SymbolKind.Event, cover(children), children), detail: `${said.length} ${said.length === 1 ? 'quote' : 'quotes'}` };
  });
  const unattributed = quotes.filter((q) => !q.speaker).map((q) => symbol(oneLine(q.text), SymbolKind.String, range(q), undefined, q.kind));
  if (unattributed.length) sources.push({ ...symbol('Unattributed', SymbolKind.Event, cover(unattributed), unattributed), detail: `${unattributed.length}` });
  out.push(group('Sources', SymbolKind.Package, sources));
  if (token?.isCancellationRequested) return [];

  for (const g of GROUPS) {
    const children = entities.filter((e) => e.type === g.type).map((e) => {
      const first = mentions[e.mentions[0]];
      return symbol(e.name, g.kind, range(first), undefined, e.mentions.length === 1 ? '1 mention' : `${e.mentions.length} mentions`);
    });
    out.push(group(g.name, SymbolKind.Package, children));
  }

  // Timeline: resolved dates by value (stable for equal values), then the unresolved ones.
  const timeline = dates
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.value && b.d.value ? a.d.value.localeCompare(b.d.value) : a.d.value ? -1 : b.d.value ? 1 : 0) || a.i - b.i)
    .map(({ d }) => symbol(`${d.value ?? '?'} — ${oneLine(d.text, 60)}`, SymbolKind.Constant, range(d)));
  out.push(group('Timeline', SymbolKind.Package, timeline));
  return out;
}

/** The headline: the body's first line (the front matter's `title:` repeats it). */
function titleRange(doc: AnalyzedDocument): Span | undefined {
  const m = /\S[^\r\n]*/.exec(doc.text.slice(doc.bodyStart));
  if (!m) return undefined;
  const start = doc.bodyStart + m.index;
  return { start, end: start + m[0].trimEnd().length };
}

/** The smallest range covering every child, as VS Code requires of a parent symbol. */
function cover(children: DocumentSymbol[]): Range {
  let start = children[0].range.start;
  let end = children[0].range.end;
  for (const c of children) {
    if (c.range.start.line < start.line || (c.range.start.line === start.line && c.range.start.character < start.character)) start = c.range.start;
    if (c.range.end.line > end.line || (c.range.end.line === end.line && c.range.end.character > end.character)) end = c.range.end;
  }
  return { start, end };
}
