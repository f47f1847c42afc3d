// The sources report without the editor: one or many articles' `articleLens/sources` answers
// added up (who is quoted and how much, what is named how often, the dates in calendar order),
// and the report as CSV, JSON and the webview's HTML. No `vscode` import, so tests run it as is.
import type { LspRange, SourceType, Sources } from '../../../server/src/protocol';

/** One article's answer, with where it came from. */
export interface ArticleSources {
  uri: string;
  /** The path shown to people: relative to the workspace folder when there is one. */
  path: string;
  sources: Sources;
}

export interface ReportQuote {
  text: string;
  kind: 'direct' | 'partial' | 'reported';
  words: number;
  path: string;
  uri: string;
  range: LspRange;
}

export interface ReportSource {
  name: string;
  /** null for the unattributed quotes. */
  type: SourceType | null;
  /** Direct and partial quotes. */
  quotes: number;
  /** Reported speech (“X said that …”), not in quotation marks. */
  reported: number;
  /** Words in the direct and partial quotes: the words the article gives this source. */
  words: number;
  reportedWords: number;
  /** `words` over all the report's quoted words, 0 to 1. */
  share: number;
  /** How many articles quote this source. */
  articles: number;
  items: ReportQuote[];
}

export interface ReportEntity {
  name: string;
  type: SourceType;
  mentions: number;
  articles: number;
  /** The first mention, in the first article that names it. */
  first: { path: string; uri: string; range: LspRange };
}

export interface ReportDate {
  value: string | null;
  text: string;
  path: string;
  uri: string;
  range: LspRange;
}

export interface ReportData {
  scope: 'article' | 'workspace';
  /** The article's title, or “Workspace”. */
  title: string;
  /** ISO time the report was made. */
  generated: string;
  articles: { uri: string; path: string; title: string }[];
  /** Files found but not analysed, and why. */
  skipped: { path: string; reason: string }[];
  totals: {
    articles: number;
    quotes: number;
    reported: number;
    words: number;
    reportedWords: number;
    /** Speakers quoted or reported at least once (the unattributed not counted). */
    sources: number;
    people: number;
    organizations: number;
    places: number;
    dates: number;
  };
  /** Sources by words quoted, most first; the unattributed last. */
  sources: ReportSource[];
  /** People, then organizations, then places; each by mentions, most first. */
  entities: ReportEntity[];
  /** Dates in calendar order, then the unresolved ones. */
  timeline: ReportDate[];
}

const TYPE_ORDER: Record<SourceType, number> = { Person: 0, Organization: 1, Place: 2 };
const UNATTRIBUTED = 'Unattributed';

