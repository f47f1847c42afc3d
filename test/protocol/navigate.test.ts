// Navigate over LSP: definition, references, highlight, rename (with its refusals and versioned
// edits), and workspace symbols over a temporary folder of articles that changes on disk.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DocumentHighlight,
  Location,
  Range,
  SymbolInformation,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { SymbolKind } from 'vscode-languageserver-protocol';
import { positionOf, startServer, textAt, type TestServer } from './lspClient';

const samplePath = join(__dirname, '../../samples/khazali.article');
const sample = readFileSync(samplePath, 'utf8');
const uri = pathToFileURL(samplePath).toString();

/** The edits of a versioned workspace edit for one document, with the version they name. */
function versioned(edit: WorkspaceEdit | null): { version: number | null; uri: string; edits: TextEdit[] } {
  assert.ok(edit?.documentChanges, 'a versioned edit (documentChanges)');
  assert.equal(edit.documentChanges.length, 1);
  const change = edit.documentChanges[0] as TextDocumentEdit;
  return { version: change.textDocument.version, uri: change.textDocument.uri, edits: change.edits as TextEdit[] };
}

const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x:y', 'article', 1, text), edits);

async function rejection(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: number; message: string };
  }
  assert.fail('the request was answered, not refused');
}

describe('navigate over LSP', () => {
  let server: TestServer;
  const c = () => server.connection;

  before(async () => {
    server = await startServer();
    await server.open(uri, sample);
  });
  after(() => server.stop());

  it('declares definition, references, highlight, rename with prepare, and workspace symbols', () => {
    const caps = server.capabilities;
    assert.ok(caps.definitionProvider);
    assert.ok(caps.referencesProvider);
    assert.ok(caps.documentHighlightProvider);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.workspaceSymbolProvider);
  });

  describe('definition', () => {
    it('jumps from a short name to the first mention by the full name', async () => {
      const at = positionOf(sample, 'Khazali also said', 0, 2);
      const loc = await c().sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: at });
      assert.ok(loc);
      assert.equal(loc.uri, uri);
      assert.equal(textAt(sample, loc.range), 'Qais al-Khazali');
      assert.deepEqual(loc.range.start, positionOf(sample, 'Qais al-Khazali'));
    });

    it('jumps from an acronym to the spelt-out name, and from the cursor just after a name', async () => {
      const irgc = positionOf(sample, 'the IRGC targeted', 0, 'the IRGC'.length);
      const loc = await c().sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: irgc });
      assert.equal(textAt(sample, loc!.range), 'Islamic Revolution Guards Corps');
    });

    it('answers nothing off a name', async () => {
      const loc = await c().sendRequest<Location | null>('textDocument/definition', { textDocument: { uri }, position: positionOf(sample, 'resistance group') });
      assert.equal(loc, null);
    });
  });

  describe('references and highlight', () => {
    it('list every mention of the entity, aliases included', async () => {
      const at = positionOf(sample, 'assassination of General Soleimani', 0, 'assassination of General '.length);
      const refs = await c().sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } });
      assert.deepEqual(refs.map((r) => textAt(sample, r.range)), ['Qassem Soleimani', 'Soleimani', 'Soleimani']);
      assert.ok(refs.every((r) => r.uri === uri));
    });

    it('leave out the defining mention without includeDeclaration', async () => {
      const at = positionOf(sample, 'Qassem Soleimani');
      const refs = await c().sendRequest<Location[]>('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: false } });
      assert.deepEqual(refs.map((r) => textAt(sample, r.range)), ['Soleimani', 'Soleimani']);
    });

    it('highlight every mention of the entity under the cursor', async () => {
      const at = positionOf(sample, '(IRGC)', 0, 1);
      const hl = await c().sendRequest<DocumentHighlight[]>('textDocument/documentHighlight', { textDocument: { uri }, position: at });
      assert.deepEqual(hl.map((h) => textAt(sample, h.range)), ['Islamic Revolution Guards Corps', 'IRGC', 'IRGC']);
      assert.ok(hl.every((h) => h.kind === 1));
    });

    it('answer empty off a name', async () => {
      const at = positionOf(sample, 'resistance group');
      assert.deepEqual(await c().sendRequest('textDocument/references', { textDocument: { uri }, position: at, context: { includeDeclaration: true } }), []);
      assert.deepEqual(await c().sendRequest('textDocument/documentHighlight', { textDocument: { uri }, position: at }), []);
    });
  });

  describe('rename', () => {
    const doc = 'untitled:rename.article';
    const text = [
      'Envoy visits the capital',
      'Qais al-Khazali met the envoy on January 3, 2020. Khazali said the talks went well.',
      '“We agreed on everything,” Khazali said.',
      'George Washington crossed the river. Washington later became president. Officials in Washington said the city was calm.',
    ].join('\n');
    let version = 1;

    before(() => server.open(doc, text, version));

    it('prepares on a name: its range and spelling', async () => {
      const at = positionOf(text, 'Khazali said the talks', 0, 3);
      const r = await c().sendRequest<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: doc }, position: at });
      assert.equal(r.placeholder, 'Khazali');
      assert.equal(textAt(text, r.range), 'Khazali');
    });

    it('rewrites every mention of that spelling, inside the full name too, in an edit naming the version', async () => {
      const at = positionOf(text, 'Khazali said the talks');
      const edit = await c().sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: 'Khazaly' });
      const { version: v, uri: u, edits } = versioned(edit);
      assert.equal(v, version);
      assert.equal(u, doc);
      assert.equal(edits.length, 3);
      const after = apply(text, edits);
      assert.ok(!after.includes('Khazali'));
      assert.ok(after.includes('Qais al-Khazaly met'));
      assert.equal(after.split('Khazaly').length - 1, 3);
    });

    it('renames only the spelling renamed: the full name leaves the short one alone', async () => {
      const at = positionOf(text, 'Qais al-Khazali');
      const edit = await c().sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: 'Qays al-Khazali' });
      const after = apply(text, versioned(edit).edits);
      assert.ok(after.includes('Qays al-Khazali met'));
      assert.equal(after.split('Khazali said').length - 1, 2);
    });

    it('names the new version after the document changes', async () => {
      version++;
      const added = '\nKhazali left.';
      const end = positionOf(text, 'was calm.', 0, 'was calm.'.length);
      await c().sendNotification('textDocument/didChange', {
        textDocument: { uri: doc, version },
        contentChanges: [{ range: { start: end, end }, text: added }],
      });
      const edit = await c().sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: positionOf(text, 'Khazali said'), newName: 'Khazaly' });
      const { version: v, edits } = versioned(edit);
      assert.equal(v, version);
      assert.equal(edits.length, 4);
    });

    it('refuses a spelling two entities share, in prepare and in rename', async () => {
      const at = positionOf(text, 'Washington later', 0, 2);
      const prep = await rejection(c().sendRequest('textDocument/prepareRename', { textDocument: { uri: doc }, position: at }));
      assert.match(prep.message, /Washington.*ambiguous/s);
      const ren = await rejection(c().sendRequest('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: 'Lincoln' }));
      assert.match(ren.message, /ambiguous/);
    });

    it('refuses off a name', async () => {
      const at = positionOf(text, 'crossed the river');
      const prep = await rejection(c().sendRequest('textDocument/prepareRename', { textDocument: { uri: doc }, position: at }));
      assert.match(prep.message, /put the cursor on a person, organization or place/);
      const ren = await rejection(c().sendRequest('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: 'X' }));
      assert.match(ren.message, /Rename works on a name/);
    });

    it('refuses an empty new name and one with a line break', async () => {
      const at = positionOf(text, 'Khazali said');
      const empty = await rejection(c().sendRequest('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: '  ' }));
      assert.match(empty.message, /empty/);
      const broken = await rejection(c().sendRequest('textDocument/rename', { textDocument: { uri: doc }, position: at, newName: 'Kha\nzaly' }));
      assert.match(broken.message, /line break/);
    });

    it('gives plain changes to a client without versioned edits', async () => {
      const plain = await startServer({}, { documentChanges: false });
      try {
        await plain.open(doc, text);
        const edit = await plain.connection.sendRequest<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: doc }, position: positionOf(text, 'Khazali said'), newName: 'Khazaly' });
        assert.equal(edit.documentChanges, undefined);
        assert.equal(edit.changes![doc].length, 3);
      } finally {
        await plain.stop();
      }
    });
  });
});

