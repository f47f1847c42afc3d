// A code lens at the top of the article: "9 quotes · 3 sources · 12 people/organizations ·
// 4 dates". Clicking it opens the Sources view (the client's `articleLens.showSources`).
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import { SHOW_SOURCES_COMMAND } from '../protocol';
import { summary } from './article';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function lensTitle(doc: AnalyzedDocument): string {
  const s = summary(doc);
  return [
    count(s.quotes, 'quote', 'quotes'),
    count(s.sources, 'source', 'sources'),
    count(s.people + s.organizations, 'person/organization', 'people/organizations'),
    count(s.dates, 'date', 'dates'),
    // Over the size limit only the article's beginning is analysed for the lens.
    ...(doc.window ? ['partial'] : []),
  ].join(' · ');
}

export function codeLenses(doc: AnalyzedDocument, _params: CodeLensParams, token?: CancellationToken): CodeLens[] {
  if (token?.isCancellationRequested || doc.text.trim() === '') return [];
  const top = { line: 0, character: 0 };
  return [{
    range: { start: top, end: top },
    command: { title: lensTitle(doc), command: SHOW_SOURCES_COMMAND, arguments: [doc.uri] },
  }];
}
