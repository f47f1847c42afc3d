// The Sources view in the Explorer: each speaker with their quotes and the words each gives
// them, then People, Organizations and Places with their mention counts, and the Timeline.
// It follows the active article (again after typing pauses); clicking a row selects its text.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourcesRequest, type LspRange, type Source, type SourceEntity, type SourceQuote, type Sources, type SourceType, type TimelineDate } from '../../../server/src/protocol';
import { languageIds } from '../config';

export const VIEW_ID = 'articleLens.sources';
/** Context key: the active editor shows an article (the view's `when`). */
export const ARTICLE_ACTIVE = 'articleLens.articleActive';
/** Internal (not in the palette): open `uri` and select `range`. */
export const REVEAL_COMMAND = 'articleLens.revealInArticle';

type GroupId = 'sources' | 'people' | 'organizations' | 'places' | 'timeline';
export type SourcesNode =
  | { kind: 'group'; id: GroupId; label: string; description: string; children: SourcesNode[] }
  | { kind: 'speaker'; id: string; source: Source; parent: SourcesNode; children: SourcesNode[] }
  | { kind: 'quote'; id: string; quote: SourceQuote; speaker: string; parent: SourcesNode }
  | { kind: 'entity'; id: string; entity: SourceEntity; parent: SourcesNode }
  | { kind: 'date'; id: string; date: TimelineDate; parent: SourcesNode };

const ENTITY_GROUPS: { id: GroupId; type: SourceType; label: string }[] = [
  { id: 'people', type: 'Person', label: 'People' },
  { id: 'organizations', type: 'Organization', label: 'Organizations' },
  { id: 'places', type: 'Place', label: 'Places' },
];
const TYPE_ICON: Record<SourceType, string> = { Person: 'person', Organization: 'organization', Place: 'location' };

const oneLine = (s: string, max = 90) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
};
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** Counts for a speaker: quotes and words in quotation marks, reported speech apart. */
export function speakerCounts(s: Source): { quotes: number; words: number; reported: number; reportedWords: number } {
  let quotes = 0, words = 0, reported = 0, reportedWords = 0;
  for (const q of s.quotes) {
    if (q.kind === 'reported') { reported++; reportedWords += q.words; } else { quotes++; words += q.words; }
  }
  return { quotes, words, reported, reportedWords };
}

/** Builds the view's tree from one `articleLens/sources` answer. */
export function buildTree(data: Sources): SourcesNode[] {
  const ids = new Map<string, number>();
  // Stable ids keep what is expanded across refreshes; a repeated name gets a suffix.
  const unique = (id: string) => {
    const n = ids.get(id) ?? 0;
    ids.set(id, n + 1);
    return n ? `${id}#${n}` : id;
  };
  const quoted = data.speakers.reduce((n, s) => n + s.quotes.filter((q) => q.kind !== 'reported').length, 0);
  const attributed = data.speakers.filter((s) => s.entity !== null).length;
  const sources: SourcesNode = { kind: 'group', id: 'sources', label: 'Sources', description: `${plural(attributed, 'speaker', 'speakers')} · ${plural(quoted, 'quote', 'quotes')}`, children: [] };
  for (const s of data.speakers) {
    const speaker: SourcesNode = { kind: 'speaker', id: unique(`speaker:${s.type ?? ''}:${s.name}`), source: s, parent: sources, children: [] };
    speaker.children = s.quotes.map((q, i) => ({ kind: 'quote', id: `${speaker.id}/quote:${i}`, quote: q, speaker: s.name, parent: speaker }));
    sources.children.push(speaker);
  }
  const groups: SourcesNode[] = [sources];
  for (const g of ENTITY_GROUPS) {
    const list = data.entities.filter((e) => e.type === g.type);
    const group: SourcesNode = { kind: 'group', id: g.id, label: g.label, description: String(list.length), children: [] };
    group.children = list.map((e) => ({ kind: 'entity', id: unique(`entity:${e.type}:${e.name}`), entity: e, parent: group }));
    groups.push(group);
  }
  const timeline: SourcesNode = { kind: 'group', id: 'timeline', label: 'Timeline', description: String(data.timeline.length), children: [] };
  timeline.children = data.timeline.map((d, i) => ({ kind: 'date', id: `date:${i}`, date: d, parent: timeline }));
  groups.push(timeline);
  return groups;
}