describe('workspace symbols over LSP', function () {
  this.timeout(120_000);
  let dir: string;
  let server: TestServer;
  const c = () => server.connection;
  const query = (q: string) => c().sendRequest<SymbolInformation[]>('workspace/symbol', { query: q });
  const article = (title: string, body: string) => `---\ntitle: ${title}\ndate: 2024-03-01\n---\n${title}\n${body}\n`;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'article-lens-ws-'));
    writeFileSync(join(dir, 'khazali.article'), sample);
    mkdirSync(join(dir, 'desk', 'politics'), { recursive: true });
    writeFileSync(join(dir, 'desk', 'politics', 'minister.news'), article('Minister resigns',
      '“I have done nothing wrong,” said Angela Merkel, the chancellor, on Friday.\nThe Bundestag will vote next week.'));
    // Enough small articles that indexing reports progress.
    for (let i = 0; i < 24; i++) writeFileSync(join(dir, 'desk', `brief${i}.article`), article(`Brief ${i}`, `Officials in Berlin met on Monday, brief ${i} said.`));
    // Never read: dependencies, hidden folders, other extensions, files over the size bound.
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'hidden.article'), article('Hidden', '“Hello,” said Rumpelstiltskin Borodin.'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'hidden.article'), article('Hidden', '“Hello,” said Rumpelstiltskin Borodin.'));
    writeFileSync(join(dir, 'notes.txt'), '“Hello,” said Rumpelstiltskin Borodin.');
    writeFileSync(join(dir, 'huge.article'), article('Huge', '“Hello,” said Rumpelstiltskin Borodin. '.repeat(30_000)));
    server = await startServer({}, { folders: [dir] });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers a watcher for article files', async () => {
    // The registration follows `initialized`; give it a moment to arrive.
    for (let i = 0; i < 50 && !server.registrations.length; i++) await new Promise((r) => setTimeout(r, 20));
    const watch = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watch, 'a file watcher registration');
    const globs = (watch.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
    assert.deepEqual(globs, ['**/*.article', '**/*.news']);
  });

  it('finds people, organizations, places and sources in articles the editor never opened', async () => {
    const found = await query('Khazali');
    const inSample = found.filter((s) => s.location.uri === pathToFileURL(join(dir, 'khazali.article')).href);
    assert.ok(inSample.some((s) => s.name === 'Qais al-Khazali' && s.kind === SymbolKind.Class), 'the person');
    const source = inSample.find((s) => s.name === 'Qais al-Khazali' && s.kind === SymbolKind.Event);
    assert.ok(source, 'the source');
    assert.match(source.containerName!, /^quoted \d+ times in Khazali: US ordered/);
    assert.equal(textAt(sample, source.location.range).slice(0, 10), 'the former');
    const nested = await query('Merkel');
    assert.ok(nested.some((s) => s.name === 'Angela Merkel' && s.location.uri.endsWith('/desk/politics/minister.news')));
    const kinds = new Set((await query('')).map((s) => s.kind));
    for (const k of [SymbolKind.Class, SymbolKind.Module, SymbolKind.Namespace, SymbolKind.Event]) assert.ok(kinds.has(k), `kind ${k}`);
  });

  it('matches aliases and letters in order, case aside', async () => {
    assert.ok((await query('irgc')).some((s) => s.name === 'Islamic Revolution Guards Corps'));
    assert.ok((await query('qkhz')).some((s) => s.name === 'Qais al-Khazali'));
  });

  it('skips dependencies, hidden folders, other files and files over the size bound', async () => {
    assert.deepEqual(await query('Rumpelstiltskin'), []);
  });

  it('showed progress while indexing', () => {
    const kinds = server.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
  });

  it('takes in created, changed and deleted files', async () => {
    const file = join(dir, 'desk', 'new.article');
    const fileUri = pathToFileURL(file).href;
    writeFileSync(file, article('Strike ends', '“We won,” said Ursula Vandermeer, the union leader.'));
    await c().sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 1 }] });
    assert.ok((await query('Vandermeer')).some((s) => s.location.uri === fileUri && s.kind === SymbolKind.Event));

    writeFileSync(file, article('Strike ends', '“We won,” said Bartholomew Quist, the union leader.'));
    await c().sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 2 }] });
    assert.deepEqual(await query('Vandermeer'), []);
    assert.ok((await query('Quist')).some((s) => s.location.uri === fileUri));

    unlinkSync(file);
    await c().sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri, type: 3 }] });
    assert.deepEqual(await query('Quist'), []);
  });

  it('prefers an open document to its file on disk', async () => {
    const file = join(dir, 'desk', 'politics', 'minister.news');
    const fileUri = pathToFileURL(file).href;
    const edited = article('Minister resigns', '“I have done nothing wrong,” said Olaf Scholz, the chancellor, on Friday.');
    await server.open(fileUri, edited);
    const merkel = (await query('Merkel')).filter((s) => s.location.uri === fileUri);
    assert.deepEqual(merkel, []);
    const scholz = (await query('Scholz')).filter((s) => s.location.uri === fileUri);
    assert.ok(scholz.length >= 1);
    await c().sendNotification('textDocument/didClose', { textDocument: { uri: fileUri } });
    assert.ok((await query('Merkel')).some((s) => s.location.uri === fileUri));
  });

  it('follows workspace folders added and removed', async () => {
    const other = mkdtempSync(join(tmpdir(), 'article-lens-ws2-'));
    try {
      writeFileSync(join(other, 'a.article'), article('Harbour reopens', '“Ships are moving,” said Ingrid Halvorsen, the harbour master.'));
      const folder = { uri: pathToFileURL(other).href, name: 'other' };
      await c().sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
      assert.ok((await query('Halvorsen')).length > 0);
      await c().sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
      assert.deepEqual(await query('Halvorsen'), []);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
