// Semantic tokens from annotations, independent of how the annotations were found.
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/analysis/article';
import type { Annotations } from '../../server/src/analysis/model';
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
