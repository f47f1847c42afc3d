// A document over the size limit is analysed a window at a time, around what is asked about,
// and the server says so once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hover, SemanticTokens } from 'vscode-languageserver-protocol';
import { decodeTokens, startServer, tokenText, type TestServer } from './lspClient';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const body = sample.slice(sample.indexOf('---', 3) + 4);
// Forty distinct copies of the sample's body: about 130,000 characters, 800 lines.
const text = '---\ndate: 2020-01-10\n---\n' + Array.from({ length: 40 }, (_, i) => body.replace(/\n/g, ` (part ${i}).\n`) + '\n').join('');
const uri = 'untitled:huge.article';
const LIMIT = 20_000;
const lastKhazaliLine = text.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('Qais al-Khazali said')).pop()![1];

describe('a document over the size limit', () => {
  let server: TestServer;
  const warnings: string[] = [];

  before(async () => {
    server = await startServer({ maxDocumentSize: LIMIT });
    const record = (m: { type: number; message: string }) => { if (m.type === 2) warnings.push(m.message); };
    server.connection.onNotification('window/showMessage', record);
    server.connection.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => { record(m); return null; });
    const loaded = server.nextRefresh();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await loaded;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
  });
  after(() => server.stop());

  const lines = text.split('\n');
  const lastKhazali = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('Qais al-Khazali said')).pop()!;

  it('colours the range asked for, however deep in the document', async () => {
    const line = lastKhazali[1];
    const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
      textDocument: { uri }, range: { start: { line, character: 0 }, end: { line: line + 5, character: 0 } },
    });
    const tokens = decodeTokens(r.data, server.legend);
    assert.ok(tokens.some((t) => t.type === 'person' && tokenText(text, t) === 'Qais al-Khazali' && t.line === line));
  });

  it('answers full tokens for the beginning only, never the whole document', async () => {
    const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decodeTokens(r.data, server.legend);
    assert.ok(tokens.length > 0);
    assert.ok(tokens[tokens.length - 1].line < lastKhazali[1], 'tokens reach the end of a document over the limit');
  });

  it('hovers anywhere, analysing around the position', async () => {
    const line = lastKhazali[1];
    const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 3 } });
    assert.match((h.contents as { value: string }).value, /Qais al-Khazali/);
  });

  it('says so once, whatever is asked and however often the document changes', async () => {
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: 'Breaking: ' }] });
    await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 400, character: 3 } });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /over the 20,000 limit \(articleLens\.maxDocumentSize\)/);
  });

  it('marks its summary as partial, for the status bar', async () => {
    const s = await server.connection.sendRequest<{ partial?: { size: number } }>('articleLens/summary', { uri });
    assert.equal(s.partial?.size, text.length + 'Breaking: '.length);
  });
});

describe('a 10 MB single line', () => {
  it('is answered around what is asked, and the server stays up', async () => {
    const server = await startServer();
    try {
      const line = 'Donald Trump said “we will stay” in Baghdad on January 3, 2020, and left. '.repeat(140_000);
      assert.ok(line.length > 10_000_000);
      const hugeUri = 'untitled:one-line.article';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: hugeUri, languageId: 'article', version: 1, text: line } });
      const character = line.length - 40;
      const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
        textDocument: { uri: hugeUri }, range: { start: { line: 0, character: character - 2000 }, end: { line: 0, character } },
      });
      const tokens = decodeTokens(r.data, server.legend);
      assert.ok(tokens.some((t) => t.type === 'person') && tokens.every((t) => t.line === 0 && t.character + t.length <= line.length));
      const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: hugeUri }, position: { line: 0, character: 5 } });
      assert.match((h!.contents as { value: string }).value, /Donald Trump/);
      assert.equal(server.process.exitCode, null);
    } finally {
      await server.stop();
    }
  });
});

