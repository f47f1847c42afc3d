// The suite's side of the harness extension (test/e2e/harness): requests dropped into a folder
// the extension host watches, answers read back. API-level checks in the real extension host.
import { mkdirSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileAppears } from './wait';

export interface Token { line: number; character: number; length: number; type: string; modifiers: string[]; text: string }
export interface Symbol { name: string; detail?: string; kind: string; children: Symbol[] }
export interface Hover { contents: string[] }
export interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
export interface Located { path: string; range: Range; text: string }
export interface DiagnosticInfo { range: Range; text: string; message: string; code: string | null; severity: string; source: string | null }
export interface CodeLensInfo { range: Range; title: string | null; command: string | null; arguments: unknown[] }
/** A code action as vscode.executeCodeActionProvider gave it, kept in the extension host under `id`. */
export interface CodeActionInfo { id: string; title: string; kind: string | null; isPreferred: boolean; version: number; edits: { path: string; range: Range; newText: string }[] }
export interface WorkspaceSymbolInfo { name: string; kind: string; containerName: string | null; path: string; range: Range }
export interface ActiveEditor { path: string; languageId: string; selection: { start: { line: number; character: number }; end: { line: number; character: number } }; selectedText: string }

export class Harness {
  private next = 0;
  readonly rpc: string;

  constructor(readonly dir: string) {
    this.rpc = join(dir, 'rpc');
    mkdirSync(this.rpc, { recursive: true });
  }

  /** Resolves once the harness extension has activated in the extension host. */
  ready(timeoutMs = 60_000): Promise<string> {
    return fileAppears(join(this.dir, 'harness-ready.json'), timeoutMs);
  }

  async call<T>(op: string, args: Record<string, unknown> = {}, timeoutMs = 20_000): Promise<T> {
    const id = String(++this.next);
    const req = join(this.rpc, `req-${id}.json`);
    writeFileSync(req + '.tmp', JSON.stringify({ op, args }));
    renameSync(req + '.tmp', req);
    const reply = JSON.parse(await fileAppears(join(this.rpc, `res-${id}.json`), timeoutMs).catch((e: Error) => {
      throw new Error(`harness ${op}(${JSON.stringify(args)}): ${e.message}`);
    })) as { ok: boolean; result?: T; error?: string };
    rmSync(req, { force: true });
    if (!reply.ok) throw new Error(`harness ${op} failed: ${reply.error}`);
    return reply.result as T;
  }

  hover = (path: string, line: number, character: number) => this.call<Hover[]>('hover', { path, line, character });
  symbols = (path: string) => this.call<Symbol[]>('symbols', { path });
  tokens = (path: string) => this.call<{ legend: { tokenTypes: string[]; tokenModifiers: string[] } | null; tokens: Token[] }>('tokens', { path });
  activeEditor = () => this.call<ActiveEditor | null>('activeEditor');
  config = <T>(key: string) => this.call<T>('config', { key });
  /** Runs a command; `{ $uri: path }` in args becomes a vscode.Uri. */
  command = <T>(id: string, ...args: unknown[]) => this.call<T>('command', { id, args });

  /** The document's text and version as the extension host has them. */
  text = (path: string) => this.call<{ text: string; version: number; isDirty: boolean }>('text', { path });
  /** vscode.languages.getDiagnostics for the document. */
  diagnostics = (path: string) => this.call<DiagnosticInfo[]>('diagnostics', { path });
  codeLenses = (path: string) => this.call<CodeLensInfo[]>('codeLenses', { path });
  /** vscode.executeCodeActionProvider; each action is kept in the extension host for applyKeptEdit. */
  codeActions = (path: string, range: Range, kind?: string) => this.call<CodeActionInfo[]>('codeActions', { path, range, kind });
  /** workspace.applyEdit with a kept code action's edit. */
  applyKeptEdit = (id: string) => this.call<{ applied: boolean; text: string | null; version: number | null }>('applyKeptEdit', { id });
  /** Inserts text at a position as a user's edit; the document's version after. */
  insert = (path: string, line: number, character: number, text: string) => this.call<number>('insert', { path, line, character, text });
  /** Deletes a range; the document's version after. */
  remove = (path: string, range: Range) => this.call<number>('remove', { path, range });
  definition = (path: string, line: number, character: number) => this.call<Located[]>('definition', { path, line, character });
  references = (path: string, line: number, character: number) => this.call<Located[]>('references', { path, line, character });
  workspaceSymbols = (query: string) => this.call<WorkspaceSymbolInfo[]>('workspaceSymbols', { query });
}
