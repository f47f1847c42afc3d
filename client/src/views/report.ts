// The sources report: for the active article or every article in the workspace, who is quoted
// and how much, who and what is named, and the dates in calendar order, in a webview with a
// bar chart of the words each source is given. Exported as CSV or JSON where the user chooses.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SourcesRequest, type LspRange, type Sources } from '../../../server/src/protocol';
import { languageIds } from '../config';
import { buildReport, renderReport, toCsv, toJson, type ArticleSources, type ReportData } from './reportModel';
import { revealInArticle } from './sourcesView';

export const REPORT_COMMAND = 'articleLens.sourcesReport';
const PANEL_TYPE = 'articleLens.sourcesReport';
const ARTICLE_GLOB = '**/*.{article,news}';
const EXCLUDE_GLOB = '**/node_modules/**';
const MAX_FILES = 2000;

type Scope = 'article' | 'workspace';

/** Messages the webview's script posts. */
type FromWebview =
  | { type: 'export'; format: 'csv' | 'json' }
  | { type: 'refresh' }
  | { type: 'reveal'; uri: string; range: LspRange };

function isMessage(m: unknown): m is FromWebview {
  if (!m || typeof m !== 'object') return false;
  const x = m as Record<string, unknown>;
  if (x.type === 'export') return x.format === 'csv' || x.format === 'json';
  if (x.type === 'refresh') return true;
  if (x.type === 'reveal') {
    const r = x.range as LspRange | undefined;
    const pos = (p: unknown) => !!p && typeof (p as { line?: unknown }).line === 'number' && typeof (p as { character?: unknown }).character === 'number';
    return typeof x.uri === 'string' && !!r && pos(r.start) && pos(r.end);
  }
  return false;
}