describe('typing in a long article', () => {
  // Eight distinct copies of the sample's body: about 26,000 characters.
  const long = '---\ndate: 2020-01-10\n---\n' + Array.from({ length: 8 }, (_, i) => body.replace(/\n/g, ` (part ${i}).\n`) + '\n').join('');
  const longUri = 'untitled:long.article';

  it('answers highlighting from a quick patch, then asks the editor to refresh with the full analysis', async () => {
    const server = await startServer();
    try {
      const c = server.connection;
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri: longUri, languageId: 'article', version: 1, text: long } });
      const first = await c.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: longUri } });
      const line = long.split('\n').findIndex((l) => l.startsWith('Both commanders'));
      const edited = long.split('\n').map((l, i) => (i === line ? `Joe Biden said: ${l}` : l)).join('\n');
      const refreshed = server.nextRefresh();
      await c.sendNotification('textDocument/didChange', {
        textDocument: { uri: longUri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'Joe Biden said: ' }],
      });
      const delta = await c.sendRequest<{ edits: { start: number; deleteCount: number; data?: number[] }[] }>('textDocument/semanticTokens/full/delta', { textDocument: { uri: longUri }, previousResultId: first.resultId });
      const data = [...first.data];
      for (const e of [...delta.edits].reverse()) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
      const quick = decodeTokens(data, server.legend);
      assert.ok(quick.some((t) => t.type === 'person' && t.line === line && tokenText(edited, t) === 'Joe Biden'), 'the new name is highlighted at once');
      assert.ok(quick.every((t) => t.character + t.length <= edited.split('\n')[t.line].length), 'a quick token outside its line');
      await refreshed;
      const full = await c.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: longUri } });
      const fresh = await startServer();
      try {
        await fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: longUri, languageId: 'article', version: 2, text: edited } });
        const expected = await fresh.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: longUri } });
        assert.deepEqual(full.data, expected.data, 'after the pause, the tokens are those of a full analysis');
      } finally {
        await fresh.stop();
      }
    } finally {
      await server.stop();
    }
  });
});

describe('opening a long article (under the size limit)', () => {
  const longUri = 'untitled:long-open.article';

  it('colours the lines on screen at once, analyses the rest in the background with progress, then colours it all', async () => {
    const server = await startServer();
    try {
      const c = server.connection;
      await server.open(longUri, text);
      const answered: string[] = [];
      const full = c.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: longUri } }).then((r) => (answered.push('full'), r));
      const range = c.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
        textDocument: { uri: longUri }, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } },
      }).then((r) => (answered.push('range'), r));
      const [whole, onScreen] = await Promise.all([full, range]);
      assert.deepEqual(answered, ['range', 'full'], 'the screen is not kept waiting for the whole article');
      const screenTokens = decodeTokens(onScreen.data, server.legend);
      assert.ok(screenTokens.some((t) => t.type === 'person') && screenTokens.every((t) => t.line <= 60));
      const all = decodeTokens(whole.data, server.legend);
      assert.ok(all.some((t) => t.type === 'person' && t.line === lastKhazaliLine && tokenText(text, t) === 'Qais al-Khazali'), 'the whole is coloured');

      // Work-done progress: begun with the article's name, and ended.
      for (let i = 0; i < 50 && !server.progress.some((p) => p.value.kind === 'end'); i++) await new Promise((r) => setTimeout(r, 20));
      const kinds = server.progress.map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin');
      assert.match(server.progress[0].value.title!, /analysing long-open\.article/);
      assert.equal(kinds[kinds.length - 1], 'end');
    } finally {
      await server.stop();
    }
  });

  it('answers for the latest version when the article changes while it is analysed', async () => {
    const server = await startServer();
    try {
      const c = server.connection;
      await server.open(longUri, text);
      const line = lastKhazaliLine;
      await c.sendNotification('textDocument/didChange', {
        textDocument: { uri: longUri, version: 2 },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'Jane Ozbek said so. ' }],
      });
      const symbols = await c.sendRequest<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: longUri } });
      const names = JSON.stringify(symbols);
      assert.match(names, /Jane Ozbek/, 'the answer is for version 2');
    } finally {
      await server.stop();
    }
  });
});
