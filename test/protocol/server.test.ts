// The language server over stdio, spoken to with real LSP messages.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol, Hover, SemanticTokens, SemanticTokensDelta } from 'vscode-languageserver-protocol';
import { decodeTokens, positionOf, startServer, tokenText, type TestServer } from './lspClient';

const samplePath = join(__dirname, '../../samples/khazali.article');
const sample = readFileSync(samplePath, 'utf8');
const uri = pathToFileURL(samplePath).toString();

describe('the language server', () => {
  let server: TestServer;
  let version = 1;

  before(async () => {
    server = await startServer();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text: sample } });
  });
  after(() => server.stop());

  const fullTokens = async (docUri = uri) => server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: docUri } });

  it('declares incremental sync, hover, document symbols and semantic tokens with a legend', () => {
    const caps = server.capabilities;
    assert.deepEqual((caps.textDocumentSync as { change: number }).change, 2);
    assert.ok(caps.hoverProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.deepEqual(server.legend.tokenTypes, ['quote', 'person', 'organization', 'place', 'date']);
  });

  describe('semantic tokens', () => {
    it('cover the people, quotes and dates of the sample, at their exact positions', async () => {
      const tokens = decodeTokens((await fullTokens()).data, server.legend);
      const texts = (type: string) => tokens.filter((t) => t.type === type).map((t) => tokenText(sample, t));
      assert.ok(texts('person').includes('Qais al-Khazali'));
      assert.ok(texts('date').includes('January 3, 2020'));
      assert.ok(texts('quote').some((q) => q.startsWith('“This case has been reopened.')));
    });

    it('never overlap and come sorted, names painted over the quotes they stand in', async () => {
      const tokens = decodeTokens((await fullTokens()).data, server.legend);
      for (let i = 1; i < tokens.length; i++) {
        const a = tokens[i - 1];
        const b = tokens[i];
        assert.ok(b.line > a.line || (b.line === a.line && b.character >= a.character + a.length), `overlap at ${b.line}:${b.character}`);
      }
      const washington = positionOf(sample, 'Washington');
      const here = tokens.find((t) => t.line === washington.line && t.character === washington.character);
      assert.equal(here?.type, 'place');
    });

    it('mark the mention a quote is attributed to with the speaker modifier', async () => {
      const tokens = decodeTokens((await fullTokens()).data, server.legend);
      assert.ok(tokens.some((t) => t.type === 'person' && t.modifiers.includes('speaker')));
    });

    it('answer a range request with only the tokens in that range', async () => {
      const start = positionOf(sample, 'General Soleimani, commander');
      const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/range', {
        textDocument: { uri }, range: { start, end: { line: start.line + 1, character: 0 } },
      });
      const tokens = decodeTokens(r.data, server.legend);
      assert.ok(tokens.length > 0);
      assert.ok(tokens.every((t) => t.line === start.line));
    });

    it('answer a delta request after an edit with edits that rebuild the new tokens', async () => {
      const before = await fullTokens();
      // Type a new sentence at the end of the first body line.
      const at = positionOf(sample, 'Qassem Soleimani.', 0, 'Qassem Soleimani.'.length);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: { start: at, end: at }, text: ' Donald Trump said so on January 5, 2020.' }],
      });
      const delta = await server.connection.sendRequest<SemanticTokensDelta | SemanticTokens>('textDocument/semanticTokens/full/delta', {
        textDocument: { uri }, previousResultId: before.resultId,
      });
      assert.ok('edits' in delta, 'a delta, not full tokens');
      const data = [...before.data];
      for (const e of [...delta.edits].reverse()) data.splice(e.start, e.deleteCount, ...(e.data ?? []));
      const fresh = await fullTokens();
      assert.deepEqual(data, fresh.data);
      assert.ok(delta.edits.reduce((n, e) => n + (e.data?.length ?? 0), 0) < fresh.data.length / 2, 'the delta is smaller than the whole');
    });
  });

  describe('hover', () => {
    it('on “Khazali” names Qais al-Khazali and lists his quotes', async () => {
      const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(sample, 'Khazali also said', 0, 2) });
      const text = (h.contents as { value: string }).value;
      assert.match(text, /Qais al-Khazali/);
      assert.match(text, /Person/);
      assert.match(text, /Quoted \d+ times\*\* \(\d+ in quotation marks, \d+ reported\)/);
    });

    it('on a quote names its speaker and its cue', async () => {
      const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(sample, 'closed the case') });
      const text = (h.contents as { value: string }).value;
      assert.match(text, /Speaker: \*\*Qais al-Khazali\*\*/);
      assert.match(text, /Cue: “he said”/);
    });

    it('on a date gives its value and weekday', async () => {
      const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(sample, 'January 3, 2020', 0, 3) });
      const text = (h.contents as { value: string }).value;
      assert.match(text, /Friday, January 3, 2020/);
      assert.match(text, /2020-01-03/);
    });

    it('on a date the article cannot place says why it is unresolved', async () => {
      const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(sample, 'Tuesday night') });
      assert.match((h.contents as { value: string }).value, /no `date:` in its front matter/);
    });

    it('on plain text answers nothing', async () => {
      const h = await server.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(sample, 'highly revered') });
      assert.equal(h, null);
    });
  });

  describe('document symbols', () => {
    it('list the title, Sources with each speaker’s quotes, People, Organizations, Places and a Timeline', async () => {
      const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.map((s) => s.name), [
        'Khazali: US ordered former Iraqi government to drop Soleimani lawsuit', 'Sources', 'People', 'Organizations', 'Places', 'Timeline',
      ]);
      const sources = symbols[1].children!;
      const khazali = sources.find((s) => s.name === 'Qais al-Khazali');
      assert.ok(khazali && khazali.children!.length >= 3);
      assert.ok(symbols[2].children!.some((s) => s.name === 'Donald Trump'));
      const timeline = symbols[5].children!.map((s) => s.name);
      const values = timeline.map((n) => n.split(' — ')[0]).filter((v) => v !== '?');
      assert.deepEqual(values, [...values].sort());
      assert.ok(timeline.some((n) => n.startsWith('2020-01-03 — January 3, 2020')));
    });
  });
});

