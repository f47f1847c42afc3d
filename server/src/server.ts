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
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensDeltaParams,
  type SemanticTokensParams,
  type SemanticTokensRangeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleStore, type AnalyzedDocument } from './articles';
import { guarded, shapeOf } from './boundary';
import { documentSymbols } from './features/symbols';
import { hover } from './features/hover';
import { LEGEND, SemanticTokensProvider } from './features/semanticTokens';
import { exportAnnotations, quoteRanges, summary } from './features/article';
import {
  DEFAULT_SETTINGS,
  ExportRequest,
  QuotesRequest,
  SummaryRequest,
  type ArticleParams,
  type ExportParams,
  type ServerSettings,
} from './protocol';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const store = new ArticleStore();
  const tokens = new SemanticTokensProvider();
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;

  connection.onInitialize((params) => {
    canPullConfiguration = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        documentSymbolProvider: { label: 'Article Lens' },
        semanticTokensProvider: { legend: LEGEND, full: { delta: true }, range: true },
      },
      serverInfo: { name: 'Article Lens', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => void loadSettings());
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
    };
    store.setReferenceDate(/^\d{4}-\d{2}-\d{2}$/.test(settings.referenceDate) ? settings.referenceDate : undefined);
    connection.languages.semanticTokens.refresh();
  }

  /** The request's document, analysed at its current version; null once it is closed. */
  const article = (uri: string, token?: CancellationToken): AnalyzedDocument | null => {
    const doc = documents.get(uri);
    if (!doc || token?.isCancellationRequested) return null;
    return store.get(doc);
  };

  documents.onDidClose((e) => {
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

  connection.onHover(safe('hover', null, (p: HoverParams, token) => {
    const a = article(p.textDocument.uri, token);
    return a && hover(a, p.position, token);
  }));
  connection.onDocumentSymbol(safe('documentSymbol', null, (p: DocumentSymbolParams, token) => {
    const a = article(p.textDocument.uri, token);
    return a && documentSymbols(a, token);
  }));
  connection.languages.semanticTokens.on(safe('semanticTokens/full', { data: [] }, (p: SemanticTokensParams, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.full(a, settings.highlight, token) : { data: [] };
  }));
  connection.languages.semanticTokens.onDelta(safe<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta>('semanticTokens/full/delta', { data: [] }, (p, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.delta(a, p.previousResultId, settings.highlight, token) : { data: [] };
  }));
  connection.languages.semanticTokens.onRange(safe('semanticTokens/range', { data: [] }, (p: SemanticTokensRangeParams, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.range(a, p.range, settings.highlight, token) : { data: [] };
  }));
  connection.onRequest(SummaryRequest, safe('summary', null, (p: ArticleParams, token) => {
    const a = article(p.uri, token);
    return a && summary(a);
  }));
  connection.onRequest(QuotesRequest, safe('quotes', [], (p: ArticleParams, token) => {
    const a = article(p.uri, token);
    return a ? quoteRanges(a) : [];
  }));
  connection.onRequest(ExportRequest, safe('export', null, (p: ExportParams, token) => {
    const a = article(p.uri, token);
    return a && exportAnnotations(a, p.format);
  }));

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  // stdio with --stdio, node IPC when started by the VS Code client: createConnection reads argv.
  const connection = createConnection(ProposedFeatures.all);
  // A stray promise rejection must not end the process (Node's default): log it and go on.
  process.on('unhandledRejection', (reason) => connection.console.error(`Article Lens: unhandled rejection: ${String(reason)}`));
  startServer(connection);
}
