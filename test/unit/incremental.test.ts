// The quick answer while typing: the previous annotations patched for the paragraphs an edit touched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { patchAnnotations } from '../../server/src/analysis/incremental';
import type { Annotations } from '../../server/src/analysis/model';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

/** Spans are slices of the text, every reference resolves, every entity has a mention. */
function assertConsistent(text: string, a: Annotations): void {
  for (const s of [...a.mentions, ...a.quotes, ...a.dates]) assert.equal(text.slice(s.start, s.end), s.text);
  a.mentions.forEach((m, i) => assert.ok(a.entities[m.entity].mentions.includes(i)));
  for (const e of a.entities) assert.ok(e.mentions.length > 0, `${e.name} has no mention`);
  for (const q of a.quotes) if (q.speaker) assert.equal(a.mentions[q.speaker.mention].entity, q.speaker.entity);
}

const spans = (a: Annotations) => ({
  mentions: a.mentions.map((m) => `${m.type}:${m.start}:${m.text}`),
  quotes: a.quotes.map((q) => `${q.kind}:${q.start}:${q.end}`),
  dates: a.dates.map((d) => `${d.start}:${d.text}:${d.value}`),
});

describe('patching annotations after an edit', () => {
  const prev = { text: sample, annotations: analyze(sample) };

  it('gives what a full analysis gives when one paragraph changes a word', () => {
    const next = sample.replace('Both commanders were highly revered', 'Both commanders were deeply revered');
    const patched = patchAnnotations(prev, next)!;
    assertConsistent(next, patched);
    assert.deepEqual(spans(patched), spans(analyze(next)));
  });

  it('shifts everything after the edit, keeps speakers, and analyses a new name in the changed paragraph', () => {
    const next = sample.replace('Both commanders were highly revered', 'Both commanders, said Joe Biden, were highly revered');
    const patched = patchAnnotations(prev, next)!;
    assertConsistent(next, patched);
    assert.ok(patched.mentions.some((m) => m.text === 'Joe Biden' && m.type === 'Person'));
    const last = patched.quotes[patched.quotes.length - 1];
    assert.match(last.text, /^“We call on local residents/);
    assert.equal(patched.entities[last.speaker!.entity].name, 'Qais al-Khazali');
  });

  it('joins a name typed again to the entity it already has', () => {
    const next = sample.replace('Both commanders were highly revered', 'Both commanders, Khazali said, were highly revered');
    const patched = patchAnnotations(prev, next)!;
    assertConsistent(next, patched);
    const khazali = patched.entities.find((e) => e.name === 'Qais al-Khazali')!;
    assert.ok(khazali.mentions.some((i) => patched.mentions[i].start === next.indexOf('Khazali said, were')));
  });

  it('drops what the edit deleted, and entities left with no mention', () => {
    const next = sample.replace(/Both commanders were highly revered[^\n]*\n/, '');
    const patched = patchAnnotations(prev, next)!;
    assertConsistent(next, patched);
    assert.ok(!patched.mentions.some((m) => m.text === 'Daesh'));
    assert.ok(!patched.entities.some((e) => e.name === 'Daesh'));
  });

  it('declines when the front matter changes, or the edit is too large', () => {
    assert.equal(patchAnnotations(prev, sample.replace('source: Press TV', 'source: PressTV')), null);
    assert.equal(patchAnnotations(prev, sample.replace('Both commanders', 'x'.repeat(30_000))), null);
  });

  it('stays consistent over a run of random edits', () => {
    let text = sample;
    let previous = prev;
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    const pieces = [' ', 'a', '“', '”', 'Khazali ', 'said ', '\n', 'January 3, 2020 ', '’s', 'Donald Trump '];
    for (let i = 0; i < 60; i++) {
      const at = 40 + rand(text.length - 40);
      const cut = rand(3) === 0 ? rand(12) : 0;
      text = text.slice(0, at) + pieces[rand(pieces.length)] + text.slice(at + cut);
      const patched = patchAnnotations(previous, text);
      if (!patched) { previous = { text, annotations: analyze(text) }; continue; }
      assertConsistent(text, patched);
      previous = { text, annotations: patched };
    }
  });
});
