// `articleLens/sources` over stdio: the Sources view's and the sources report's data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspRange, Sources } from '../../server/src/protocol';
import { startServer, type TestServer } from './lspClient';

const samplePath = join(__dirname, '../../samples/khazali.article');
const sample = readFileSync(samplePath, 'utf8');
const uri = pathToFileURL(samplePath).toString();

/** The text a range covers, lines split as an editor splits them. */
function textAt(text: string, r: LspRange): string {
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/);
  const offset = (p: LspRange['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length, 0) + p.character;
  return text.slice(offset(r.start), offset(r.end));
}

describe('articleLens/sources', () => {
  let server: TestServer;
  let version = 1;
  const ask = (docUri = uri) => server.connection.sendRequest<Sources | null>('articleLens/sources', { uri: docUri });

  before(async () => {
    server = await startServer();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version, text: sample } });
  });
  after(() => server.stop());

  it('lists Qais al-Khazali first, with his quotes in text order and the words each gives him', async () => {
    const r = (await ask())!;
    assert.equal(r.version, version);
    assert.equal(r.title, 'Khazali: US ordered former Iraqi government to drop Soleimani lawsuit');
    const him = r.speakers[0];
    assert.equal(him.name, 'Qais al-Khazali');
    assert.equal(him.type, 'Person');
    assert.equal(typeof him.entity, 'number');
    const kadhimi = him.quotes.find((q) => q.text.startsWith('“Kadhimi, at the behest of Washington'));
    assert.ok(kadhimi, JSON.stringify(him.quotes.map((q) => q.text.slice(0, 30))));
    assert.equal(kadhimi.kind, 'direct');
    // “Kadhimi, at the behest of Washington, closed the case on punishing the perpetrators and all
    // those who were involved or collaborated in the targeted killings in one way or another,”
    assert.equal(kadhimi.words, 30);
    const lines = him.quotes.map((q) => q.range.start.line * 1e6 + q.range.start.character);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
    assert.ok(him.quotes.some((q) => q.kind === 'reported'), 'his reported speech is listed too');
  });

  it('gives every quote its exact range in the document', async () => {
    const r = (await ask())!;
    for (const s of r.speakers) for (const q of s.quotes) assert.equal(textAt(sample, q.range), q.text);
  });

  it('does not count the editor’s bracketed words as the speaker’s', async () => {
    const r = (await ask())!;
    const q = r.speakers[0].quotes.find((x) => x.text.includes('[the western Iraqi province of]'));
    assert.ok(q);
    // “We call on local residents in Anbar to watchfully monitor the US military’s moves in the area,”
    assert.equal(q.words, 17);
  });

  it('lists every entity with its type, mention count and first mention', async () => {
    const r = (await ask())!;
    const trump = r.entities.find((e) => e.name === 'Donald Trump');
    assert.deepEqual(trump && { type: trump.type, mentions: trump.mentions }, { type: 'Person', mentions: 1 });
    assert.equal(textAt(sample, trump!.firstRange), 'Donald Trump');
    const khazali = r.entities.find((e) => e.name === 'Qais al-Khazali')!;
    assert.ok(khazali.mentions >= 2);
    assert.ok(r.entities.some((e) => e.type === 'Organization') && r.entities.some((e) => e.type === 'Place'));
    const starts = r.entities.map((e) => e.firstRange.start.line * 1e6 + e.firstRange.start.character);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b), 'entities in order of first mention');
  });

  it('gives the timeline in calendar order, the unresolved dates last', async () => {
    const r = (await ask())!;
    const values = r.timeline.map((d) => d.value);
    const resolved = values.filter((v): v is string => v !== null);
    assert.deepEqual(resolved, [...resolved].sort());
    assert.deepEqual(values.slice(0, resolved.length), resolved, 'unresolved dates come after the resolved ones');
    const jan3 = r.timeline.find((d) => d.value === '2020-01-03')!;
    assert.equal(jan3.text, 'January 3, 2020');
    assert.equal(textAt(sample, jan3.range), 'January 3, 2020');
    assert.ok(r.timeline.some((d) => d.value === null && d.text.includes('Tuesday')), 'Tuesday, without a reference date, is unresolved');
  });

  it('follows edits: a new quote is counted at the new version', async () => {
    const end = sample.split('\n');
    const at = { line: end.length - 1, character: end[end.length - 1].length };
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range: { start: at, end: at }, text: '\n“We will stay as long as we are needed,” Donald Trump said.' }],
    });
    const r = (await ask())!;
    assert.equal(r.version, version);
    const trump = r.speakers.find((s) => s.name === 'Donald Trump');
    assert.ok(trump, JSON.stringify(r.speakers.map((s) => s.name)));
    assert.deepEqual(trump.quotes.map((q) => [q.kind, q.words]), [['direct', 9]]);
  });

  it('puts quotes without a speaker under Unattributed, last', async () => {
    const docUri = 'untitled:unattributed.article';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: docUri, languageId: 'article', version: 1, text: 'Headline\n\n“Nobody said this.”\n\n“We will stay,” said Donald Trump.\n' },
    });
    const r = (await ask(docUri))!;
    assert.deepEqual(r.speakers.map((s) => [s.name, s.entity === null, s.type]), [['Donald Trump', false, 'Person'], ['Unattributed', true, null]]);
    assert.deepEqual(r.speakers[1].quotes.map((q) => [q.text, q.words]), [['“Nobody said this.”', 3]]);
  });

  it('answers null for a document the server does not have', async () => {
    assert.equal(await ask('file:///nowhere/missing.article'), null);
  });
});

describe('articleLens/sources on random articles', () => {
  let server: TestServer;
  before(async () => { server = await startServer(); });
  after(() => server.stop());

  const fragment = fc.oneof(
    fc.constantFrom('“', '”', '‘', '’', '"', '“Yes,” he said, “we will.”', 'Qais al-Khazali said that ', 'Donald Trump', ' said.', 'the IRGC',
      'January 3, 2020', 'Tuesday', '[the editor]', '\n', '\r\n', '\n\n', '---\n', 'date: 2020-01-10\n', '😀', 'e\u0301', '\uD800', ' ', '. '),
    fc.string({ maxLength: 12 }),
  );

  it('answers with ranges that cover each quote’s and date’s text, and counts no negative words', async () => {
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.array(fragment, { maxLength: 40 }).map((p) => p.join('')), async (text) => {
      const docUri = `untitled:random-${++n}.article`;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: docUri, languageId: 'article', version: 1, text } });
      try {
        const r = await server.connection.sendRequest<Sources | null>('articleLens/sources', { uri: docUri });
        assert.ok(r, 'no answer');
        const doc = TextDocument.create(docUri, 'article', 1, text);
        for (const s of r.speakers) {
          assert.ok(s.quotes.length > 0, `${s.name} has no quotes`);
          for (const q of s.quotes) {
            assert.equal(doc.getText(q.range), q.text);
            assert.ok(Number.isInteger(q.words) && q.words >= 0);
          }
        }
        for (const d of r.timeline) assert.equal(doc.getText(d.range), d.text);
        for (const e of r.entities) assert.ok(e.mentions >= 1 && doc.getText(e.firstRange).length > 0);
      } finally {
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: docUri } });
      }
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 60) });
  });
});
