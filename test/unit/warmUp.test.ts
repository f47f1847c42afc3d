// Warming up while idle (server/src/warmUp.ts): made-up news paragraphs, analysed one per turn
// of the event loop while nothing is open, never once there is real work.
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { newsParagraphs, warmUpWhileIdle } from '../../server/src/warmUp';

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
