// The language server: wiring only. Each request is handed to its feature with the document's
// current annotations; no analysis or LSP mapping happens here.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type DocumentSymbolParams,
  type HoverParams,
  type Position,
  type Range,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensDeltaParams,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleStore, type AnalyzedDocument } from './articles';
import { typing, warmUpNow, warmUpTyping, warmUpWhileIdle } from './warmUp';
import type { Annotations, Span } from './analysis/model';
import { poolBackground } from './workers/documents';
import { createAnalysisPool, type AnalysisPool } from './workers/pool';
import { guarded, shapeOf } from './boundary';
import { CODE_CACHE_AFTER_MS, type CodeCache } from './codeCache';
import { documentSymbols } from './features/symbols';
import { hover } from './features/hover';
import { LEGEND, SemanticTokensProvider } from './features/semanticTokens';
import { exportAnnotations, quoteRanges, summary } from './features/article';
import { sources } from './features/sources';
import { SourcesRequest } from './protocol';
import {
  DEFAULT_SETTINGS,
  ExportRequest,
  QuotesRequest,
  SummaryRequest,
  type ArticleParams,
  type ExportParams,
  type ServerSettings,
} from './protocol';
// Issue 5 (navigate, check, code lens): see the block at the end of startServer.
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  type CodeActionParams,
  type CodeLensParams,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type ServerCapabilities,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver/node';
import { definition } from './features/definition';
import { references } from './features/references';
import { documentHighlights } from './features/highlight';
import { prepareRename, rename, tooLargeToRename } from './features/rename';
import { workspaceSymbols } from './features/workspaceSymbols';
import { pullDiagnostics } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { codeLenses } from './features/codeLens';
import { WATCH_PATTERNS, WorkspaceIndex } from './workspaceIndex';
import { diagnosticLevels } from './protocol';

export interface StartOptions {
  /** The code cache the server was loaded through (start.ts), saved once it has done its first work. */
  codeCache?: CodeCache;
  /**
   * Subscribes to the transport's arrivals: the listener is called as bytes or a message reach
   * the process, before the connection has read them (see `main`).
   */
  onArrival?: (listener: () => void) => void;
}

