// Starting and stopping the language server (dist/server.js, over node IPC).
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/launch';
import { languageIds, SECTION } from './config';
import type { RestartPolicy } from './recovery';
import { versionedEditsMiddleware } from './staleEdits';

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, recovery: RestartPolicy): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  // V8's code cache for the server, kept in the extension's own storage: starts after the
  // first are quicker (server/src/codeCache.ts).
  const storage = context.globalStorageUri;
  const args = storage.scheme === 'file' ? ['--code-cache-dir', vscode.Uri.joinPath(storage, 'code-cache').fsPath] : [];
  const serverOptions: ServerOptions = {
    // The environment is added to the editor's own (vscode-languageclient merges the two).
    run: { module, transport: TransportKind.ipc, args, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, args, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'], env: { ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: the server reads documents through the editor, so articles in virtual
    // workspaces and unsaved editors are analysed like files on disk.
    documentSelector: languageIds().map((language) => ({ language })),
    synchronize: { configurationSection: SECTION },
    outputChannel: output,
    middleware: versionedEditsMiddleware,
    errorHandler: {
      error: (error, _message, count) => ({
        action: recovery.onConnectionError(error.message, count) === 'continue' ? ErrorAction.Continue : ErrorAction.Shutdown,
        handled: true,
      }),
      closed: () => ({ action: recovery.onServerDied() === 'restart' ? CloseAction.Restart : CloseAction.DoNotRestart, handled: true }),
    },
  };
  return new LanguageClient('articleLens', 'Article Lens', serverOptions, clientOptions);
}
