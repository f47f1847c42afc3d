// An LSP client for the navigate and check suites: like lspClient.ts, but it opens a workspace
// folder, declares the client capabilities those features depend on (versioned edits, prepare
// rename, dynamic file watching, work-done progress, diagnostics refresh) and records what the
// server asks of it: watcher registrations, progress and diagnostics refreshes.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type Position,
  type Registration,
} from 'vscode-languageserver-protocol/node';
import { SERVER, type TestServer } from './lspClient';

export interface WorkspaceServer extends TestServer {
  registrations: Registration[];
  /** `$/progress` values in the order they came. */
  progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[];
  diagnosticRefreshes: number;
  open(uri: string, text: string, version?: number): Promise<void>;
}

export interface WorkspaceOptions {
  settings?: Record<string, unknown>;
  /** Folder paths opened as the workspace. */
  folders?: string[];
  /** Declare `workspace.workspaceEdit.documentChanges` (default true). */
  documentChanges?: boolean;
}

export async function startWorkspaceServer(options: WorkspaceOptions = {}): Promise<WorkspaceServer> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server = { connection, process: child, settings: options.settings ?? {}, registrations: [], progress: [], diagnosticRefreshes: 0 } as unknown as WorkspaceServer;
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => server.settings));
  let refreshed: (() => void)[] = [];
  server.nextRefresh = () => new Promise((resolve) => refreshed.push(resolve));
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    const waiting = refreshed;
    refreshed = [];
    for (const resolve of waiting) resolve();
    return null;
  });
  connection.onRequest('workspace/diagnostic/refresh', () => {
    server.diagnosticRefreshes++;
    return null;
  });
  connection.onRequest('client/registerCapability', (p: { registrations: Registration[] }) => {
    server.registrations.push(...p.registrations);
    return null;
  });
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (p: WorkspaceServer['progress'][number]) => {
    server.progress.push(p);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  const folders = (options.folders ?? []).map((path, i) => ({ uri: pathToFileURL(path).href, name: `folder${i}` }));
  const init = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: folders[0]?.uri ?? null,
    workspaceFolders: folders.length ? folders : null,
    capabilities: {
      window: { workDoneProgress: true },
      workspace: {
        configuration: true,
        workspaceFolders: true,
        semanticTokens: { refreshSupport: true },
        diagnostics: { refreshSupport: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: options.documentChanges ?? true },
        symbol: {},
      },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        rename: { prepareSupport: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        codeLens: {},
        publishDiagnostics: { relatedInformation: true },
      },
    },
  });
  server.capabilities = init.capabilities;
  await connection.sendNotification('initialized', {});
  server.open = (uri, text, version = 1) =>
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text } });
  server.stop = async () => {
    try {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } catch { /* already gone */ }
    connection.dispose();
    child.kill();
  };
  return server;
}

/** Line and character of the n-th occurrence of `needle` in `text` (plus `offset` units), in UTF-16 units. */
export function positionOf(text: string, needle: string, nth = 0, offset = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} (#${nth}) not in text`);
  }
  const before = text.slice(0, at + offset).split(/\r\n|\n|\r/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The text a range covers, read the way an editor would (lines split on CRLF, LF, CR). */
export function textAt(text: string, range: { start: Position; end: Position }): string {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}
