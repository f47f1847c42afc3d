// Warming up while idle (server/src/warmUp.ts): made-up news paragraphs, analysed one per turn
// of the event loop while nothing is open, never once there is real work.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { LineIndex, parseArticle } from '../../server/src/analysis/article';
import type { AnalyzedDocument } from '../../server/src/articles';
import { newsParagraphs, typing, warmUpTyping, warmUpWhileIdle } from '../../server/src/warmUp';

const turns = (n: number) => new Promise<void>((resolve) => {
  const step = (left: number) => (left ? setImmediate(() => step(left - 1)) : resolve());
  step(n);
});

describe('warming up while idle', () => {
  it('makes up varied news paragraphs with quotes, speakers, places and dates', () => {
    const source = newsParagraphs();
    const paragraphs = Array.from({ length: 5 }, () => source.next().value as string);
    assert.equal(new Set(paragraphs).size, 5);
    const a = analyze(paragraphs.join('\n\n'));
    assert.ok(a.quotes.some((q) => q.speaker), 'a quote with a speaker');
    assert.ok(a.mentions.some((m) => m.type === 'Place'));
    assert.ok(a.dates.length >= 5);
  });

  it('starts after a moment’s idleness, stops as soon as it is no longer idle, and when told to', async () => {
    let asked = 0;
    let idle = true;
    warmUpWhileIdle(() => (asked++, idle), 1000, 0);
    await new Promise((r) => setTimeout(r, 5));
    await turns(3);
    const whileIdle = asked;
    assert.ok(whileIdle >= 2, 'it works while idle');
    idle = false;
    await turns(5);
    assert.equal(asked, whileIdle + 1, 'one look at the open article, then nothing');

    let steps = 0;
    const stop = warmUpWhileIdle(() => (steps++, true), 1000, 0);
    stop();
    await new Promise((r) => setTimeout(r, 5));
    await turns(5);
    assert.equal(steps, 0);
  });
});

describe('warming up for typing', () => {
  it('types into a made-up article, each version patched as a keystroke is, to the analysis a fresh one gives', () => {
    const versions = [...typing(6)];
    assert.equal(versions.length, 6);
    for (let i = 1; i < versions.length; i++) assert.equal(versions[i].text.length, versions[i - 1].text.length + 1, 'one letter typed each time');
    const last = versions[versions.length - 1];
    const fresh = analyze(last.text);
    assert.deepEqual(last.annotations.quotes.map((q) => [q.start, q.end, q.speaker]), fresh.quotes.map((q) => [q.start, q.end, q.speaker]));
    assert.deepEqual(last.annotations.mentions.map((m) => [m.start, m.end, m.type]), fresh.mentions.map((m) => [m.start, m.end, m.type]));
  });

  it('types into a copy of an open article, and leaves the article’s analysis as it was', () => {
    const source = newsParagraphs();
    const text = `---\ndate: 2021-03-04\n---\nHeadline\n\n${Array.from({ length: 30 }, () => source.next().value).join('\n\n')}\n`;
    const annotations = analyze(text);
    const open: AnalyzedDocument = { uri: 'file:///open.article', version: 7, text, bodyStart: parseArticle(text).bodyStart, referenceDate: '2021-03-04', annotations, lines: new LineIndex(text) };
    const before = JSON.stringify(open);
    const versions = [...typing(6, open)];
    assert.equal(versions.length, 6);
    versions.forEach((v, i) => {
      assert.equal(v.text.length, text.length + i + 1, 'one letter typed each time, into the article');
      assert.notEqual(v.uri, open.uri);
    });
    assert.equal(JSON.stringify(open), before, 'the open article’s analysis is untouched');
    const last = versions[versions.length - 1];
    const fresh = analyze(last.text);
    assert.deepEqual(last.annotations.mentions.map((m) => [m.start, m.end, m.type]), fresh.mentions.map((m) => [m.start, m.end, m.type]));
    assert.deepEqual(last.annotations.quotes.map((q) => [q.start, q.end]), fresh.quotes.map((q) => [q.start, q.end]));
  });

  it('leaves the parses remembered for open documents where they are', () => {
    const open = `Headline\n\n${[...Array(3)].map(() => newsParagraphs().next().value).join('\n\n')}`;
    const parsed = parseArticle(open);
    for (const _ of typing(6)) void _;
    assert.equal(parseArticle(open), parsed, 'still remembered, not parsed again');
  });

  it('goes a keystroke per turn of the event loop, so requests get in between, and stops when told to', async () => {
    let typed = 0;
    const keystrokes = (function* () {
      for (;;) yield typed++;
    })();
    const stop = warmUpTyping(keystrokes);
    assert.equal(typed, 0, 'nothing before the next turn');
    await turns(3);
    assert.ok(typed >= 1 && typed <= 4, `about one a turn, not all at once (${typed})`);
    stop();
    const stopped = typed;
    await turns(3);
    assert.equal(typed, stopped);
  });

  it('reports a failure and stops, never throwing it out of the event loop', async () => {
    const failures: string[] = [];
    const failing = (function* () {
      yield 1;
      throw new Error('a broken keystroke');
    })();
    warmUpTyping(failing, (e) => failures.push(e.message));
    await turns(4);
    assert.deepEqual(failures, ['a broken keystroke'], 'reported once, and nothing more tried');
  });
});
