// Random and adversarial articles and edit sequences, sent over LSP to dist/server.js. After
// every step the server must still answer, every range it returns must be valid for that
// version of the text, and semantic tokens must be sorted and never overlap. fast-check prints
// the seed and path of any failure so it replays: FUZZ_SEED=… FUZZ_PATH=… npm test.
// FUZZ_RUNS sets how many documents (the default keeps `npm test` short; `npm run fuzz` runs long).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction, CodeLens, Diagnostic, DocumentDiagnosticReport, DocumentHighlight, DocumentSymbol, Hover, Location, Range, SemanticTokens,
  SymbolInformation, TextDocumentEdit, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './lspClient';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);

/** Pieces of text that stress the analysis: quotes of every kind, names, dates, line breaks, odd Unicode. */
const fragment = fc.oneof(
  fc.constantFrom(
    '“', '”', '‘', '’', '"', "'", '«', '»', '„', '“Yes,” he said, “we will.”', '‘US military presence’',
    'Qais al-Khazali', 'Khazali', 'the IRGC', 'Islamic Revolution Guards Corps (IRGC)', 'Ain al-Asad', 'President Donald Trump',
    'January 3, 2020', 'Tuesday night', 'two days after the attack', 'last week', '2020-01-10',
    ' said ', ' told reporters that ', 'according to the Pentagon, ', '. ', ', ', ' ',
    '\n', '\r\n', '\r', '\n\n', '---\n', 'date: 2020-01-10\n', 'title: x\n',
    '😀', '𝐁aghdad', 'e\u0301', '\u200b', '\u200d', '\u202e', 'قال الرئيس', 'ראש הממשלה', '\uD800', '\uDC00', '\u0000', '\uFEFF',
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const articleText = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(''));

/** An edit as fractions of the current text, so it applies to whatever the text is by then. */
const edit = fc.record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 40 }), insert: articleText });

function positionValid(doc: TextDocument, p: { line: number; character: number }): boolean {
  if (p.line < 0 || p.line >= doc.lineCount || p.character < 0) return false;
  const lineText = doc.getText({ start: { line: p.line, character: 0 }, end: { line: p.line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
  return p.character <= lineText.length;
}

function rangeValid(doc: TextDocument, r: Range): boolean {
  return positionValid(doc, r.start) && positionValid(doc, r.end)
    && (r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character));
}

function checkTokens(doc: TextDocument, data: number[]): void {
  assert.equal(data.length % 5, 0);
  let line = 0;
  let ch = 0;
  let prevEnd = -1;
  let prevLine = -1;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const len = data[i + 2];
    assert.ok(len > 0, 'empty token');
    assert.ok(rangeValid(doc, { start: { line, character: ch }, end: { line, character: ch + len } }), `token ${line}:${ch}+${len} outside the text`);
    if (line === prevLine) assert.ok(ch >= prevEnd, `tokens overlap at ${line}:${ch}`);
    prevLine = line;
    prevEnd = ch + len;
  }
}

function checkSymbols(doc: TextDocument, symbols: DocumentSymbol[]): void {
  for (const s of symbols) {
    assert.ok(rangeValid(doc, s.range) && rangeValid(doc, s.selectionRange), `symbol ${s.name} outside the text`);
    checkSymbols(doc, s.children ?? []);
  }
}

/** A workspace edit's text edits for `doc`: valid ranges, and the version it names is the document's. */
function checkEdit(doc: TextDocument, edit: WorkspaceEdit | null | undefined, what: string): void {
  if (!edit) return;
  const lists: TextEdit[][] = [];
  for (const change of (edit.documentChanges ?? []) as TextDocumentEdit[]) {
    assert.equal(change.textDocument.uri, doc.uri, `${what} edits another document`);
    assert.equal(change.textDocument.version, doc.version, `${what} names a stale version`);
    lists.push(change.edits as TextEdit[]);
  }
  for (const [u, edits] of Object.entries(edit.changes ?? {})) {
    assert.equal(u, doc.uri, `${what} edits another document`);
    lists.push(edits);
  }
  for (const edits of lists) for (const e of edits) assert.ok(rangeValid(doc, e.range), `${what} edit outside the text`);
}

/** A refusal must be a deliberate one (RequestFailed with a message), never an internal error. */
async function answerOrRefusal<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    const err = e as { code?: number; message?: string };
    assert.equal(err.code, -32803, `unexpected error ${err.code}: ${err.message}`);
    assert.ok(err.message);
    return null;
  }
}

