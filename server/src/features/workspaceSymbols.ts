// Go to Symbol in Workspace: the people, organizations, places and sources (who is quoted) of
// every article in the workspace. Each article is reduced to a small list of symbols (see
// workspaceIndex.ts for how the workspace's files are read); a query matches a symbol's name
// or any of its aliases, its letters in order ("khaz" finds "Qais al-Khazali").
import { SymbolKind, type CancellationToken, type Range, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Annotations, EntityType } from '../analysis/model';
import type { LineIndex } from '../analysis/article';

export type ArticleSymbolType = EntityType | 'Source';

export interface ArticleSymbol {
  name: string;
  aliases: string[];
  type: ArticleSymbolType;
  range: Range;
  /** For a source: how many quotes (reported speech included) the article gives them. */
  quotes?: number;
}

/** What the workspace index keeps of one article. */
export interface ArticleSymbols {
  title: string;
  symbols: ArticleSymbol[];
}

const KIND: Record<ArticleSymbolType, SymbolKind> = {
  Person: SymbolKind.Class,
  Organization: SymbolKind.Module,
  Place: SymbolKind.Namespace,
  Source: SymbolKind.Event,
};

/** Most symbols one query answers; the editor narrows further as the user types. */
export const MAX_RESULTS = 2000;

export function extractSymbols(text: string, bodyStart: number, annotations: Annotations, lines: LineIndex): ArticleSymbols {
  const { entities, mentions, quotes, meta } = annotations;
  const range = (s: { start: number; end: number }): Range => ({ start: lines.positionAt(s.start), end: lines.positionAt(s.end) });
  const symbols: ArticleSymbol[] = [];
  for (const e of entities) {
    const first = e.mentions.map((i) => mentions[i]).filter(Boolean).sort((a, b) => a.start - b.start);
    const at = first.find((m) => m.text === e.name) ?? first[0];
    if (!at) continue;
    symbols.push({ name: e.name, aliases: e.aliases, type: e.type, range: range(at) });
  }
  const said = new Map<number, typeof quotes>();
  for (const q of quotes) if (q.speaker && entities[q.speaker.entity]) said.set(q.speaker.entity, [...(said.get(q.speaker.entity) ?? []), q]);
  for (const [id, list] of said) {
    const e = entities[id];
    const first = list.reduce((a, b) => (b.start < a.start ? b : a));
    symbols.push({ name: e.name, aliases: e.aliases, type: 'Source', range: range(first), quotes: list.length });
  }
  const headline = /\S[^\r\n]*/.exec(text.slice(bodyStart))?.[0].trim();
  return { title: (meta.title?.trim() || headline || '').slice(0, 120), symbols };
}

/** The query's letters appear in order in the text, case aside (an empty query matches all). */
export function matches(query: string, text: string): boolean {
  const q = Array.from(query.toLowerCase().replace(/\s+/g, ''));
  if (!q.length) return true;
  let i = 0;
  for (const c of text.toLowerCase()) {
    if (c === q[i]) i++;
    if (i === q.length) return true;
  }
  return false;
}

export interface IndexedArticle {
  uri: string;
  /** The file's name, when the article has no title. */
  file: string;
  article: ArticleSymbols;
}

export function workspaceSymbols(articles: Iterable<IndexedArticle>, params: WorkspaceSymbolParams, token?: CancellationToken): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  for (const a of articles) {
    if (token?.isCancellationRequested) return out;
    const where = a.article.title || a.file;
    for (const s of a.article.symbols) {
      if (!matches(params.query, s.name) && !s.aliases.some((alias) => matches(params.query, alias))) continue;
      out.push({
        name: s.name,
        kind: KIND[s.type],
        location: { uri: a.uri, range: s.range },
        containerName: s.type === 'Source' ? `quoted ${s.quotes === 1 ? 'once' : `${s.quotes} times`} in ${where}` : `${s.type.toLowerCase()} in ${where}`,
      });
      if (out.length >= MAX_RESULTS) return out;
    }
  }
  return out;
}