export function buildReport(scope: 'article' | 'workspace', articles: ArticleSources[], opts: { title?: string; skipped?: ReportData['skipped']; now?: Date } = {}): ReportData {
  const sources = new Map<string, ReportSource & { seen: Set<string> }>();
  const entities = new Map<string, ReportEntity & { seen: Set<string> }>();
  const timeline: ReportDate[] = [];

  for (const a of articles) {
    for (const s of a.sources.speakers) {
      const key = s.entity === null ? '\u0000unattributed' : `${s.type}\u0000${s.name}`;
      let r = sources.get(key);
      if (!r) sources.set(key, r = { name: s.entity === null ? UNATTRIBUTED : s.name, type: s.entity === null ? null : s.type, quotes: 0, reported: 0, words: 0, reportedWords: 0, share: 0, articles: 0, items: [], seen: new Set() });
      if (s.quotes.length) r.seen.add(a.uri);
      for (const q of s.quotes) {
        if (q.kind === 'reported') {
          r.reported++;
          r.reportedWords += q.words;
        } else {
          r.quotes++;
          r.words += q.words;
        }
        r.items.push({ text: q.text, kind: q.kind, words: q.words, path: a.path, uri: a.uri, range: q.range });
      }
    }
    for (const e of a.sources.entities) {
      const key = `${e.type}\u0000${e.name}`;
      let r = entities.get(key);
      if (!r) entities.set(key, r = { name: e.name, type: e.type, mentions: 0, articles: 0, first: { path: a.path, uri: a.uri, range: e.firstRange }, seen: new Set() });
      r.mentions += e.mentions;
      r.seen.add(a.uri);
    }
    for (const d of a.sources.timeline) timeline.push({ value: d.value, text: d.text, path: a.path, uri: a.uri, range: d.range });
  }

  const totalWords = [...sources.values()].reduce((n, s) => n + s.words, 0);
  const sourceList: ReportSource[] = [...sources.values()]
    .map(({ seen, ...s }) => ({ ...s, articles: seen.size, share: totalWords ? s.words / totalWords : 0 }))
    .sort((a, b) => Number(a.type === null) - Number(b.type === null) || b.words - a.words || b.quotes - a.quotes || b.reported - a.reported || a.name.localeCompare(b.name));
  const entityList: ReportEntity[] = [...entities.values()]
    .map(({ seen, ...e }) => ({ ...e, articles: seen.size }))
    .sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || b.mentions - a.mentions || a.name.localeCompare(b.name));
  // Stable: equal values keep each article's text order, articles in the order given.
  const dated = timeline.map((d, i) => ({ d, i }))
    .sort((a, b) => (a.d.value && b.d.value ? a.d.value.localeCompare(b.d.value) : a.d.value ? -1 : b.d.value ? 1 : 0) || a.i - b.i)
    .map(({ d }) => d);

  const attributed = sourceList.filter((s) => s.type !== null);
  const count = (t: SourceType) => entityList.filter((e) => e.type === t).length;
  return {
    scope,
    title: opts.title ?? (scope === 'article' ? articles[0]?.sources.title || articles[0]?.path || 'Article' : 'Workspace'),
    generated: (opts.now ?? new Date()).toISOString(),
    articles: articles.map((a) => ({ uri: a.uri, path: a.path, title: a.sources.title })),
    skipped: opts.skipped ?? [],
    totals: {
      articles: articles.length,
      quotes: sourceList.reduce((n, s) => n + s.quotes, 0),
      reported: sourceList.reduce((n, s) => n + s.reported, 0),
      words: totalWords,
      reportedWords: sourceList.reduce((n, s) => n + s.reportedWords, 0),
      sources: attributed.length,
      people: count('Person'),
      organizations: count('Organization'),
      places: count('Place'),
      dates: dated.length,
    },
    sources: sourceList,
    entities: entityList,
    timeline: dated,
  };
}

// ---------------------------------------------------------------------------------------------
// CSV and JSON

export const CSV_COLUMNS = ['record', 'name', 'type', 'kind', 'quotes', 'reported', 'words_quoted', 'words_reported', 'share_of_words_quoted', 'mentions', 'articles', 'date', 'text', 'file', 'line'] as const;
type CsvRow = Partial<Record<typeof CSV_COLUMNS[number], string | number | null>>;

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One table, one row per record: `source` rows (quotes, words, share), then a `quote` row for
 * each quote under its source, `entity` rows (mentions), and `date` rows in calendar order.
 * Lines are 1-based, as the editor shows them.
 */
export function toCsv(report: ReportData): string {
  const rows: CsvRow[] = [];
  for (const s of report.sources) {
    rows.push({
      record: 'source', name: s.name, type: s.type ?? '', quotes: s.quotes, reported: s.reported, words_quoted: s.words,
      words_reported: s.reportedWords, share_of_words_quoted: Number(s.share.toFixed(4)), articles: s.articles,
    });
  }
  for (const s of report.sources) {
    for (const q of s.items) {
      rows.push({
        record: 'quote', name: s.name, type: s.type ?? '', kind: q.kind, words_quoted: q.kind === 'reported' ? null : q.words,
        words_reported: q.kind === 'reported' ? q.words : null, text: oneLine(q.text), file: q.path, line: q.range.start.line + 1,
      });
    }
  }
  for (const e of report.entities) {
    rows.push({ record: 'entity', name: e.name, type: e.type, mentions: e.mentions, articles: e.articles, file: e.first.path, line: e.first.range.start.line + 1 });
  }
  for (const d of report.timeline) rows.push({ record: 'date', date: d.value ?? '', text: oneLine(d.text), file: d.path, line: d.range.start.line + 1 });
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))].join('\r\n') + '\r\n';
}

