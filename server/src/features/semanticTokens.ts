// Semantic tokens: quotes, people, organizations, places and dates, full, by range and as
// deltas. Names and dates are painted over the quotes they stand in, so tokens never overlap,
// and a token that crosses a line break is cut at it, as LSP requires.
import type { CancellationToken, Range, SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver';
import type { Category } from '../protocol';
import type { AnalyzedDocument } from '../articles';

export const TOKEN_TYPES = ['quote', 'person', 'organization', 'place', 'date'] as const;
/** `speaker`: the mention a quote is attributed to; `partial`/`reported`: kinds of quote; `unresolved`: a date with no calendar value. */
export const TOKEN_MODIFIERS = ['speaker', 'partial', 'reported', 'unresolved'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = typeof TOKEN_TYPES[number];
type Modifier = typeof TOKEN_MODIFIERS[number];

const CATEGORY_OF: Record<TokenType, Category> = {
  quote: 'quotes', person: 'people', organization: 'organizations', place: 'places', date: 'dates',
};

interface Painted {
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
}

const bit = (m: Modifier) => 1 << TOKEN_MODIFIERS.indexOf(m);

/** Every highlighted stretch of text, non-overlapping, in text order. */
export function paint(doc: AnalyzedDocument, enabled: Record<Category, boolean>, token?: CancellationToken): Painted[] {
  const { mentions, dates, quotes } = doc.annotations;
  const speakers = new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker.mention] : [])));
  // Higher layers first: names and dates, then quotes, then reported speech beneath them.
  const layers: Painted[][] = [
    [
      ...mentions.map((m, i) => ({
        start: m.start, end: m.end, type: m.type.toLowerCase() as TokenType, modifiers: speakers.has(i) ? bit('speaker') : 0,
      })),
      ...dates.map((d) => ({ start: d.start, end: d.end, type: 'date' as const, modifiers: d.value ? 0 : bit('unresolved') })),
    ],
    quotes.filter((q) => q.kind !== 'reported').map((q) => ({ start: q.start, end: q.end, type: 'quote' as const, modifiers: q.kind === 'partial' ? bit('partial') : 0 })),
    quotes.filter((q) => q.kind === 'reported').map((q) => ({ start: q.start, end: q.end, type: 'quote' as const, modifiers: bit('reported') })),
  ];
  let painted: Painted[] = [];
  for (const layer of layers) {
    if (token?.isCancellationRequested) return [];
    const added: Painted[] = [];
    let layerEnd = 0;
    for (const item of layer.filter((x) => enabled[CATEGORY_OF[x.type]] && x.end > x.start).sort((a, b) => a.start - b.start)) {
      // Within one layer, the first of two overlapping items wins.
      const start = Math.max(item.start, layerEnd);
      if (start >= item.end) continue;
      added.push(...uncovered({ ...item, start }, painted));
      layerEnd = item.end;
    }
    painted = mergeSorted(painted, added);
  }
  return painted;
}

/** The parts of `item` not already painted (`painted` is sorted and non-overlapping). */
function uncovered(item: Painted, painted: Painted[]): Painted[] {
  const out: Painted[] = [];
  let lo = 0;
  let hi = painted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (painted[mid].end <= item.start) lo = mid + 1;
    else hi = mid;
  }
  let pos = item.start;
  for (let i = lo; i < painted.length && painted[i].start < item.end; i++) {
    if (painted[i].start > pos) out.push({ ...item, start: pos, end: painted[i].start });
    pos = Math.max(pos, painted[i].end);
  }
  if (pos < item.end) out.push({ ...item, start: pos, end: item.end });
  return out;
}

function mergeSorted(a: Painted[], b: Painted[]): Painted[] {
  if (!b.length) return a;
  const out: Painted[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** LSP's relative encoding, cutting tokens at line breaks; only tokens touching `range` when given. */
export function encode(doc: AnalyzedDocument, painted: Painted[], range?: Range): number[] {
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  const from = range ? doc.lines.offsetAt(range.start) : 0;
  const to = range ? doc.lines.offsetAt(range.end) : doc.text.length;
  for (const p of painted) {
    if (p.end <= from || p.start >= to) continue;
    const type = TOKEN_TYPES.indexOf(p.type);
    for (const [start, end] of splitAtLineBreaks(doc.text, p.start, p.end)) {
      const pos = doc.lines.positionAt(start);
      data.push(pos.line - prevLine, pos.line === prevLine ? pos.character - prevChar : pos.character, end - start, type, p.modifiers);
      prevLine = pos.line;
      prevChar = pos.character;
    }
  }
  return data;
}

function* splitAtLineBreaks(text: string, start: number, end: number): Generator<[number, number]> {
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > s) yield [s, i];
      s = i + 1;
    }
  }
  if (end > s) yield [s, end];
}

/**
 * Remembers the last tokens sent for each document so the next request can be answered with
 * one edit: the changed middle between the common prefix and suffix of the two arrays.
 */
export class SemanticTokensProvider {
  private readonly last = new Map<string, { id: string; data: number[] }>();
  private counter = 0;

  full(doc: AnalyzedDocument, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens {
    const data = encode(doc, paint(doc, enabled, token));
    const resultId = String(++this.counter);
    this.last.set(doc.uri, { id: resultId, data });
    return { resultId, data };
  }

  range(doc: AnalyzedDocument, range: Range, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens {
    return { data: encode(doc, paint(doc, enabled, token), range) };
  }

  delta(doc: AnalyzedDocument, previousResultId: string, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(doc.uri);
    if (!previous || previous.id !== previousResultId) return this.full(doc, enabled, token);
    const data = encode(doc, paint(doc, enabled, token));
    const resultId = String(++this.counter);
    this.last.set(doc.uri, { id: resultId, data });
    const old = previous.data;
    let prefix = 0;
    while (prefix < old.length && prefix < data.length && old[prefix] === data[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < data.length - prefix && old[old.length - 1 - suffix] === data[data.length - 1 - suffix]) suffix++;
    if (prefix === old.length && prefix === data.length) return { resultId, edits: [] };
    return { resultId, edits: [{ start: prefix, deleteCount: old.length - prefix - suffix, data: data.slice(prefix, data.length - suffix) }] };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