describe('positions in UTF-16 with CRLF and astral characters', () => {
  let server: TestServer;
  const text = '---\r\ndate: 2020-01-10\r\n---\r\n😀😀 Headline\r\n\r\n🎉 “We will stay,” said Donald Trump on Tuesday in 𝐁aghdad.\r\n';
  const docUri = 'untitled:crlf.article';

  before(async () => {
    server = await startServer();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'article', version: 1, text } });
  });
  after(() => server.stop());

  it('place every token on the text it names', async () => {
    const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: docUri } });
    const tokens = decodeTokens(r.data, server.legend);
    const named = tokens.map((t) => [t.type, tokenText(text, t)]);
    assert.deepEqual(named.find(([type]) => type === 'person'), ['person', 'Donald Trump']);
    assert.deepEqual(named.find(([type]) => type === 'date'), ['date', 'Tuesday']);
    assert.ok(named.some(([type, s]) => type === 'quote' && s === '“We will stay,”'));
  });

  it('hover at a UTF-16 position after astral characters', async () => {
    const position = { line: 5, character: text.split('\r\n')[5].indexOf('Trump') };
    const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: docUri }, position });
    assert.match((h.contents as { value: string }).value, /Donald Trump/);
    assert.deepEqual(h.range!.start, { line: 5, character: text.split('\r\n')[5].indexOf('Donald') });
  });
});

describe('settings', () => {
  it('turn a highlight category off and a reference date on', async () => {
    const server = await startServer({ highlight: { dates: false }, referenceDate: '2020-01-10' });
    try {
      const docUri = 'untitled:settings.article';
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'article', version: 1, text: 'Donald Trump spoke on Tuesday.\n' } });
      // The server pulls settings after `initialized` and again on a change notification, then
      // asks the editor to refresh its tokens.
      const loaded = server.nextRefresh();
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await loaded;
      const h = await server.connection.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: docUri }, position: { line: 0, character: 23 } });
      assert.match((h.contents as { value: string }).value, /2020-01-07/);
      const r = await server.connection.sendRequest<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: docUri } });
      const types = decodeTokens(r.data, server.legend).map((t) => t.type);
      assert.ok(types.includes('person'));
      assert.ok(!types.includes('date'));
    } finally {
      await server.stop();
    }
  });
});