export function toJson(report: ReportData): string {
  return JSON.stringify(report, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// HTML for the webview

export interface HtmlOptions {
  /** A fresh random value per rendering: the only script allowed to run carries it. */
  nonce: string;
  /** `webview.cspSource`: where the stylesheet and script may come from. */
  cspSource: string;
  styleUri: string;
  scriptUri: string;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1) + '…' : s);
const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const percent = (x: number) => `${(x * 100).toFixed(x > 0 && x < 0.1 ? 1 : 0)}%`;

/** The Content-Security-Policy: nothing from anywhere but the extension's own media, one script by nonce. */
export function contentSecurityPolicy(o: Pick<HtmlOptions, 'nonce' | 'cspSource'>): string {
  return [
    "default-src 'none'",
    `style-src ${o.cspSource}`,
    `img-src ${o.cspSource} data:`,
    `font-src ${o.cspSource}`,
    `script-src 'nonce-${o.nonce}'`,
  ].join('; ');
}

export function renderReport(report: ReportData, o: HtmlOptions): string {
  const t = report.totals;
  const scope = report.scope === 'article'
    ? escapeHtml(report.articles[0]?.path ?? '')
    : `${plural(t.articles, 'article', 'articles')} in the workspace`;
  const skipped = report.skipped.length
    ? `<p class="note">Not included: ${report.skipped.map((s) => `${escapeHtml(s.path)} (${escapeHtml(s.reason)})`).join('; ')}</p>`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}">
<title>Sources report</title>
</head>
<body data-scope="${report.scope}">
<header>
  <div>
    <h1>Sources: ${escapeHtml(clip(report.title, 120))}</h1>
    <p class="scope">${scope} · made ${escapeHtml(report.generated.slice(0, 16).replace('T', ' '))} UTC</p>
  </div>
  <div class="actions">
    <button type="button" data-action="export" data-format="csv" title="Save the report as CSV">Export CSV</button>
    <button type="button" data-action="export" data-format="json" title="Save the report as JSON">Export JSON</button>
    <button type="button" class="secondary" data-action="refresh" title="Read the articles again">Refresh</button>
  </div>
</header>
<p id="status" role="status" aria-live="polite"></p>
<p class="totals">${[
    plural(t.quotes, 'quote', 'quotes'),
    `from ${plural(t.sources, 'source', 'sources')}`,
    `${plural(t.words, 'word', 'words')} quoted`,
    ...(t.reported ? [`${plural(t.reported, 'passage', 'passages')} of reported speech`] : []),
    `${plural(t.people, 'person', 'people')}, ${plural(t.organizations, 'organization', 'organizations')}, ${plural(t.places, 'place', 'places')} named`,
    plural(t.dates, 'date', 'dates'),
  ].join(' · ')}</p>
${skipped}
<section id="voices">
  <h2>Words quoted per source</h2>
  ${chart(report)}
</section>
<section id="sources">
  <h2>Who is quoted</h2>
  ${sourcesTable(report)}
</section>
<section id="entities">
  <h2>Who and what is named</h2>
  <div class="columns">
    ${entityTable(report, 'Person', 'People')}
    ${entityTable(report, 'Organization', 'Organizations')}
    ${entityTable(report, 'Place', 'Places')}
  </div>
</section>
<section id="timeline">
  <h2>Timeline</h2>
  ${timelineList(report)}
</section>
<script nonce="${escapeHtml(o.nonce)}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** Most chart rows drawn; the table lists every source. */
const CHART_ROWS = 25;

/**
 * A horizontal bar per source: the words the article quotes them in, then their reported
 * speech's words in a lighter shade. Names and numbers are HTML (readable at any width); each
 * bar is an SVG stretched to its row, so no inline style is needed under the CSP.
 */
export function chart(report: ReportData): string {
  const rows = report.sources.filter((s) => s.words + s.reportedWords > 0).slice(0, CHART_ROWS);
  if (!rows.length) return '<p class="empty">No quotes found.</p>';
  const max = Math.max(...rows.map((s) => s.words + s.reportedWords));
  const scale = (n: number) => (n / max) * 100;
  const body = rows.map((s) => {
    const w1 = scale(s.words);
    const w2 = scale(s.reportedWords);
    const detail = [`${plural(s.words, 'word', 'words')} quoted (${percent(s.share)} of all quoted words)`, plural(s.quotes, 'quote', 'quotes'),
      ...(s.reported ? [`${plural(s.reported, 'passage', 'passages')} of reported speech (${plural(s.reportedWords, 'word', 'words')})`] : []),
      ...(report.scope === 'workspace' ? [`in ${plural(s.articles, 'article', 'articles')}`] : [])].join(', ');
    const tip = escapeHtml(`${s.name}: ${detail}`);
    // The row is `display: contents` (its three cells sit in the chart's grid): the tooltip goes on each cell.
    return `<div class="bar-row${s.type === null ? ' unattributed' : ''}" role="listitem" data-source="${escapeHtml(s.name)}" data-words="${s.words}">
      <span class="bar-label" title="${tip}">${escapeHtml(s.name)}</span>
      <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg">
        <title>${tip}</title>
        <rect class="quoted" x="0" y="0" width="${w1.toFixed(2)}" height="10"></rect>${w2 > 0 ? `
        <rect class="reported" x="${w1.toFixed(2)}" y="0" width="${w2.toFixed(2)}" height="10"></rect>` : ''}
      </svg>
      <span class="bar-value" title="${tip}"><span class="sr-only">${escapeHtml(detail)}</span><span aria-hidden="true">${s.words.toLocaleString('en-US')} · ${percent(s.share)}${s.reportedWords ? ` <span class="plus">+ ${s.reportedWords.toLocaleString('en-US')} reported</span>` : ''}</span></span>
    </div>`;
  }).join('\n');
  const more = report.sources.length - rows.length;
  return `<figure>
  <div class="chart" role="list" aria-label="Words quoted per source">
    ${body}
  </div>
  <figcaption><span class="key quoted"></span>words in quotation marks, and their share of all quoted words <span class="key reported"></span>words of reported speech${more > 0 ? ` · ${more} more in the table below` : ''}</figcaption>
</figure>`;
}

function reveal(uri: string, range: LspRange, text: string, title: string): string {
  return `<a href="#" data-action="reveal" data-uri="${escapeHtml(uri)}" data-range="${escapeHtml(JSON.stringify(range))}" title="${escapeHtml(title)}">${escapeHtml(text)}</a>`;
}

function sourcesTable(report: ReportData): string {
  if (!report.sources.length) return '<p class="empty">Nobody is quoted.</p>';
  const workspace = report.scope === 'workspace';
  const rows = report.sources.map((s) => {
    const quotes = s.items.map((q) => `<li class="${q.kind}">${reveal(q.uri, q.range, clip(oneLine(q.text), 200), `${q.path}, line ${q.range.start.line + 1}`)} <span class="meta">${plural(q.words, 'word', 'words')}${q.kind === 'direct' ? '' : ` · ${q.kind}`}${workspace ? ` · ${escapeHtml(q.path)}` : ''}</span></li>`).join('');
    return `<tr class="${s.type === null ? 'unattributed' : ''}">
      <td><details><summary>${escapeHtml(s.name)}</summary><ol class="quotes">${quotes}</ol></details></td>
      <td>${escapeHtml(s.type ?? '—')}</td>
      <td class="num">${s.quotes}</td>
      <td class="num">${s.reported}</td>
      <td class="num">${s.words}</td>
      <td class="num">${percent(s.share)}</td>
      ${workspace ? `<td class="num">${s.articles}</td>` : ''}
    </tr>`;
  }).join('\n');
  return `<div class="table-wrap"><table class="sources">
    <thead><tr><th>Source</th><th>Type</th><th class="num">Quotes</th><th class="num">Reported</th><th class="num" title="Words in quotation marks">Words</th><th class="num">Share</th>${workspace ? '<th class="num">Articles</th>' : ''}</tr></thead>
    <tbody>${rows}</tbody>
  </table></div>`;
}

function entityTable(report: ReportData, type: SourceType, heading: string): string {
  const list = report.entities.filter((e) => e.type === type);
  const workspace = report.scope === 'workspace';
  const rows = list.map((e) => `<tr><td>${reveal(e.first.uri, e.first.range, e.name, `first mention: ${e.first.path}, line ${e.first.range.start.line + 1}`)}</td><td class="num">${e.mentions}</td>${workspace ? `<td class="num">${e.articles}</td>` : ''}</tr>`).join('');
  return `<div class="entities" data-type="${type}">
    <h3>${heading} <span class="count">${list.length}</span></h3>
    ${list.length ? `<table><thead><tr><th>Name</th><th class="num">Mentions</th>${workspace ? '<th class="num">Articles</th>' : ''}</tr></thead><tbody>${rows}</tbody></table>` : '<p class="empty">None.</p>'}
  </div>`;
}

function timelineList(report: ReportData): string {
  if (!report.timeline.length) return '<p class="empty">No dates found.</p>';
  const workspace = report.scope === 'workspace';
  const items = report.timeline.map((d) => `<li class="${d.value ? 'resolved' : 'unresolved'}"><span class="value">${escapeHtml(d.value ?? '?')}</span> ${reveal(d.uri, d.range, clip(oneLine(d.text), 80), `${d.path}, line ${d.range.start.line + 1}`)}${workspace ? ` <span class="meta">${escapeHtml(d.path)}</span>` : ''}</li>`).join('');
  return `<ol class="timeline">${items}</ol>`;
}
