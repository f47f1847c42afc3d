// A status bar item for the active article: "7 quotes · 4 sources". Clicking it opens the Outline.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryRequest, type Summary } from '../../server/src/protocol';
import { languageIds } from './config';

export class ArticleStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('articleLens.summary', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'Article Lens';
    this.item.command = 'outline.focus';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(400);
      }),
    );
    this.schedule(0);
  }

  /** Waits for typing to pause before asking the server again. */
  schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const client = this.client();
    if (!editor || !client?.isRunning() || !languageIds().includes(editor.document.languageId)) {
      this.item.hide();
      return;
    }
    try {
      const s = await client.sendRequest<Summary | null>(SummaryRequest, { uri: editor.document.uri.toString() });
      if (!s || editor !== vscode.window.activeTextEditor) return;
      const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
      this.item.text = s.partial
        ? `$(warning) Large article: analysed around the view`
        : `$(quote) ${plural(s.quotes, 'quote', 'quotes')} · ${plural(s.sources, 'source', 'sources')}`;
      this.item.tooltip = [
        plural(s.quotes, 'quote', 'quotes') + ` from ${plural(s.sources, 'source', 'sources')}`,
        `${plural(s.people, 'person', 'people')}, ${plural(s.organizations, 'organization', 'organizations')}, ${plural(s.places, 'place', 'places')}`,
        plural(s.dates, 'date', 'dates'),
        ...(s.partial ? [`This article is ${s.partial.size.toLocaleString('en')} characters, over articleLens.maxDocumentSize: the counts cover only the part analysed.`] : []),
        'Click to open the Outline',
      ].join('\n');
      this.item.show();
    } catch {
      this.item.hide(); // the server is restarting; the next change or editor switch asks again
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