export class SourcesReport implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private current: { scope: Scope; article?: vscode.Uri; data: ReportData } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: () => LanguageClient | undefined,
    /** The article the Sources view follows, for when a webview (this one) is the active editor. */
    private readonly lastArticle: () => vscode.TextDocument | undefined,
  ) {}

  /** The command: asks for the scope unless given, gathers, shows the webview; returns the report. */
  async run(scope?: unknown): Promise<ReportData | undefined> {
    const client = this.client();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('Article Lens: the language server is not running. Try “Article Lens: Restart Server”.');
      return undefined;
    }
    const active = this.activeArticle();
    let chosen: Scope | undefined = scope === 'article' || scope === 'workspace' ? scope : undefined;
    if (chosen === 'article' && !active) {
      void vscode.window.showInformationMessage('Article Lens: open an article (.article or .news) first.');
      return undefined;
    }
    if (!chosen) {
      const items: (vscode.QuickPickItem & { scope: Scope })[] = [];
      if (active) items.push({ label: '$(file) Active article', description: vscode.workspace.asRelativePath(active.uri), scope: 'article' });
      if (vscode.workspace.workspaceFolders?.length) items.push({ label: '$(files) Whole workspace', description: 'every .article and .news file', scope: 'workspace' });
      if (!items.length) {
        void vscode.window.showInformationMessage('Article Lens: open an article or a folder of articles first.');
        return undefined;
      }
      const pick = items.length === 1 ? items[0] : await vscode.window.showQuickPick(items, { title: 'Article Lens: Sources Report for' });
      if (!pick) return undefined;
      chosen = pick.scope;
    }
    const data = chosen === 'article' ? await this.forArticle(client, active!.uri) : await this.forWorkspace(client);
    if (!data) return undefined;
    this.current = { scope: chosen, article: chosen === 'article' ? active!.uri : undefined, data };
    this.show(data);
    return data;
  }

  private activeArticle(): vscode.TextDocument | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor && languageIds().includes(editor.document.languageId)) return editor.document;
    // A webview (the report itself) or panel has focus: the article the Sources view follows.
    return editor ? undefined : this.lastArticle();
  }

  private async forArticle(client: LanguageClient, uri: vscode.Uri): Promise<ReportData | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const sources = await sourcesOf(client, document);
    if (!sources) {
      void vscode.window.showWarningMessage('Article Lens: the server did not answer for this article.');
      return undefined;
    }
    return buildReport('article', [{ uri: document.uri.toString(), path: vscode.workspace.asRelativePath(document.uri), sources }]);
  }

  /** Every article in the workspace, read through the editor (open documents with their unsaved edits). */
  private forWorkspace(client: LanguageClient): Thenable<ReportData | undefined> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Article Lens: reading the workspace’s articles', cancellable: true }, async (progress, token) => {
      const files = (await vscode.workspace.findFiles(ARTICLE_GLOB, EXCLUDE_GLOB, MAX_FILES, token))
        .sort((a, b) => a.toString().localeCompare(b.toString()));
      const articles: ArticleSources[] = [];
      const skipped: ReportData['skipped'] = [];
      const ids = languageIds();
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested) return undefined;
        const path = vscode.workspace.asRelativePath(uri);
        progress.report({ message: `${i + 1} of ${files.length}: ${path}`, increment: 100 / files.length });
        let document: vscode.TextDocument;
        try {
          document = await vscode.workspace.openTextDocument(uri);
        } catch (e) {
          skipped.push({ path, reason: e instanceof Error ? e.message.split('\n')[0] : 'could not be opened' });
          continue;
        }
        if (!ids.includes(document.languageId)) {
          skipped.push({ path, reason: `opened as ${document.languageId}, not analysed` });
          continue;
        }
        const sources = await sourcesOf(client, document, token);
        if (sources) articles.push({ uri: document.uri.toString(), path, sources });
        else if (!token.isCancellationRequested) skipped.push({ path, reason: 'the server did not answer' });
      }
      if (token.isCancellationRequested) return undefined;
      if (!files.length) void vscode.window.showInformationMessage('Article Lens: no .article or .news files in the workspace.');
      if (files.length === MAX_FILES) skipped.push({ path: '…', reason: `only the first ${MAX_FILES} articles were read` });
      return buildReport('workspace', articles, { skipped });
    });
  }

  private show(data: ReportData): void {
    const title = data.scope === 'article' ? `Sources: ${data.articles[0]?.path.split('/').pop() ?? 'article'}` : 'Sources: workspace';
    if (!this.panel) {
      const media = vscode.Uri.joinPath(this.extensionUri, 'media');
      this.panel = vscode.window.createWebviewPanel(PANEL_TYPE, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [media],
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
      this.panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.subscriptions);
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m), undefined, this.subscriptions);
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = title;
    this.panel.webview.html = this.html(this.panel.webview, data);
  }

  private html(webview: vscode.Webview, data: ReportData): string {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    return renderReport(data, {
      nonce: randomBytes(16).toString('hex'),
      cspSource: webview.cspSource,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js')).toString(),
    });
  }

  private async receive(message: unknown): Promise<void> {
    if (!isMessage(message) || !this.current) return;
    try {
      if (message.type === 'export') await this.export(message.format);
      else if (message.type === 'refresh') await this.refresh();
      else if (this.current.data.articles.some((a) => a.uri === message.uri)) await revealInArticle(message.uri, message.range, false);
    } catch (e) {
      this.status(`Failed: ${e instanceof Error ? e.message : String(e)}`, 'error');
    }
  }

  private async refresh(): Promise<void> {
    const current = this.current;
    const client = this.client();
    if (!current || !client?.isRunning()) {
      this.status('The Article Lens server is not running.', 'error');
      return;
    }
    const data = current.scope === 'article' && current.article ? await this.forArticle(client, current.article) : await this.forWorkspace(client);
    if (!data) {
      this.status('Refresh cancelled.');
      return;
    }
    this.current = { ...current, data };
    this.show(data);
  }

  /** Asks where to save (offering a name beside the article or in the workspace folder) and writes the file. */
  async export(format: 'csv' | 'json', target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const current = this.current;
    if (!current) return undefined;
    const ext = format;
    let defaultUri: vscode.Uri | undefined;
    if (current.scope === 'article' && current.article && current.article.scheme !== 'untitled') {
      defaultUri = current.article.with({ path: current.article.path.replace(/(\.[^./]*)?$/, `.sources.${ext}`) });
    } else if (vscode.workspace.workspaceFolders?.length) {
      defaultUri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `sources-report.${ext}`);
    }
    target ??= await vscode.window.showSaveDialog({
      defaultUri,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      title: `Export the sources report as ${format.toUpperCase()}`,
      saveLabel: 'Export',
    });
    if (!target) return undefined;
    const content = format === 'csv' ? toCsv(current.data) : toJson(current.data);
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    const where = vscode.workspace.asRelativePath(target);
    this.status(`Exported ${format.toUpperCase()} to ${where}`);
    void vscode.window.showInformationMessage(`Article Lens: sources report exported to ${where}`);
    return target;
  }

  private status(text: string, kind: 'info' | 'error' = 'info'): void {
    void this.panel?.webview.postMessage({ type: 'status', text, kind });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** One article's sources; the server may need a moment for a document it has just been sent. */
async function sourcesOf(client: LanguageClient, document: vscode.TextDocument, token?: vscode.CancellationToken): Promise<Sources | null> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (token?.isCancellationRequested) return null;
    try {
      const answer = await client.sendRequest<Sources | null>(SourcesRequest, { uri: document.uri.toString() }, token);
      if (answer) return answer;
    } catch {
      // cancelled, or the server restarting: try again below
    }
    await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
  }
  return null;
}

export function registerSourcesReport(extensionUri: vscode.Uri, client: () => LanguageClient | undefined, lastArticle: () => vscode.TextDocument | undefined): vscode.Disposable[] {
  const report = new SourcesReport(extensionUri, client, lastArticle);
  return [
    report,
    vscode.commands.registerCommand(REPORT_COMMAND, (scope?: unknown) => report.run(scope)),
    // For scripts and tests: export the open report without the save dialog.
    vscode.commands.registerCommand('articleLens.exportSourcesReport', async (format?: unknown, target?: unknown) => {
      if (format !== 'csv' && format !== 'json') throw new Error('format must be "csv" or "json"');
      const uri = await report.export(format, target instanceof vscode.Uri ? target : undefined);
      return uri?.toString();
    }),
  ];
}
