// Activation: start the language server, then register the commands and the status bar item.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { SECTION } from './config';
import { RestartPolicy } from './recovery';
import { registerVersionedEdits } from './staleEdits';
import { ArticleStatus } from './statusBar';
import { registerSourcesReport } from './views/report';
import { registerSourcesView } from './views/sourcesView';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Article Lens', { log: true });
  const status = new ArticleStatus(() => client);
  const recovery = new RestartPolicy({
    info: (m) => void vscode.window.showInformationMessage(m),
    error: (m) => void vscode.window.showErrorMessage(m, 'Restart Server').then((pick) => pick && vscode.commands.executeCommand('articleLens.restartServer')),
    log: (m) => output.warn(m),
  });

  // The Sources view (Explorer) and the sources report (webview).
  const sources = registerSourcesView(() => client);
  context.subscriptions.push(registerVersionedEdits(), ...sources.disposables, ...registerSourcesReport(context.extensionUri, () => client, () => sources.view.article));

  const start = async () => {
    client = createClient(context, output, recovery);
    await client.start();
    status.schedule(0);
    sources.view.schedule(0);
  };
  const restart = async () => {
    recovery.reset();
    const old = client;
    client = undefined;
    await old?.stop().catch((e: unknown) => output.error(`Stopping the server failed: ${String(e)}`));
    await start();
  };

  context.subscriptions.push(
    output,
    status,
    ...registerCommands({ client: () => client, restart }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a new language id needs a restart.
      if (e.affectsConfiguration(`${SECTION}.languages`)) void restart();
    }),
    { dispose: () => void client?.stop() },
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