/** Definition, references, highlight, rename, diagnostics, quick fixes, code lens and workspace symbols at `position`. */
async function probeNavigation(c: TestServer['connection'], doc: TextDocument, position: { line: number; character: number }): Promise<void> {
  const uri = doc.uri;
  const at = { textDocument: { uri }, position };
  const definition = await c.sendRequest<Location | null>('textDocument/definition', at);
  if (definition) assert.ok(definition.uri === uri && rangeValid(doc, definition.range), 'definition outside the text');
  const refs = await c.sendRequest<Location[]>('textDocument/references', { ...at, context: { includeDeclaration: true } });
  for (const r of refs) assert.ok(r.uri === uri && rangeValid(doc, r.range), 'reference outside the text');
  const highlights = await c.sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', at);
  for (const h of highlights) assert.ok(rangeValid(doc, h.range), 'highlight outside the text');
  assert.equal(highlights.length, refs.length, 'highlights and references disagree');
  const prepared = await answerOrRefusal(c.sendRequest<{ range: Range; placeholder: string } | null>('textDocument/prepareRename', at));
  if (prepared) assert.ok(rangeValid(doc, prepared.range), 'prepareRename range outside the text');
  checkEdit(doc, await answerOrRefusal(c.sendRequest<WorkspaceEdit | null>('textDocument/rename', { ...at, newName: 'Renamed Name' })), 'rename');
  const report = await c.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
  const diagnostics: Diagnostic[] = report.kind === 'full' ? report.items : [];
  for (const d of diagnostics) {
    assert.ok(rangeValid(doc, d.range), `diagnostic ${String(d.code)} outside the text`);
    for (const r of d.relatedInformation ?? []) assert.ok(rangeValid(doc, r.location.range), `related information of ${String(d.code)} outside the text`);
  }
  const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
  const actions = await c.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } });
  for (const a of actions) checkEdit(doc, a.edit, `quick fix “${a.title}”`);
  const lenses = await c.sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  for (const l of lenses) assert.ok(rangeValid(doc, l.range), 'code lens outside the text');
  const symbols = await c.sendRequest<SymbolInformation[]>('workspace/symbol', { query: '' });
  for (const s of symbols) if (s.location.uri === uri) assert.ok(rangeValid(doc, s.location.range), `workspace symbol ${s.name} outside the text`);
}

describe('fuzzing the server over LSP', function () {
  this.timeout(10 * 60_000);
  let server: TestServer;
  let n = 0;

  before(async () => { server = await startServer(); });
  after(() => server.stop());

  it(`stays alive and answers valid ranges for ${RUNS} random articles and edit sequences`, async () => {
    const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
    await fc.assert(
      fc.asyncProperty(articleText, fc.array(edit, { maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), async (text, edits, where) => {
        const uri = `untitled:fuzz-${++n}.article`;
        let doc = TextDocument.create(uri, 'article', 1, text);
        const c = server.connection;
        await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
        const probe = async () => {
          const full = await c.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
          checkTokens(doc, full.data);
          const whole = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
          const ranged = await c.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: whole });
          checkTokens(doc, ranged.data);
          const position = doc.positionAt(Math.floor(where * doc.getText().length));
          const hover = await c.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
          if (hover?.range) assert.ok(rangeValid(doc, hover.range), 'hover range outside the text');
          const symbols = await c.sendRequest<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
          checkSymbols(doc, symbols ?? []);
          await probeNavigation(c, doc, position);
        };
        await probe();
        for (const e of edits) {
          const length = doc.getText().length;
          const start = Math.floor(e.from * length);
          const range = { start: doc.positionAt(start), end: doc.positionAt(Math.min(length, start + e.length)) };
          doc = TextDocument.update(doc, [{ range, text: e.insert }], doc.version + 1);
          await c.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ range, text: e.insert }] });
          await probe();
        }
        await c.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      { numRuns: RUNS, seed, path: process.env.FUZZ_PATH, endOnFailure: true },
    );
    assert.equal(server.process.exitCode, null, 'the server is still running');
  });
});
