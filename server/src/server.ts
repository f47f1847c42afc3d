// The language server: wiring only. Each request is handed to its feature with the document's
// current annotations; no analysis or LSP mapping happens here.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ArticleStore, type AnalyzedDocument } from './articles';
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
    const raw = (await connection.workspace.getConfiguration('articleLens')) as Partial<ServerSettings> | null;
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

  connection.onHover((p, token) => {
    const a = article(p.textDocument.uri, token);
    return a && hover(a, p.position, token);
  });
  connection.onDocumentSymbol((p, token) => {
    const a = article(p.textDocument.uri, token);
    return a && documentSymbols(a, token);
  });
  connection.languages.semanticTokens.on((p, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.full(a, settings.highlight, token) : { data: [] };
  });
  connection.languages.semanticTokens.onDelta((p, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.delta(a, p.previousResultId, settings.highlight, token) : { data: [] };
  });
  connection.languages.semanticTokens.onRange((p, token) => {
    const a = article(p.textDocument.uri, token);
    return a ? tokens.range(a, p.range, settings.highlight, token) : { data: [] };
  });
  connection.onRequest(SummaryRequest, (p: ArticleParams, token) => {
    const a = article(p.uri, token);
    return a && summary(a);
  });
  connection.onRequest(QuotesRequest, (p: ArticleParams, token) => {
    const a = article(p.uri, token);
    return a ? quoteRanges(a) : [];
  });
  connection.onRequest(ExportRequest, (p: ExportParams, token) => {
    const a = article(p.uri, token);
    return a && exportAnnotations(a, p.format);
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  // stdio with --stdio, node IPC when started by the VS Code client: createConnection reads argv.
  startServer(createConnection(ProposedFeatures.all));
}
