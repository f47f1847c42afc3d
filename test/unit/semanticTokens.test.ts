// Semantic tokens from annotations, independent of how the annotations were found.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../server/src/analysis/article';
import type { Annotations, Span } from '../../server/src/analysis/model';
import type { AnalyzedDocument } from '../../server/src/articles';
import { encode, LEGEND, paint, SemanticTokensProvider } from '../../server/src/features/semanticTokens';
import { DEFAULT_SETTINGS } from '../../server/src/protocol';

const ALL = DEFAULT_SETTINGS.highlight;

/** A document whose annotations are given by the strings they cover. */
function documentWith(text: string, spans: { quotes?: [string, 'direct' | 'partial' | 'reported'][]; people?: string[]; dates?: [string, string | null][]; speaker?: string }): AnalyzedDocument {
  const at = (s: string) => {
    const start = text.indexOf(s);
    assert.ok(start >= 0, s);
    return { start, end: start + s.length, text: s };
  };
  const mentions = (spans.people ?? []).map((p, i) => ({ ...at(p), type: 'Person' as const, entity: i }));
  const annotations: Annotations = {
    meta: {},
    mentions,
    entities: mentions.map((m, i) => ({ id: i, type: 'Person', name: m.text, aliases: [], roles: [], mentions: [i] })),
    quotes: (spans.quotes ?? []).map(([q, kind]) => ({
      ...at(q), kind,
      ...(spans.speaker ? { speaker: { entity: (spans.people ?? []).indexOf(spans.speaker), mention: (spans.people ?? []).indexOf(spans.speaker), via: 'cue' as const } } : {}),
    })),
    dates: (spans.dates ?? []).map(([d, value]) => ({ ...at(d), value })),
  };
  return { uri: 'test:doc', version: 1, text, bodyStart: 0, referenceDate: undefined, annotations, lines: new LineIndex(text) };
}

const decode = (doc: AnalyzedDocument, data: number[]) => {
  const out: string[] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    const lineText = doc.text.split(/\r\n|\n|\r/)[line];
    const mods = LEGEND.tokenModifiers.filter((_, b) => data[i + 4] & (1 << b));
    out.push(`${LEGEND.tokenTypes[data[i + 3]]}${mods.map((m) => '.' + m).join('')}:${lineText.slice(ch, ch + data[i + 2])}`);
  }
  return out;
};

