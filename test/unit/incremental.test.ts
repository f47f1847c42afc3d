// The quick answer while typing: the previous annotations patched for the paragraphs an edit touched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ParagraphCache, type AnalyzeOptions } from '../../server/src/analysis/analyze';
import { parseArticle, unremembered } from '../../server/src/analysis/article';
import { changedParagraphs, patchAnnotations, type Previous } from '../../server/src/analysis/incremental';
import type { Annotations, Entity, Mention, Quote } from '../../server/src/analysis/model';
import { corpusAsOneArticle, heapAfterCollection } from './heap';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const corpusText = readFileSync(join(__dirname, '../fixtures/corpus/afghan.article'), 'utf8');

/**
 * What a patch is, said plainly: the previous annotations outside the changed paragraphs (those
 * after them shifted), a fresh analysis of the changed paragraphs (with their neighbours as
 * context) inside them, each new mention joining the entity last known by its name, entities
 * numbered by first mention, and a quote's speaker kept while the speaker's mention is.
 */
function plainPatch(prev: Previous, nextText: string, options: AnalyzeOptions = {}): Annotations | null {
  const before = parseArticle(prev.text);
  const after = parseArticle(nextText);
  if (before.bodyStart !== after.bodyStart || prev.text.slice(0, before.bodyStart) !== nextText.slice(0, after.bodyStart)) return null;
  const changed = changedParagraphs(before.paragraphs, after.paragraphs, prev.text.length, nextText.length);
  if (!changed) return prev.annotations;
  const { old, now } = changed;
  const delta = nextText.length - prev.text.length;
  const keep = <T extends { start: number; end: number }>(s: T): T | null =>
    s.end <= old.start ? s : s.start >= old.end ? { ...s, start: s.start + delta, end: s.end + delta } : null;
  const fresh = analyze(nextText, { ...options, window: now });
  const inside = (s: { start: number; end: number }) => s.start >= now.start && s.end <= now.end;
  type Draft = { mention: Omit<Mention, 'entity'>; entity: Entity };
  const drafts: Draft[] = [];
  const oldDraft = new Map<number, Draft>();
  prev.annotations.mentions.forEach((m, i) => {
    const k = keep(m);
    if (!k) return;
    const d = { mention: { start: k.start, end: k.end, text: k.text, type: k.type }, entity: prev.annotations.entities[m.entity] };
    oldDraft.set(i, d);
    drafts.push(d);
  });
  const byName = new Map<string, Entity>();
  for (const e of prev.annotations.entities) for (const n of [e.name, ...e.aliases]) byName.set(`${e.type}:${n}`, e);
  const freshDraft = new Map<number, Draft>();
  fresh.mentions.forEach((m, i) => {
    if (!inside(m)) return;
    const e = fresh.entities[m.entity];
    const known = byName.get(`${m.type}:${m.text}`) ?? byName.get(`${e.type}:${e.name}`);
    if (!known) for (const n of [e.name, ...e.aliases]) byName.set(`${e.type}:${n}`, e);
    const d = { mention: { start: m.start, end: m.end, text: m.text, type: m.type }, entity: known ?? e };
    freshDraft.set(i, d);
    drafts.push(d);
  });
  drafts.sort((a, b) => a.mention.start - b.mention.start);
  const entities: Entity[] = [];
  const ids = new Map<Entity, number>();
  const mentions: Mention[] = [];
  const indexOf = new Map<Draft, number>();
  for (const d of drafts) {
    let id = ids.get(d.entity);
    if (id === undefined) {
      id = entities.length;
      ids.set(d.entity, id);
      entities.push({ ...d.entity, id, mentions: [] });
    }
    entities[id].mentions.push(mentions.length);
    indexOf.set(d, mentions.length);
    mentions.push({ ...d.mention, entity: id });
  }
  const withSpeaker = (q: Quote, draft: Draft | undefined): Quote => {
    const out: Quote = { start: q.start, end: q.end, text: q.text, kind: q.kind };
    if (q.cue) out.cue = q.cue;
    if (q.speaker && draft) out.speaker = { entity: mentions[indexOf.get(draft)!].entity, mention: indexOf.get(draft)!, via: q.speaker.via };
    return out;
  };
  const quotes: Quote[] = [];
  for (const q of prev.annotations.quotes) {
    const k = keep(q);
    if (!k) continue;
    quotes.push(withSpeaker({ ...k, cue: (q.cue && keep(q.cue)) ?? undefined }, q.speaker && oldDraft.get(q.speaker.mention)));
  }
  for (const q of fresh.quotes) if (inside(q)) quotes.push(withSpeaker(q, q.speaker && freshDraft.get(q.speaker.mention)));
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);
  const dates = [...prev.annotations.dates.flatMap((d) => keep(d) ?? []), ...fresh.dates.filter(inside)].sort((a, b) => a.start - b.start);
  return { meta: prev.annotations.meta, entities, mentions, quotes, dates };
}

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

  it('re-analyses only the changed paragraph, and in it only the sentence the edit touched', () => {
    const cache = new ParagraphCache();
    const previous = { text: sample, annotations: analyze(sample, { cache }) };
    const { misses } = cache;
    const sentences = { hits: cache.sentences.hits, misses: cache.sentences.misses };
    const next = sample.replace('did not take any concrete measure', 'did not take a concrete measure');
    patchAnnotations(previous, next, { cache });
    assert.equal(cache.misses - misses, 1);
    assert.equal(cache.sentences.misses - sentences.misses, 1);
    assert.equal(cache.sentences.hits - sentences.hits, 1);
  });

  it('reuses the previous parse: the new one keeps the paragraphs before the edit', () => {
    const next = sample.replace('Both commanders were highly revered', 'Both commanders were greatly revered');
    patchAnnotations(prev, next);
    const changed = parseArticle(sample).paragraphs.findIndex((p) => p.text.startsWith('Both commanders'));
    assert.ok(changed > 0);
    for (let i = 0; i < changed; i++) assert.equal(parseArticle(next).paragraphs[i], parseArticle(sample).paragraphs[i]);
  });

  it('keeps what lies outside the changed paragraph as it was, shifted after it', () => {
    const next = sample.replace('Both commanders were highly revered', 'Both commanders were very highly revered');
    const patched = patchAnnotations(prev, next)!;
    const at = sample.indexOf('Both commanders');
    const end = sample.indexOf('\n', at);
    const outside = (a: Annotations, shift: number) => ({
      mentions: a.mentions.filter((m) => m.end <= at || m.start >= end + shift).map((m) => `${m.type}:${m.start < at ? m.start : m.start - shift}:${m.text}:${a.entities[m.entity].name}`),
      quotes: a.quotes.filter((q) => q.end <= at || q.start >= end + shift).map((q) => `${q.kind}:${q.start < at ? q.start : q.start - shift}:${q.text}`),
      dates: a.dates.filter((d) => d.end <= at || d.start >= end + shift).map((d) => `${d.start < at ? d.start : d.start - shift}:${d.text}:${d.value}`),
    });
    assert.deepEqual(outside(patched, 5), outside(prev.annotations, 0));
  });

  it('gives exactly what the plain statement of a patch gives, over a run of random edits', () => {
    for (const start of [sample, corpusText]) {
      const cache = new ParagraphCache();
      let text = start;
      let previous = { text, annotations: analyze(text, { cache }) };
      let seed = 3;
      const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      const pieces = [' ', 'e', '“', '”', 'Khazali ', 'said ', '\n', 'January 3, 2020 ', '’s', 'Donald Trump ', '. ', 'the Pentagon ', 'He said. '];
      const bodyStart = parseArticle(start).bodyStart;
      for (let i = 0; i < 30; i++) {
        const at = bodyStart + rand(text.length - bodyStart);
        text = text.slice(0, at) + pieces[rand(pieces.length)] + text.slice(at + (rand(3) === 0 ? rand(12) : 0));
        const patched = patchAnnotations(previous, text, { cache });
        assert.deepEqual(patched, plainPatch(previous, text, { cache }), `edit ${i}`);
        previous = { text, annotations: patched ?? analyze(text, { cache }) };
      }
    }
  });

  it('gives what the plain statement gives after an analysis that left its mentions out of text order', () => {
    const a = prev.annotations;
    // The same annotations with the mentions listed last to first.
    const back = (i: number) => a.mentions.length - 1 - i;
    const reversed: Annotations = {
      ...a,
      mentions: [...a.mentions].reverse(),
      entities: a.entities.map((e) => ({ ...e, mentions: e.mentions.map(back).reverse() })),
      quotes: a.quotes.map((q) => (q.speaker ? { ...q, speaker: { ...q.speaker, mention: back(q.speaker.mention) } } : q)),
    };
    const previous = { text: sample, annotations: reversed };
    for (const next of [
      sample.replace('Both commanders were highly revered', 'Both commanders, said Joe Biden, were highly revered'),
      sample.replace('Khazali regretted', 'Khazali said'),
    ]) assert.deepEqual(patchAnnotations(previous, next), plainPatch(previous, next));
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

  it('keeps no whole version of a long article alive for what it caches while the reader types', function () {
    this.timeout(60_000);
    let text = corpusAsOneArticle(4);
    const cache = new ParagraphCache();
    let previous: Previous = { text, annotations: analyze(text, { cache }) };
    const before = heapAfterCollection();
    // A letter typed into each of 40 paragraphs spread through the article, as the server patches
    // each version from the last and keeps its paragraph cache; only the latest version is kept here.
    const keystrokes = 40;
    const paragraphs = parseArticle(text).paragraphs;
    for (let k = 0; k < keystrokes; k++) {
      const p = paragraphs[Math.floor(((k + 0.5) * paragraphs.length) / keystrokes)];
      const at = p.start + k + Math.floor((p.end - p.start) / 2);
      text = text.slice(0, at) + 'e' + text.slice(at);
      previous = { text, annotations: patchAnnotations(previous, text, { cache }) ?? assert.fail('no patch') };
    }
    const grown = heapAfterCollection() - before;
    // Each version is text.length UTF-16 units, two bytes each; a slice of one (a paragraph or
    // a quote in a cache) would keep all of it. What may stay is the cache's 40 new paragraphs.
    const version = text.length * 2;
    assert.ok(grown < (keystrokes / 3) * version, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${keystrokes} keystrokes, a version being ${(version / 1e6).toFixed(2)} MB`);
  });

  it('keeps none of the version a quote was typed in, once later versions keep the quote', () => {
    // A fresh quote's text is a slice of the version it was found in; patches carry the quote
    // on through later versions, so it must not keep that whole version alive (article.ts, detached).
    const filler = 'Filler words. '.repeat(600_000); // 8.4 MB, one long paragraph cut into pieces
    const text = `---\ntitle: A quote typed in\n---\n\n“The bridge will reopen in March,” Jane Doe said.\n\n${filler}\n`;
    const empty: Annotations = { meta: {}, entities: [], mentions: [], quotes: [], dates: [] };
    const at = text.indexOf('reopen');
    const before = heapAfterCollection();
    const quotes = unremembered(() => patchAnnotations({ text, annotations: empty }, `${text.slice(0, at)}soon ${text.slice(at)}`, { cache: new ParagraphCache() }))!.quotes;
    assert.equal(quotes.length, 1);
    const grown = heapAfterCollection() - before;
    assert.ok(grown < 4e6, `one quote holds ${(grown / 1e6).toFixed(1)} MB`);
  });
});
