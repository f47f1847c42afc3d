// The palette commands: restart the server, toggle each highlight category, move between
// quotes, and export the active article's annotations.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ExportRequest, QuotesRequest, type Category, type ExportResult, type QuoteRange } from '../../server/src/protocol';
import { CATEGORIES, isHighlighted, languageIds, setHighlighted } from './config';

export interface CommandContext {
  client: () => LanguageClient | undefined;
  restart: () => Promise<void>;
}

const TOGGLE_COMMAND: Record<Category, string> = {
  quotes: 'articleLens.toggleQuotes',
  people: 'articleLens.togglePeople',
  organizations: 'articleLens.toggleOrganizations',
  places: 'articleLens.togglePlaces',
  dates: 'articleLens.toggleDates',
};

export function registerCommands(ctx: CommandContext): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('articleLens.restartServer', () => ctx.restart()),
    ...CATEGORIES.map((c) => vscode.commands.registerCommand(TOGGLE_COMMAND[c], async () => {
      const on = !isHighlighted(c);
      await setHighlighted(c, on);
      vscode.window.setStatusBarMessage(`Article Lens: ${c} highlighting ${on ? 'on' : 'off'}`, 3000);
    })),
    vscode.commands.registerCommand('articleLens.nextQuote', () => gotoQuote(ctx, 1)),
    vscode.commands.registerCommand('articleLens.previousQuote', () => gotoQuote(ctx, -1)),
    vscode.commands.registerCommand('articleLens.exportAnnotations', (format?: 'json' | 'brat', target?: vscode.Uri) => exportAnnotations(ctx, format, target)),
  ];
}

/** The active editor when it shows an article the server analyses; otherwise a message says why not. */
function activeArticle(ctx: CommandContext): { editor: vscode.TextEditor; client: LanguageClient } | undefined {
  const editor = vscode.window.activeTextEditor;
  const client = ctx.client();
  if (!editor || !languageIds().includes(editor.document.languageId)) {
    void vscode.window.showInformationMessage('Article Lens: open an article (.article or .news) first.');
    return undefined;
  }
  if (!client?.isRunning()) {
    void vscode.window.showWarningMessage('Article Lens: the language server is not running. Try “Article Lens: Restart Server”.');
    return undefined;
  }
  return { editor, client };
}

async function gotoQuote(ctx: CommandContext, direction: 1 | -1): Promise<void> {
  const active = activeArticle(ctx);
  if (!active) return;
  const { editor, client } = active;
  const quotes = (await client.sendRequest<QuoteRange[]>(QuotesRequest, { uri: editor.document.uri.toString() }))
    .filter((q) => q.kind !== 'reported')
    .map((q) => client.protocol2CodeConverter.asRange(q.range));
  if (!quotes.length) {
    vscode.window.setStatusBarMessage('Article Lens: no quotes in this article', 3000);
    return;
  }
  // From the selection's start: after Next Quote selects a quote, the cursor sits at its end,
  // and Previous Quote must move to the quote before it, not select the same one again.
  const here = editor.selection.start;
  const next = direction === 1
    ? quotes.find((r) => r.start.isAfter(here)) ?? quotes[0]
    : [...quotes].reverse().find((r) => r.start.isBefore(here)) ?? quotes[quotes.length - 1];
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function exportAnnotations(ctx: CommandContext, format?: 'json' | 'brat', target?: vscode.Uri): Promise<void> {
  const active = activeArticle(ctx);
  if (!active) return;
  const { editor, client } = active;
  if (format !== 'json' && format !== 'brat') {
    const pick = await vscode.window.showQuickPick(
      [
        { label: 'JSON', description: 'entities, quotes with speakers, dates', format: 'json' as const },
        { label: 'brat standoff', description: '.ann, as the annotation guidelines define', format: 'brat' as const },
      ],
      { title: 'Export annotations as' },
    );
    if (!pick) return;
    format = pick.format;
  }
  const doc = editor.document;
  const extension = format === 'json' ? 'json' : 'ann';
  const defaultUri = doc.isUntitled ? undefined : doc.uri.with({ path: doc.uri.path.replace(/(\.[^./]*)?$/, `.${extension}`) });
  target ??= await vscode.window.showSaveDialog({
    defaultUri,
    filters: format === 'json' ? { JSON: ['json'] } : { 'brat standoff': ['ann'] },
    title: 'Export Article Lens annotations',
  });
  if (!target) return;
  const result = await client.sendRequest<ExportResult | null>(ExportRequest, { uri: doc.uri.toString(), format });
  if (!result) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  void vscode.window.showInformationMessage(`Article Lens: annotations exported to ${vscode.workspace.asRelativePath(target)}`);
}