describe('semantic tokens', () => {
  it('paint names and dates over the quote they stand in, leaving the quote’s other parts', () => {
    const doc = documentWith('“Kadhimi closed it on Tuesday,” he said.', {
      quotes: [['“Kadhimi closed it on Tuesday,”', 'direct']], people: ['Kadhimi'], dates: [['Tuesday', '2020-01-07']],
    });
    assert.deepEqual(decode(doc, encode(doc, paint(doc, ALL))), ['quote:“', 'person:Kadhimi', 'quote: closed it on ', 'date:Tuesday', 'quote:,”']);
  });

  it('paint a partial quote over the reported speech around it', () => {
    const doc = documentWith('He said the exercise is meant to “revalidate deterrence” after all.', {
      quotes: [['the exercise is meant to “revalidate deterrence” after all', 'reported'], ['“revalidate deterrence”', 'partial']],
    });
    assert.deepEqual(decode(doc, encode(doc, paint(doc, ALL))), [
      'quote.reported:the exercise is meant to ', 'quote.partial:“revalidate deterrence”', 'quote.reported: after all',
    ]);
  });

  it('mark the speaker’s mention and unresolved dates with modifiers', () => {
    const doc = documentWith('“Yes,” said Donald Trump on Tuesday night.', {
      quotes: [['“Yes,”', 'direct']], people: ['Donald Trump'], dates: [['Tuesday night', null]], speaker: 'Donald Trump',
    });
    assert.deepEqual(decode(doc, encode(doc, paint(doc, ALL))), ['quote:“Yes,”', 'person.speaker:Donald Trump', 'date.unresolved:Tuesday night']);
  });

  it('cut a quote that runs over a line break into one token per line', () => {
    const doc = documentWith('“We will stay\r\nand we will fight.”', { quotes: [['“We will stay\r\nand we will fight.”', 'direct']] });
    assert.deepEqual(decode(doc, encode(doc, paint(doc, ALL))), ['quote:“We will stay', 'quote:and we will fight.”']);
  });

  it('leave out a category whose highlighting is off', () => {
    const doc = documentWith('Donald Trump spoke on Tuesday.', { people: ['Donald Trump'], dates: [['Tuesday', null]] });
    assert.deepEqual(decode(doc, encode(doc, paint(doc, { ...ALL, people: false }))), ['date.unresolved:Tuesday']);
  });

  it('answer a range with the tokens touching it only', () => {
    const doc = documentWith('Donald Trump\nspoke on\nTuesday.', { people: ['Donald Trump'], dates: [['Tuesday', null]] });
    const r = new SemanticTokensProvider().range(doc, { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } }, ALL);
    assert.deepEqual(decode(doc, r.data), ['date.unresolved:Tuesday']);
  });

  it('answer a delta with one edit that turns the old tokens into the new', () => {
    const provider = new SemanticTokensProvider();
    const before = documentWith('Donald Trump spoke. Joe Biden spoke. On Tuesday.', { people: ['Donald Trump', 'Joe Biden'], dates: [['Tuesday', null]] });
    const first = provider.full(before, ALL);
    const after = { ...documentWith('Donald Trump spoke. Joe spoke. On Tuesday.', { people: ['Donald Trump'], dates: [['Tuesday', null]] }), version: 2 };
    const delta = provider.delta(after, first.resultId!, ALL);
    assert.ok('edits' in delta);
    assert.equal(delta.edits.length, 1);
    const data = [...first.data];
    data.splice(delta.edits[0].start, delta.edits[0].deleteCount, ...(delta.edits[0].data ?? []));
    assert.deepEqual(data, provider.full(after, ALL).data);
  });

  it('answer a delta for an unknown previous result with full tokens', () => {
    const doc = documentWith('Donald Trump.', { people: ['Donald Trump'] });
    const r = new SemanticTokensProvider().delta(doc, 'no-such-id', ALL);
    assert.ok('data' in r && r.data.length === 5);
  });
});

// ---------------------------------------------------------------------------------------------
// Deltas while typing (issue #4): the provider encodes only what an edit touched, so every
// delta is checked against a fresh full encoding, and both against a naive painter and encoder.
// TOKEN_RUNS sets how many random documents each property tries; fast-check prints the seed
// and path of a failure so it replays: TOKEN_SEED=… TOKEN_PATH=… npx mocha ….

type Kind = 'direct' | 'partial' | 'reported';
const TYPES = ['Person', 'Organization', 'Place'] as const;

/** A document with the given annotations, as the store would hand it over. */
function analyzed(text: string, annotations: Annotations, version = 1): AnalyzedDocument {
  return { uri: 'test:doc', version, text, bodyStart: 0, referenceDate: undefined, annotations, lines: new LineIndex(text) };
}