export function startServer(connection: Connection, options: StartOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const pool = startPool(connection);
  const store = new ArticleStore(pool && poolBackground(pool));
  const tokens = new SemanticTokensProvider();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canShowProgress = false;

  connection.onInitialize((params) => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    canShowProgress = !!params.capabilities.window?.workDoneProgress;
    // The one-time set-up of the analysis (compromise's first call, the word lists, the date
    // patterns' compilation: about 0.1 s) belongs to the server's start, not to the first
    // screen of the first article.
    warmUpNow();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Article Lens' },
        semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true },
        ...navigateCapabilities(params),
      },
      serverInfo: { name: 'Article Lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // The first article should not pay for compromise's set-up and cold code.
    warmUpWhileIdle(() => documents.all().length === 0, undefined, undefined, (e) => connection.console.warn(`Article Lens: warming up failed: ${e.message}`));
    void loadSettings();
    navigateInitialized();
    const { codeCache } = options;
    if (codeCache?.used) connection.console.log(`Article Lens: started from the code cache (${codeCache.file})`);
    if (codeCache?.file && !codeCache.used) {
      setTimeout(() => {
        try {
          const bytes = codeCache.save();
          if (bytes) connection.console.log(`Article Lens: saved the code cache for later starts (${Math.round(bytes / 1024)} KB, ${codeCache.file})`);
        } catch (e) {
          connection.console.warn(`Article Lens: could not save the code cache: ${(e as Error).message}`);
        }
      }, CODE_CACHE_AFTER_MS).unref();
    }
  });
  connection.onDidChangeConfiguration(() => void loadSettings());

  async function loadSettings(): Promise<void> {
    if (!canPullConfiguration) return;
    let raw: Partial<ServerSettings> | null;
    try {
      raw = (await connection.workspace.getConfiguration('articleLens')) as Partial<ServerSettings> | null;
    } catch (e) {
      connection.console.error(`Article Lens: could not read settings, keeping the previous ones: ${String(e)}`);
      return;
    }
    settings = {
      highlight: { ...DEFAULT_SETTINGS.highlight, ...(raw?.highlight ?? {}) },
      referenceDate: typeof raw?.referenceDate === 'string' ? raw.referenceDate : '',
      diagnostics: diagnosticLevels(raw?.diagnostics),
      maxDocumentSize: typeof raw?.maxDocumentSize === 'number' && raw.maxDocumentSize > 0 ? raw.maxDocumentSize : DEFAULT_SETTINGS.maxDocumentSize,
    };
    store.setReferenceDate(/^\d{4}-\d{2}-\d{2}$/.test(settings.referenceDate) ? settings.referenceDate : undefined);
    store.setMaxDocumentSize(settings.maxDocumentSize);
    connection.languages.semanticTokens.refresh();
    refreshDiagnostics();
  }

  const spanOf = (doc: TextDocument, focus: Range | Position): Span => {
    const range = 'start' in focus ? focus : { start: focus, end: focus };
    const lines = store.linesOf(doc);
    return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
  };
  /**
   * The request's document analysed whole at its current version, once that is ready (over the
   * size limit: the paragraphs around `focus`); null once it is closed or the request cancelled.
   */
  const article = async (uri: string, token?: CancellationToken, focus?: Range | Position): Promise<AnalyzedDocument | null> => {
    const doc = documents.get(uri);
    if (!doc || token?.isCancellationRequested) return null;
    return store.whole(doc, token, focus && spanOf(doc, focus));
  };
  /**
   * What can be answered at once about a place: the whole analysis if ready, else the
   * paragraphs around `focus`, or (`quick`) a patch of the last answer while typing.
   */
  const atOnce = (uri: string, token: CancellationToken, focus?: Range | Position, quick = false): AnalyzedDocument | undefined => {
    const doc = documents.get(uri);
    if (!doc || token.isCancellationRequested) return undefined;
    return store.answer(doc, focus && spanOf(doc, focus), quick);
  };
  // Highlighting may use a quicker answer (a patch while typing, the paragraphs on screen while
  // a long article is analysed); once the full analysis is ready, the editor is asked again.
  store.onRefined = () => {
    connection.languages.semanticTokens.refresh();
    refreshDiagnostics();
  };
  store.onError = (uri, e) => connection.console.error(`Article Lens: the background analysis failed on ${shapeOf({ uri }, size)}: ${e.message}`);
  // A long article's paragraphs are cached here once it is open: the reader is reading, so the
  // first time, the code that answers keystrokes in it is warmed up before anyone types, by
  // typing into a copy of it (a made-up article until one is analysed whole).
  let warmedForTyping: 'not yet' | 'made-up' | 'article' = 'not yet';
  store.onPrimed = (article) => {
    if (warmedForTyping === 'article' || (warmedForTyping === 'made-up' && !article)) return;
    warmedForTyping = article ? 'article' : 'made-up';
    warmUpTyping(typing(undefined, article), (e) => connection.console.warn(`Article Lens: warming up for typing failed: ${e.message}`));
  };
  // Work-done progress for a background analysis that takes a while (the first report comes
  // after some time, so a quick one shows nothing).
  store.onProgress = (uri) => {
    if (!canShowProgress) return undefined;
    const name = decodeURIComponent(uri.replace(/^.*[/:]/, '')) || uri;
    const reporter = connection.window.createWorkDoneProgress().then((r) => {
      r.begin(`Article Lens: analysing ${name}`, 0, undefined, false);
      return r;
    }).catch(() => undefined);
    let last = -1;
    return {
      report: ({ done, total }) => {
        const percentage = total ? Math.floor((100 * done) / total) : 0;
        if (percentage === last) return;
        last = percentage;
        void reporter.then((r) => r?.report(percentage, `${percentage}% of the paragraphs`));
      },
      end: () => void reporter.then((r) => r?.done()),
    };
  };
  // Over the size limit: said once per document, in the log and to the user.
  const toldOverLimit = new Set<string>();
  store.onOverLimit = (uri, size, limit) => {
    if (toldOverLimit.has(uri)) return;
    toldOverLimit.add(uri);
    const message = `Article Lens: this article is ${size.toLocaleString('en')} characters, over the ${limit.toLocaleString('en')} limit (articleLens.maxDocumentSize); only the part you look at is analysed.`;
    connection.console.warn(`${message} (${shapeOf({ uri })})`);
    void connection.window.showWarningMessage(message);
  };

  documents.onDidOpen((e) => store.opened(e.document));
  documents.onDidChangeContent((e) => {
    store.changed(e.document);
    index.holdOff();
  });
  documents.onDidClose((e) => {
    toldOverLimit.delete(e.document.uri);
    store.forget(e.document.uri);
    tokens.forget(e.document.uri);
  });

  // Every request goes through the error boundary: logged by shape, answered empty.
  const size = (uri: string) => {
    const d = documents.get(uri);
    return d && { version: d.version, length: d.getText().length, lines: d.lineCount };
  };
  const describe = (p: unknown) => shapeOf(p, size);
  const safe = <P, R>(name: string, fallback: R, handler: (p: P, token: CancellationToken) => R) =>
    guarded<P, R>(name, connection.console, describe, fallback, handler);
  /** `safe` for a handler that answers with a promise: a rejection is logged and answered empty. */
  const safeAsync = <P, R>(name: string, fallback: R, handler: (p: P, token: CancellationToken) => Promise<R>) =>
    safe<P, Promise<R>>(name, Promise.resolve(fallback), (p, token) => handler(p, token).catch((e) => {
      connection.console.error(`Article Lens: ${name} failed on ${describe(p)}. Answered empty. ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }));

  // Hover and the tokens on screen are answered at once, from the paragraphs around them if
  // the whole article is not analysed yet; the rest wait for the whole.
  connection.onHover(safe('hover', null, (p: HoverParams, token) => {
    const a = atOnce(p.textDocument.uri, token, p.position, true);
    return a ? hover(a, p.position, token) : null;
  }));
  connection.onDocumentSymbol(safeAsync('documentSymbol', null, async (p: DocumentSymbolParams, token) => {
    const a = await article(p.textDocument.uri, token);
    return a && documentSymbols(a, token);
  }));
  connection.languages.semanticTokens.on(safeAsync('semanticTokens/full', { data: [] }, async (p: SemanticTokensParams, token) => {
    const a = atOnce(p.textDocument.uri, token, undefined, true) ?? await article(p.textDocument.uri, token);
    return a && !token.isCancellationRequested ? tokens.full(a, settings.highlight, token) : { data: [] };
  }));
  connection.languages.semanticTokens.onDelta(safeAsync<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta>('semanticTokens/full/delta', { data: [] }, async (p, token) => {
    const a = atOnce(p.textDocument.uri, token, undefined, true) ?? await article(p.textDocument.uri, token);
    return a && !token.isCancellationRequested ? tokens.delta(a, p.previousResultId, settings.highlight, token) : { data: [] };
  }));
  connection.languages.semanticTokens.onRange(safe('semanticTokens/range', { data: [] }, (p: SemanticTokensRangeParams, token) => {
    const a = atOnce(p.textDocument.uri, token, p.range, true);
    return a ? tokens.range(a, p.range, settings.highlight, token) : { data: [] };
  }));
  connection.onRequest(SummaryRequest, safeAsync('summary', null, async (p: ArticleParams, token) => {
    const a = await article(p.uri, token);
    return a && summary(a);
  }));
  connection.onRequest(QuotesRequest, safeAsync('quotes', [], async (p: ArticleParams, token) => {
    const a = await article(p.uri, token);
    return a ? quoteRanges(a) : [];
  }));
  connection.onRequest(ExportRequest, safeAsync('export', null, async (p: ExportParams, token) => {
    const a = await article(p.uri, token);
    return a && exportAnnotations(a, p.format);
  }));

  // The Sources view and report.
  connection.onRequest(SourcesRequest, safeAsync('sources', null, async (p: ArticleParams, token) => {
    const a = await article(p.uri, token);
    return a && sources(a, token);
  }));

  // ---- Issue 5: navigate (definition, references, highlight, rename, workspace symbols),
  // check (pull diagnostics and their quick fixes) and the article's code lens. ----------------
  let client: InitializeParams['capabilities'] = {};
  const index = new WorkspaceIndex({
    log: (message) => connection.console.error(message),
    progress: () => connection.window.createWorkDoneProgress(),
    maxChars: () => settings.maxDocumentSize,
    // The index is background work and keeps one thread fewer busy than the pool has: this
    // thread, answering the reader, keeps a core, and a long article opened meanwhile finds a
    // thread free for its own analysis.
    ...(pool ? { analyze: (text: string) => pool.run({ kind: 'document', text }) as Promise<Annotations>, concurrency: Math.max(1, pool.size - 1) } : {}),
  });

  function navigateCapabilities(params: InitializeParams): ServerCapabilities {
    client = params.capabilities ?? {};
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    index.setFolders(folders);
    return {
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: client.textDocument?.rename?.prepareSupport ? { prepareProvider: true } : true,
      workspaceSymbolProvider: true,
      diagnosticProvider: { identifier: 'articleLens', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      codeLensProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
  }

  function navigateInitialized(): void {
    if (client.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCH_PATTERNS.map((globPattern) => ({ globPattern })) })
        .catch((e) => connection.console.error(`Article Lens: could not watch the workspace's articles: ${String(e)}`));
    }
    if (client.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => index.changeFolders(e.added.map((f) => f.uri), e.removed.map((f) => f.uri)));
    }
    // Lazily, once the editor is up: the workspace is read in the background.
    setTimeout(() => index.start(), 500);
  }

  function refreshDiagnostics(): void {
    if (!client.workspace?.diagnostics?.refreshSupport) return;
    connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  const documentChanges = () => !!client.workspace?.workspaceEdit?.documentChanges;
  connection.onDefinition(safeAsync('definition', null, async (p: TextDocumentPositionParams, token) => {
    const a = await article(p.textDocument.uri, token, p.position);
    return a && definition(a, p, token);
  }));
  connection.onReferences(safeAsync('references', [], async (p: ReferenceParams, token) => {
    const a = await article(p.textDocument.uri, token, p.position);
    return a ? references(a, p, token) : [];
  }));
  connection.onDocumentHighlight(safeAsync('documentHighlight', [], async (p: TextDocumentPositionParams, token) => {
    const a = await article(p.textDocument.uri, token, p.position);
    return a ? documentHighlights(a, p, token) : [];
  }));
  connection.onPrepareRename(safeAsync('prepareRename', null, async (p: PrepareRenameParams, token) => {
    const a = await article(p.textDocument.uri, token, p.position);
    return a && (a.window ? tooLargeToRename() : prepareRename(a, p, token));
  }));
  connection.onRenameRequest(safeAsync('rename', null, async (p: RenameParams, token) => {
    const a = await article(p.textDocument.uri, token, p.position);
    return a && (a.window ? tooLargeToRename() : rename(a, p, token, { documentChanges: documentChanges() }));
  }));
  connection.onWorkspaceSymbol(safeAsync('workspace/symbol', [] as SymbolInformation[], async (p: WorkspaceSymbolParams, token) => {
    await index.ready(token);
    // An open article still being analysed in the background is searched as saved on disk.
    const open = documents.all().filter((d) => !store.isOverLimit(d)).map((d) => store.answer(d));
    return workspaceSymbols(index.articles(open.filter((a): a is AnalyzedDocument => !!a && !a.window)), p, token);
  }));
  connection.onDidChangeWatchedFiles((p: DidChangeWatchedFilesParams) => {
    try {
      index.filesChanged(p.changes ?? []);
    } catch (e) {
      connection.console.error(`Article Lens: could not take in changed files: ${String(e)}`);
    }
  });
  connection.languages.diagnostics.on(safeAsync<DocumentDiagnosticParams, DocumentDiagnosticReport>('diagnostic', { kind: 'full', items: [] }, async (p, token) => {
    const a = await article(p.textDocument.uri, token);
    // Over the size limit only a window is analysed: checks on part of an article would mislead.
    return a && !a.window ? pullDiagnostics(a, p, token, settings.diagnostics) : { kind: 'full', items: [] };
  }));
  connection.onCodeAction(safeAsync('codeAction', [], async (p: CodeActionParams, token) => {
    const a = await article(p.textDocument.uri, token, p.range);
    return a && !a.window ? codeActions(a, p, token, { documentChanges: documentChanges(), levels: settings.diagnostics }) : [];
  }));
  connection.onCodeLens(safeAsync('codeLens', [], async (p: CodeLensParams, token) => {
    const a = await article(p.textDocument.uri, token);
    return a ? codeLenses(a, p, token) : [];
  }));
  // ---- end of issue 5 ----------------------------------------------------------------------

  documents.listen(connection);
  connection.listen();
  // Once the connection listens: its reader is then the input's first listener, and this one
  // only hears that something arrived.
  options.onArrival?.(() => store.messageArriving());
}

/**
 * The threads long documents and the workspace's articles are analysed on; without the
 * bundled worker (say, a broken install), everything runs on this thread, with a note in the log.
 */
function startPool(connection: Connection): AnalysisPool | undefined {
  try {
    // Idle threads stop after a while and give their memory back. Their young generation is
    // held to 12 MB (4 MB semi-spaces, where V8 would grow them to 16 MB): an article's
    // analysis keeps most of what it makes, so a larger one mostly holds memory (launch.ts).
    return createAnalysisPool({ idleTimeoutMs: 5 * 60_000, resourceLimits: { maxYoungGenerationSizeMb: 12 } });
  } catch (e) {
    connection.console.warn(`Article Lens: analysing long articles on the server's own thread: ${(e as Error).message}`);
    return undefined;
  }
}

/** Starts the server on the connection the process was started with (start.ts calls this). */
export function main(options: StartOptions = {}): void {
  // stdio with --stdio, node IPC when started by the VS Code client: createConnection reads argv.
  const connection = createConnection(ProposedFeatures.all);
  // A stray promise rejection must not end the process (Node's default): log it and go on.
  process.on('unhandledRejection', (reason) => connection.console.error(`Article Lens: unhandled rejection: ${String(reason)}`));
  startServer(connection, { ...options, onArrival: arrivals(process.argv) });
}

/** The parts of `process` a transport's arrivals are heard on. */
interface Transports {
  stdin: { on(event: 'data', listener: () => void): unknown };
  on(event: 'message', listener: () => void): unknown;
}

/** How to hear a message arrive on the transport createConnection chose from `argv` (sockets and pipes: not heard). */
export function arrivals(argv: readonly string[], transports: Transports = process): StartOptions['onArrival'] {
  if (argv.includes('--stdio')) return (listener) => void transports.stdin.on('data', listener);
  if (argv.includes('--node-ipc')) return (listener) => void transports.on('message', listener);
  return undefined;
}

// dist/server-core.js run directly: as dist/server.js, without a code cache.
if (require.main === module) main();