export class SourcesView implements vscode.TreeDataProvider<SourcesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<SourcesNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<SourcesNode>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private retries = 0;
  private request = 0;
  private roots: SourcesNode[] = [];
  /** The article the view shows, and the answer for it. */
  private shown: { document: vscode.TextDocument; data: Sources } | undefined;
  private target: vscode.TextDocument | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      vscode.window.onDidChangeActiveTextEditor(() => this.follow()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.target && e.contentChanges.length) this.schedule(500);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.target) this.show(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('articleLens.languages')) this.follow();
      }),
      this.view.onDidChangeVisibility((e) => {
        if (e.visible) this.schedule(0);
      }),
    );
    this.follow();
  }

  /** The article the view follows: the active editor's, or the last one while another kind of editor (a webview) is active. */
  get article(): vscode.TextDocument | undefined {
    return this.target;
  }

  private isArticle(document: vscode.TextDocument): boolean {
    return languageIds().includes(document.languageId);
  }

  /** Follows the active editor: a new article is shown; a non-article text editor clears the view. */
  private follow(): void {
    const editor = vscode.window.activeTextEditor;
    // No active text editor (a webview has focus), or the Output panel's: keep showing the last article.
    if (!editor || /^(output|debug|vscode-[\w-]*)$/.test(editor.document.uri.scheme)) return;
    this.show(this.isArticle(editor.document) ? editor.document : undefined);
  }

  private show(document: vscode.TextDocument | undefined): void {
    void vscode.commands.executeCommand('setContext', ARTICLE_ACTIVE, !!document);
    if (document === this.target) {
      if (document && !this.shown) this.schedule(0);
      return;
    }
    this.target = document;
    this.retries = 0;
    if (!document) {
      this.request++;
      clearTimeout(this.timer);
      this.shown = undefined;
      this.roots = [];
      this.view.description = undefined;
      this.view.message = 'Open an article (.article or .news) to see who it quotes.';
      this.changed.fire();
      return;
    }
    this.view.description = vscode.workspace.asRelativePath(document.uri, false);
    this.schedule(0);
  }

  /** Asks the server again after `delay` ms (typing resets the wait). */
  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  async refresh(): Promise<void> {
    const document = this.target;
    const client = this.client();
    if (!document) return;
    const id = ++this.request;
    if (!client?.isRunning()) {
      this.view.message = 'The Article Lens server is not running.';
      // The extension schedules a refresh once the server has started.
      return;
    }
    let data: Sources | null;
    try {
      data = await client.sendRequest<Sources | null>(SourcesRequest, { uri: document.uri.toString() });
    } catch {
      data = null; // the server is restarting
    }
    if (id !== this.request || document !== this.target) return; // a newer request or another article
    if (!data) {
      // The server may not have the document yet, or was restarting: try again a few times.
      if (this.retries++ < 5) this.schedule(400 * this.retries);
      else this.view.message = 'Article Lens could not read this article.';
      return;
    }
    this.retries = 0;
    this.shown = { document, data };
    this.roots = buildTree(data);
    const quoted = data.speakers.some((s) => s.quotes.length);
    this.view.message = quoted ? undefined : 'No quotes found in this article.';
    this.changed.fire();
  }

  /** Focuses the view; with a speaker's name, selects that speaker. */
  async focus(uri?: unknown, speaker?: unknown): Promise<void> {
    // Called from the palette (no arguments) and from the server's code lens (its arguments).
    if (typeof uri === 'string' || uri instanceof vscode.Uri) {
      const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
      const open = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
      if (open && open.document !== this.target && this.isArticle(open.document)) this.show(open.document);
    }
    if (this.target && !this.shown) await this.refresh();
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    if (typeof speaker !== 'string' || !speaker) return;
    const group = this.roots.find((n) => n.kind === 'group' && n.id === 'sources');
    const node = group?.kind === 'group' ? group.children.find((n) => n.kind === 'speaker' && n.source.name === speaker) : undefined;
    if (node) await this.view.reveal(node, { select: true, focus: true, expand: true });
  }

  getChildren(node?: SourcesNode): SourcesNode[] {
    if (!node) return this.roots;
    return node.kind === 'group' || node.kind === 'speaker' ? node.children : [];
  }

  getParent(node: SourcesNode): SourcesNode | undefined {
    return node.kind === 'group' ? undefined : node.parent;
  }

  getTreeItem(node: SourcesNode): vscode.TreeItem {
    const uri = this.shown?.document.uri;
    const open = (range: LspRange) => (uri ? { command: REVEAL_COMMAND, title: 'Show in the article', arguments: [uri.toString(), range] } : undefined);
    const md = (s: string) => new vscode.MarkdownString(s);
    switch (node.kind) {
      case 'group': {
        const item = new vscode.TreeItem(node.label, node.id === 'sources' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `group:${node.id}`;
        item.description = node.description;
        item.contextValue = `articleLens.group.${node.id}`;
        return item;
      }
      case 'speaker': {
        const s = node.source;
        const c = speakerCounts(s);
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Expanded);
        item.id = node.id;
        item.description = [plural(c.quotes, 'quote', 'quotes'), plural(c.words, 'word', 'words'), ...(c.reported ? [`${c.reported} reported`] : [])].join(' · ');
        item.iconPath = new vscode.ThemeIcon(s.type ? TYPE_ICON[s.type] : 'question');
        item.tooltip = md([
          `**${s.name}**${s.type ? ` · ${s.type}` : ''}`,
          `${plural(c.quotes, 'quote', 'quotes')} in quotation marks, ${plural(c.words, 'word', 'words')}`,
          ...(c.reported ? [`${plural(c.reported, 'passage', 'passages')} of reported speech, ${plural(c.reportedWords, 'word', 'words')}`] : []),
        ].join('\n\n'));
        item.contextValue = 'articleLens.speaker';
        item.command = s.quotes[0] && open(s.quotes[0].range);
        return item;
      }
      case 'quote': {
        const q = node.quote;
        const item = new vscode.TreeItem(oneLine(q.text), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = plural(q.words, 'word', 'words') + (q.kind === 'direct' ? '' : ` · ${q.kind}`);
        item.iconPath = new vscode.ThemeIcon(q.kind === 'reported' ? 'comment' : 'quote');
        item.tooltip = md(`${q.kind === 'reported' ? 'Reported speech' : q.kind === 'partial' ? 'Partial quote' : 'Quote'} · ${node.speaker} · ${plural(q.words, 'word', 'words')} · line ${q.range.start.line + 1}\n\n> ${q.text.replace(/\s+/g, ' ')}`);
        item.accessibilityInformation = { label: `${node.speaker}: ${q.text} (${plural(q.words, 'word', 'words')}, ${q.kind})` };
        item.contextValue = 'articleLens.quote';
        item.command = open(q.range);
        return item;
      }
      case 'entity': {
        const e = node.entity;
        const item = new vscode.TreeItem(e.name, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = plural(e.mentions, 'mention', 'mentions');
        item.iconPath = new vscode.ThemeIcon(TYPE_ICON[e.type]);
        item.tooltip = `${e.name} · ${e.type} · ${plural(e.mentions, 'mention', 'mentions')}; first on line ${e.firstRange.start.line + 1}`;
        item.contextValue = 'articleLens.entity';
        item.command = open(e.firstRange);
        return item;
      }
      case 'date': {
        const d = node.date;
        const item = new vscode.TreeItem(d.value ?? '?', vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = oneLine(d.text, 60);
        item.iconPath = new vscode.ThemeIcon('calendar');
        item.tooltip = d.value ? `${d.text} → ${d.value}` : `${d.text}: no calendar value`;
        item.contextValue = 'articleLens.date';
        item.command = open(d.range);
        return item;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.subscriptions) d.dispose();
  }
}

/** Opens `uri` where it is shown (else in the first column) and selects `range`. */
export async function revealInArticle(uri: string | vscode.Uri, range: LspRange | vscode.Range, preserveFocus = true): Promise<void> {
  const target = typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
  const r = range instanceof vscode.Range ? range : toRange(range);
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === target.toString());
  const document = visible?.document ?? await vscode.workspace.openTextDocument(target);
  const editor = await vscode.window.showTextDocument(document, {
    viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
    selection: r,
    preserveFocus,
  });
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export function registerSourcesView(client: () => LanguageClient | undefined): { view: SourcesView; disposables: vscode.Disposable[] } {
  const view = new SourcesView(client);
  return {
    view,
    disposables: [
      view,
      vscode.commands.registerCommand('articleLens.showSources', (uri?: unknown, speaker?: unknown) => view.focus(uri, speaker)),
      vscode.commands.registerCommand('articleLens.refreshSources', () => view.refresh()),
      vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string | vscode.Uri, range: LspRange) => revealInArticle(uri, range)),
    ],
  };
}