/** What `paint` should give, the slow way: each character goes to the first layer item that reaches it. */
function naivePaint(doc: AnalyzedDocument, enabled: typeof ALL): { start: number; end: number; type: string; modifiers: number }[] {
  const { mentions, dates, quotes } = doc.annotations;
  const speakers = new Set(quotes.flatMap((q) => (q.speaker ? [q.speaker.mention] : [])));
  const on = (type: string) => enabled[({ quote: 'quotes', person: 'people', organization: 'organizations', place: 'places', date: 'dates' } as const)[type as 'quote']];
  const layers = [
    [
      ...mentions.map((m, i) => ({ start: m.start, end: m.end, type: m.type.toLowerCase(), modifiers: speakers.has(i) ? 1 : 0 })),
      ...dates.map((d) => ({ start: d.start, end: d.end, type: 'date', modifiers: d.value ? 0 : 8 })),
    ],
    quotes.filter((q) => q.kind !== 'reported').map((q) => ({ start: q.start, end: q.end, type: 'quote', modifiers: q.kind === 'partial' ? 2 : 0 })),
    quotes.filter((q) => q.kind === 'reported').map((q) => ({ start: q.start, end: q.end, type: 'quote', modifiers: 4 })),
  ];
  const owner: ({ type: string; modifiers: number } | undefined)[] = [];
  for (const layer of layers) {
    let layerEnd = 0;
    for (const item of layer.filter((x) => on(x.type) && x.end > x.start).sort((a, b) => a.start - b.start)) {
      const start = Math.max(item.start, layerEnd);
      if (start >= item.end) continue;
      layerEnd = item.end;
      for (let c = start; c < item.end; c++) owner[c] ??= item;
    }
  }
  const out: { start: number; end: number; type: string; modifiers: number }[] = [];
  for (let c = 0; c < owner.length; c++) {
    const o = owner[c];
    if (!o) continue;
    if (c > 0 && owner[c - 1] === o) out[out.length - 1].end = c + 1;
    else out.push({ start: c, end: c + 1, type: o.type, modifiers: o.modifiers });
  }
  return out;
}

/** The tokens `data` stands for, as absolute positions. */
function absolute(data: number[]): number[][] {
  const out: number[][] = [];
  let line = 0;
  let ch = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    ch = data[i] === 0 ? ch + data[i + 1] : data[i + 1];
    out.push([line, ch, data[i + 2], data[i + 3], data[i + 4]]);
  }
  return out;
}

/** What the encoding should stand for, the slow way: each painted item's runs of characters between line breaks. */
function naiveTokens(text: string, painted: { start: number; end: number; type: string; modifiers: number }[]): number[][] {
  const lineOf: [number, number][] = [];
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    lineOf.push([line, i - lineStart]);
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  const out: number[][] = [];
  for (const p of painted) {
    for (const m of text.slice(p.start, p.end).matchAll(/[^\r\n]+/g)) {
      const [l, c] = lineOf[p.start + m.index];
      out.push([l, c, m[0].length, LEGEND.tokenTypes.indexOf(p.type), p.modifiers]);
    }
  }
  return out;
}

const apply = (data: number[], r: ReturnType<SemanticTokensProvider['delta']>): number[] => {
  if ('data' in r) return [...r.data];
  const out = [...data];
  for (const e of [...r.edits].reverse()) out.splice(e.start, e.deleteCount, ...(e.data ?? []));
  return out;
};

/** Pieces of article text, line breaks of every kind among them. */
const piece = fc.constantFrom(
  'Joe', 'Biden', ' ', ' said ', '“', '”', '.', 'x', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', 'Tuesday', ', ',
  // Long runs alike, where an edit's own text could pass for unchanged.
  'x'.repeat(70), '\n'.repeat(9), 'ab'.repeat(300),
);
const textOf = fc.array(piece, { maxLength: 40 }).map((ps) => ps.join(''));
/** An annotation as numbers, placed in whatever text it meets. */
const spanSpec = fc.record({ what: fc.nat({ max: 2 }), at: fc.nat(), length: fc.nat({ max: 30 }), sub: fc.nat({ max: 11 }) });
type SpanSpec = { what: number; at: number; length: number; sub: number };

