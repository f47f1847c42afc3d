// The LSP client of the protocol tests: starts dist/server.js over stdio and speaks to it with
// real JSON-RPC messages, as an editor does, recording what the server asks of it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/launch';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type Position,
  type ProtocolConnection,
  type Registration,
  type SemanticTokensLegend,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '../../dist/server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: ChildProcess;
  capabilities: InitializeResult['capabilities'];
  legend: SemanticTokensLegend;
  /** What the server gets when it asks for `workspace/configuration` of `articleLens`. */
  settings: Record<string, unknown>;
  /** Resolves at the server's next `workspace/semanticTokens/refresh`: it sends one once it has (re)loaded settings. */
  nextRefresh(): Promise<void>;
  /** What the server asked of the client: watcher registrations, progress, diagnostics refreshes. */
  registrations: Registration[];
  progress: { token: unknown; value: { kind: string; title?: string; message?: string; percentage?: number } }[];
  diagnosticRefreshes: number;
  /** What the server wrote to the editor's log (window/logMessage), in order. */
  logs: string[];
  open(uri: string, text: string, version?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Folder paths opened as the workspace. */
  folders?: string[];
  /** Declare `workspace.workspaceEdit.documentChanges` (default true). */
  documentChanges?: boolean;
  /** Arguments for node before the server's script (e.g. `--require` a preload). */
  nodeArgs?: string[];
  /** Arguments for the server after `--stdio` (e.g. `--code-cache-dir DIR`). */
  serverArgs?: string[];
}

/**
 * Starts dist/server.js with the Node flags and environment the client starts it with
 * (server/src/launch.ts) and initializes it as an editor would, declaring the client
 * capabilities the features depend on (versioned edits, prepare rename, dynamic file watching,
 * work-done progress, pull diagnostics, semantic tokens with refresh).
 */
export async function startServer(settings: Record<string, unknown> = {}, options: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...(options.nodeArgs ?? []), SERVER, '--stdio', ...(options.serverArgs ?? [])], { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...SERVER_ENV } });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server = { connection, process: child, settings, registrations: [], progress: [], diagnosticRefreshes: 0, logs: [] } as unknown as TestServer;
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
  connection.onNotification('$/progress', (p: TestServer['progress'][number]) => {
    server.progress.push(p);
  });
  connection.onNotification('window/logMessage', (p: { message: string }) => {
    server.logs.push(p.message);
  });
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
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        rename: { prepareSupport: true },
        diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        codeLens: {},
        publishDiagnostics: { relatedInformation: true },
        semanticTokens: {
          requests: { full: { delta: true }, range: true },
          tokenTypes: [], tokenModifiers: [], formats: ['relative'],
        },
      },
    },
  });
  server.capabilities = init.capabilities;
  server.legend = (init.capabilities.semanticTokensProvider as { legend: SemanticTokensLegend }).legend;
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

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

export function decodeTokens(data: number[], legend: SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({
      line, character, length: data[i + 2],
      type: legend.tokenTypes[data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b)),
    });
  }
  return out;
}

/** The text a token covers, read from the document the way an editor would (lines split on CRLF, LF, CR). */
export function tokenText(text: string, t: DecodedToken): string {
  const line = text.split(/\r\n|\n|\r/)[t.line];
  return line.slice(t.character, t.character + t.length);
}
