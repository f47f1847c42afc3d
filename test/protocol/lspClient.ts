// A minimal LSP client for the protocol tests: starts dist/server.js over stdio and speaks to
// it with real JSON-RPC messages, as an editor does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
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
  stop(): Promise<void>;
}

export async function startServer(settings: Record<string, unknown> = {}, nodeArgs: string[] = []): Promise<TestServer> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const server = { connection, process: child, settings } as TestServer;
  connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map(() => server.settings));
  let refreshed: (() => void)[] = [];
  server.nextRefresh = () => new Promise((resolve) => refreshed.push(resolve));
  connection.onRequest('workspace/semanticTokens/refresh', () => {
    const waiting = refreshed;
    refreshed = [];
    for (const resolve of waiting) resolve();
    return null;
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  const init = await connection.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {
      workspace: { configuration: true, semanticTokens: { refreshSupport: true } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
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