/** Annotations from specs, each within `from..to` of `text`, in the specs' order (not text order). */
function annotationsOf(text: string, specs: SpanSpec[], from = 0, to = text.length): { mentions: Annotations['mentions']; dates: Annotations['dates']; quotes: Annotations['quotes'] } {
  const place = (s: SpanSpec) => {
    const start = from + (s.at % (to - from + 1));
    const end = Math.min(to, start + s.length);
    return { start, end, text: text.slice(start, end) };
  };
  return {
    mentions: specs.filter((s) => s.what === 0).map((s) => ({ ...place(s), type: TYPES[s.sub % 3], entity: 0 })),
    dates: specs.filter((s) => s.what === 1).map((s) => ({ ...place(s), value: s.sub % 2 ? '2020-01-07' : null })),
    quotes: specs.filter((s) => s.what === 2).map((s) => ({ ...place(s), kind: (['direct', 'partial', 'reported'] as Kind[])[s.sub % 3] })),
  };
}

/** Sorted by start as the analysis gives them, with speakers (by `picks`) pointing at mentions. */
function tidy(a: ReturnType<typeof annotationsOf>, picks: number[]): Annotations {
  const byStart = <T extends { start: number }>(xs: T[]) => [...xs].sort((x, y) => x.start - y.start);
  const mentions = byStart(a.mentions);
  const quotes = byStart(a.quotes).map(({ speaker: _, ...q }, i) => {
    const pick = picks[i % Math.max(1, picks.length)];
    return mentions.length && pick !== undefined && pick % 3 ? { ...q, speaker: { entity: 0, mention: pick % mentions.length, via: 'cue' as const } } : q;
  });
  return { meta: {}, mentions, entities: [], quotes, dates: byStart(a.dates) };
}

/**
 * `text` with `length` characters at `at` replaced by `insert`; spans before kept, after moved,
 * around it stretched (typing in a quote), across its ends dropped.
 */
function edited(text: string, a: Annotations, at: number, length: number, insert: string): { text: string; annotations: Annotations } {
  const shift = insert.length - length;
  const keep = <T extends Span>(s: T): T | null =>
    s.end <= at ? s
    : s.start >= at + length ? { ...s, start: s.start + shift, end: s.end + shift }
    : s.start <= at && at + length <= s.end && s.end + shift > s.start ? { ...s, end: s.end + shift }
    : null;
  const mentionIndex = new Map<number, number>();
  const mentions: Annotations['mentions'] = [];
  a.mentions.forEach((m, i) => {
    const k = keep(m);
    if (k) mentionIndex.set(i, mentions.push(k) - 1);
  });
  const quotes = a.quotes.flatMap((q) => {
    const k = keep(q);
    if (!k) return [];
    const mention = q.speaker && mentionIndex.get(q.speaker.mention);
    const { speaker: _, ...rest } = k;
    return [mention === undefined ? rest : { ...rest, speaker: { ...q.speaker!, mention } }];
  });
  return {
    text: text.slice(0, at) + insert + text.slice(at + length),
    annotations: { ...a, mentions, quotes, dates: a.dates.flatMap((d) => keep(d) ?? []) },
  };
}

describe('semantic tokens while typing', () => {
  const RUNS = Number(process.env.TOKEN_RUNS ?? 1000);
  const REPLAY = process.env.TOKEN_SEED ? { seed: Number(process.env.TOKEN_SEED), path: process.env.TOKEN_PATH, endOnFailure: true } : {};

  it('paint and encode, whole or by range, as the naive painter and encoder do', () => {
    fc.assert(fc.property(textOf, fc.array(spanSpec, { maxLength: 20 }), fc.array(fc.nat(), { maxLength: 6 }), fc.boolean(), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.nat(), fc.nat(),
      (text, specs, picks, sorted, flags, a, b) => {
        const placed = annotationsOf(text, specs);
        // Out of text order too: paint must order them itself, as stably as a sort would.
        const annotations = sorted ? tidy(placed, picks) : { meta: {}, entities: [], ...placed };
        const doc = analyzed(text, annotations);
        const enabled = { quotes: flags[0], people: flags[1], organizations: flags[2], places: flags[3], dates: flags[4] };
        const painted = paint(doc, enabled);
        assert.deepEqual(painted, naivePaint(doc, enabled));
        assert.deepEqual(absolute(encode(doc, painted)), naiveTokens(text, painted));
        assert.deepEqual(new SemanticTokensProvider().full(doc, enabled).data, encode(doc, painted));
        const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y);
        const range = { start: doc.lines.positionAt(from), end: doc.lines.positionAt(to) };
        const touching = painted.filter((p) => p.end > doc.lines.offsetAt(range.start) && p.start < doc.lines.offsetAt(range.end));
        assert.deepEqual(absolute(new SemanticTokensProvider().range(doc, range, enabled).data), naiveTokens(text, touching));
      }), { numRuns: RUNS, ...REPLAY });
  });

  it('answer every edit with a delta that turns the old tokens into a fresh full encoding', () => {
    const step = fc.record({
      at: fc.nat(), length: fc.nat({ max: 12 }), insert: textOf,
      // Text replaced by as much text: nothing after it moves.
      sameLength: fc.boolean(),
      // New annotations about the edit, as the analysis of the changed paragraph finds them.
      fresh: fc.array(spanSpec, { maxLength: 4 }),
      // Speakers reassigned anywhere: a modifier far from the edit changes.
      picks: fc.option(fc.array(fc.nat(), { maxLength: 4 })),
      // Now and then everything changes, or a category is switched.
      redo: fc.option(fc.array(spanSpec, { maxLength: 12 }), { freq: 8 }),
      toggle: fc.option(fc.constantFrom('quotes', 'people', 'organizations', 'places', 'dates'), { freq: 8 }),
    });
    fc.assert(fc.property(textOf, fc.array(spanSpec, { maxLength: 16 }), fc.array(step, { minLength: 1, maxLength: 10 }), (text0, specs, steps) => {
      const provider = new SemanticTokensProvider();
      let enabled = { ...ALL };
      let doc = analyzed(text0, tidy(annotationsOf(text0, specs), [1, 2, 0]));
      let result = provider.full(doc, enabled);
      let client = [...result.data];
      for (const s of steps) {
        const at = s.at % (doc.text.length + 1);
        const length = Math.min(s.sameLength ? s.insert.length : s.length, doc.text.length - at);
        const next = edited(doc.text, doc.annotations, at, length, s.sameLength ? s.insert.slice(0, length) : s.insert);
        let placed = {
          mentions: next.annotations.mentions, dates: next.annotations.dates, quotes: next.annotations.quotes,
        };
        const around = annotationsOf(next.text, s.fresh, Math.max(0, at - 5), Math.min(next.text.length, at + s.insert.length + 5));
        placed = { mentions: [...placed.mentions, ...around.mentions], dates: [...placed.dates, ...around.dates], quotes: [...placed.quotes, ...around.quotes] };
        if (s.redo) placed = annotationsOf(next.text, s.redo);
        let annotations = tidy(placed, s.picks ?? []);
        if (!s.picks) {
          // Keep the speakers as they were where the quotes were kept.
          const keptSpeaker = new Map(next.annotations.quotes.map((q) => [q.start, q.speaker]));
          annotations = { ...annotations, quotes: annotations.quotes.map(({ speaker: _, ...q }) => {
            const speaker = keptSpeaker.get(q.start);
            return speaker && speaker.mention < annotations.mentions.length ? { ...q, speaker } : q;
          }) };
        }
        if (s.toggle) enabled = { ...enabled, [s.toggle]: !enabled[s.toggle] };
        doc = analyzed(next.text, annotations, doc.version + 1);
        const r = provider.delta(doc, result.resultId!, enabled);
        assert.ok('edits' in r, 'a delta, not full tokens');
        assert.ok(r.edits.length <= 1);
        client = apply(client, r);
        const fresh = new SemanticTokensProvider().full(doc, enabled);
        assert.deepEqual(client, fresh.data);
        assert.deepEqual(absolute(client), naiveTokens(doc.text, naivePaint(doc, enabled)));
        result = { resultId: r.resultId, data: client };
      }
    }), { numRuns: RUNS, ...REPLAY });
  });

  /** A long article: `n` lines, each a sentence with a name, a date and a quote. */
  const article = (n: number, eol = '\n') => {
    const lines = Array.from({ length: n }, (_, i) => `Line ${i}: Joe Biden said on Tuesday “we will stay” and left.`);
    const text = lines.join(eol);
    const specs: { mentions: Annotations['mentions']; dates: Annotations['dates']; quotes: Annotations['quotes'] } = { mentions: [], dates: [], quotes: [] };
    let offset = 0;
    for (const line of lines) {
      const at = (s: string) => ({ start: offset + line.indexOf(s), end: offset + line.indexOf(s) + s.length, text: s });
      specs.mentions.push({ ...at('Joe Biden'), type: 'Person', entity: 0 });
      specs.dates.push({ ...at('Tuesday'), value: '2020-01-07' });
      specs.quotes.push({ ...at('“we will stay”'), kind: 'direct' });
      offset += line.length + eol.length;
    }
    return analyzed(text, tidy(specs, [0]));
  };
  const typed = (doc: AnalyzedDocument, at: number, length: number, insert: string) => {
    const next = edited(doc.text, doc.annotations, at, length, insert);
    return analyzed(next.text, next.annotations, doc.version + 1);
  };

  it('answer a one-character edit between tokens with one small edit', () => {
    const provider = new SemanticTokensProvider();
    const before = article(200);
    const first = provider.full(before, ALL);
    // An "e" typed in "said" on line 100: only the distance to the date after it grows.
    const after = typed(before, before.text.indexOf('said', before.text.indexOf('Line 100:')) + 2, 0, 'e');
    const delta = provider.delta(after, first.resultId!, ALL);
    assert.ok('edits' in delta);
    assert.deepEqual(delta.edits.map((e) => [e.deleteCount, e.data]), [[1, [first.data[delta.edits[0].start] + 1]]]);
    assert.deepEqual(apply(first.data, delta), provider.full(after, ALL).data);
  });

  it('move the tokens after an edit with it: a line added above them changes one number', () => {
    const provider = new SemanticTokensProvider();
    const before = article(50, '\r\n');
    const first = provider.full(before, ALL);
    const after = typed(before, before.text.indexOf('Line 20:'), 0, 'A new line.\r\n');
    const delta = provider.delta(after, first.resultId!, ALL);
    assert.ok('edits' in delta);
    assert.equal(delta.edits.length, 1);
    assert.equal(delta.edits[0].deleteCount, 1);
    const data = apply(first.data, delta);
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.deepEqual(decode(after, data).slice(60, 63), ['person:Joe Biden', 'date:Tuesday', 'quote:“we will stay”']);
    assert.equal(absolute(data)[60][0], 21, 'line 20’s name is on line 21 now');
  });

  it('cut a quote in two where a line break is typed in it, and keep the tokens after it', () => {
    const provider = new SemanticTokensProvider();
    const before = article(10);
    const first = provider.full(before, ALL);
    const quote = before.annotations.quotes[5];
    const next = edited(before.text, before.annotations, quote.start + 4, 0, '\n');
    const annotations = { ...next.annotations, quotes: [...next.annotations.quotes.slice(0, 5), { ...quote, end: quote.end + 1 }, ...next.annotations.quotes.slice(5)] };
    const after = analyzed(next.text, annotations, 2);
    const delta = provider.delta(after, first.resultId!, ALL);
    const data = apply(first.data, delta);
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.deepEqual(decode(after, data).slice(15, 19), ['person:Joe Biden', 'date:Tuesday', 'quote:“we ', 'quote:will stay”']);
  });

  it('find where the last token before the edit is when the item before it is only a line break', () => {
    const provider = new SemanticTokensProvider();
    // The quote's part between the two names is a line break alone: it gives no token.
    const before = documentWith('A headline\nHe said “Joe\nBiden” and left on Tuesday.', { quotes: [['“Joe\nBiden”', 'direct']], people: ['Joe', 'Biden'], dates: [['Tuesday', null]] });
    const first = provider.full(before, ALL);
    const after = typed(before, before.text.indexOf('Biden') + 2, 0, 'x');
    const data = apply(first.data, provider.delta(after, first.resultId!, ALL));
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.deepEqual(decode(after, data), ['quote:“', 'person:Joe', 'person:Bixden', 'quote:”', 'date.unresolved:Tuesday']);
  });

  it('move the tokens after a line break typed over a character in a quote, though no offset moves', () => {
    const provider = new SemanticTokensProvider();
    const before = documentWith('A headline\n“We will stay,” he said on Tuesday.', { quotes: [['“We will stay,”', 'direct']], dates: [['Tuesday', null]] });
    const first = provider.full(before, ALL);
    const at = before.text.indexOf(' stay');
    const after = { ...before, version: 2, text: before.text.slice(0, at) + '\n' + before.text.slice(at + 1), lines: new LineIndex(before.text.slice(0, at) + '\n' + before.text.slice(at + 1)) };
    const data = apply(first.data, provider.delta(after, first.resultId!, ALL));
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.deepEqual(decode(after, data), ['quote:“We will', 'quote:stay,”', 'date.unresolved:Tuesday']);
  });

  it('move the first token after an edit when the item before it moved too but is only a line break', () => {
    const provider = new SemanticTokensProvider();
    // "\r" and "\nJ" painted: the first gives no token, so the "J" is the first token that moves.
    const mentions = (...spans: [number, number][]) => spans.map(([start, end]) => ({ start, end, text: '', type: 'Person' as const, entity: 0 }));
    const before = analyzed('\r\nJoe\r\nJoe', { meta: {}, entities: [], quotes: [], dates: [], mentions: mentions([5, 6], [6, 8]) });
    const first = provider.full(before, ALL);
    const after = analyzed('Joe\r\nJoe\r\nJoe', { meta: {}, entities: [], quotes: [], dates: [], mentions: mentions([0, 6], [8, 9], [9, 11]) }, 2);
    const data = apply(first.data, provider.delta(after, first.resultId!, ALL));
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.deepEqual(absolute(data), [[0, 0, 3, 1, 0], [1, 0, 1, 1, 0], [2, 0, 1, 1, 0]]);
  });

  it('mark a speaker far from the edit at once', () => {
    const provider = new SemanticTokensProvider();
    const before = article(100);
    const first = provider.full(before, ALL);
    const next = typed(before, 3, 0, 'x');
    const quotes = next.annotations.quotes.map((q, i) => (i === 90 ? { ...q, speaker: { entity: 0, mention: 90, via: 'cue' as const } } : q));
    const after = analyzed(next.text, { ...next.annotations, quotes }, 3);
    const data = apply(first.data, provider.delta(after, first.resultId!, ALL));
    assert.deepEqual(data, provider.full(after, ALL).data);
    assert.equal(decode(after, data)[270], 'person.speaker:Joe Biden');
  });

  it('leave the tokens it answered with alone when later deltas edit its own', () => {
    const provider = new SemanticTokensProvider();
    const before = article(20);
    const first = provider.full(before, ALL);
    const copy = [...first.data];
    provider.delta(typed(before, 0, 4, ''), first.resultId!, ALL);
    assert.deepEqual(first.data, copy);
  });

  it('remember nothing from a cancelled request', () => {
    const provider = new SemanticTokensProvider();
    const before = article(5);
    const first = provider.full(before, ALL);
    const after = typed(before, 0, 0, 'x');
    const cancelled = { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) };
    assert.deepEqual(provider.delta(after, first.resultId!, ALL, cancelled), { data: [] });
    const delta = provider.delta(after, first.resultId!, ALL);
    assert.ok('edits' in delta, 'the previous result still stands');
    assert.deepEqual(apply(first.data, delta), provider.full(after, ALL).data);
  });
});
