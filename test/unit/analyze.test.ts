// The pipeline as a whole: per-paragraph reuse, the three paragraph shapes, and bad input.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, ParagraphCache } from '../../server/src/analysis/analyze';
import type { Annotations } from '../../server/src/analysis/model';
import { heapAfterCollection } from './heap';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

/** Every span lies inside the text, its `text` is its slice, and references resolve. */
function assertConsistent(text: string, a: Annotations): void {
  const spans = [...a.mentions, ...a.quotes, ...a.dates];
  for (const s of spans) {
    assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, `span ${s.start}-${s.end} out of bounds`);
    assert.equal(text.slice(s.start, s.end), s.text);
  }
  for (const m of a.mentions) assert.ok(a.entities[m.entity].mentions.includes(a.mentions.indexOf(m)));
  for (const q of a.quotes) {
    if (q.cue) assert.ok(q.cue.start >= 0 && q.cue.end <= text.length && q.cue.start < q.cue.end);
    if (q.speaker) {
      assert.equal(a.mentions[q.speaker.mention].entity, q.speaker.entity);
    }
  }
  for (const d of a.dates) if (d.value !== null) assert.match(d.value, /^\d{4}(-\d{2}(-\d{2})?)?$/);
}

describe('the analysis pipeline', () => {
  it('gives spans that are exact slices of the text, with references that resolve (the sample)', () => {
    assertConsistent(sample, analyze(sample));
  });

  it('re-analyses only the paragraph an edit touched', () => {
    const cache = new ParagraphCache();
    analyze(sample, { cache });
    const before = cache.misses;
    const edited = sample.replace('Both commanders were highly revered', 'Both commanders were much revered');
    const a = analyze(edited, { cache });
    assert.equal(cache.misses - before, 1);
    assertConsistent(edited, a);
  });

  it('analyses only the paragraphs around a window when asked to, at whole-text offsets', () => {
    const lines = sample.split('\n');
    const start = sample.indexOf('Iran has described');
    const a = analyze(sample, { window: { start, end: start + 10 } });
    assertConsistent(sample, a);
    const whole = analyze(sample);
    assert.ok(a.mentions.length > 0 && a.mentions.length < whole.mentions.length);
    // The window's paragraph and three on each side, no further.
    const lineOf = (offset: number) => sample.slice(0, offset).split('\n').length - 1;
    const here = lineOf(start);
    assert.ok(a.mentions.every((m) => Math.abs(lineOf(m.start) - here) <= 3), 'a mention outside the window and its context');
    assert.ok(lines.length > 8);
  });

  it('gives the same result for an unchanged text whether cached or not', () => {
    const cache = new ParagraphCache();
    analyze(sample, { cache });
    assert.deepEqual(analyze(sample, { cache }), analyze(sample));
  });

  it('moves cached paragraphs to where they now stand without changing annotations it gave before', () => {
    // Cached results are moved in place (analyze.ts): what an earlier analysis returned must
    // share nothing with them, and a paragraph that comes twice must not be moved under itself.
    const corpus = join(__dirname, '../fixtures/corpus');
    const articles = readdirSync(corpus).filter((f) => f.endsWith('.article')).slice(0, 6).map((f) => readFileSync(join(corpus, f), 'utf8'));
    const cache = new ParagraphCache();
    for (const text of articles) {
      const first = analyze(text, { cache });
      const kept = structuredClone(first);
      const body = text.slice(text.indexOf('\n---\n') + 5);
      const variants = [
        text.replace('\n---\n', '\n---\nA new first paragraph, said Jane Doe on Monday.\n\n'),
        `${text}\n\n${body}`,
        text.slice(0, text.length >> 1),
      ];
      for (const variant of variants) {
        const moved = analyze(variant, { cache });
        assert.deepEqual(moved, analyze(variant), 'moved results differ from fresh ones');
        assertConsistent(variant, moved);
        for (const spans of [moved.mentions, moved.dates, moved.quotes]) {
          assert.equal(new Set(spans.map((x) => `${x.start}-${x.end}`)).size, spans.length, 'two annotations on one span: a repeated paragraph was moved under itself');
        }
        assert.deepEqual(first, kept, 'a later analysis changed annotations already returned');
        const start = variant.length >> 2;
        assert.deepEqual(analyze(variant, { cache, window: { start, end: start + 200 } }), analyze(variant, { window: { start, end: start + 200 } }));
      }
      assert.deepEqual(analyze(text, { cache }), kept);
    }
  });

  it('keeps none of the text a paragraph was cut from, when it analyses the paragraph or finds it cached', () => {
    // A paragraph asked about is a slice of an article version, and V8 keeps a slice's whole
    // text alive with it; the cache outlives the versions (article.ts, detached).
    const paragraph = 'Jane Doe said on Monday that the bridge would reopen in March.';
    const cutFrom = (version: number) => {
      const text = `${'Filler words. '.repeat(600_000)}${version}\n\n${paragraph}`; // 8.4 MB
      return text.slice(text.length - paragraph.length);
    };
    analyze(paragraph); // compromise's one-time set-up, not measured
    const cache = new ParagraphCache();
    const before = heapAfterCollection();
    cache.get(cutFrom(1));
    assert.equal(cache.misses, 1);
    cache.get(cutFrom(2));
    assert.equal(cache.hits, 1);
    const grown = heapAfterCollection() - before;
    assert.ok(grown < 2e6, `the cache holds ${(grown / 1e6).toFixed(1)} MB for one short paragraph`);
  });

  it('finds the same names whether paragraphs are lines, blank-line blocks or hard-wrapped blocks', () => {
    const body = [
      'Qais al-Khazali said in an interview on Tuesday that the lawsuit is now being pursued once again.',
      'Khazali also said that the deployment of US military forces in Iraq is meant to ensure security.',
    ];
    const names = (text: string) => analyze(text).mentions.map((m) => m.text);
    const lines = names(body.join('\n'));
    assert.ok(lines.length > 0);
    assert.deepEqual(names(body.join('\n\n')), lines);
    const wrapped = body.map((p) => p.replace(/(.{40,60}?) /g, '$1\n')).join('\n\n');
    assert.deepEqual(names(wrapped), lines);
  });

  describe('on bad input, degrades instead of failing', () => {
    const cases: [string, string][] = [
      ['an empty file', ''],
      ['only front matter', '---\ntitle: x\n---\n'],
      ['a quote never closed', '“This quote never ends, said the minister.\nNext paragraph with Donald Trump.\n“And another'],
      ['a closing mark never opened', 'He said it was over.” Then he left.'],
      ['100,000 quotation marks', '"'.repeat(60000) + ' “'.repeat(20000) + '‘'.repeat(20000)],
      ['nested quotes', '“He said ‘she said “they said ‘no’ ” ’ ” and left.'],
      ['binary-like junk', String.fromCharCode(...Array.from({ length: 3000 }, (_, i) => (i * 7919) % 0xd7ff))],
      ['lone surrogates', 'Iraq \uD800 Syria \uDC00 “quote\uD83D”'],
      ['zero-width and combining marks', 'Zo\u0308e\u200B Smith said “hi\u200D”. José Martí visited Bogotá.'],
      ['right-to-left text', 'قال الرئيس «سنبقى» يوم الثلاثاء. ראש הממשלה אמר "כן".'],
      ['CR-only line ends', 'Headline\rDonald Trump said “yes.”\rOn January 3, 2020.'],
      ['a quote and a report over a wrapped line', 'Headline\n\nHe said the plan\nwould work and “we will\r\nstay” in Baghdad.\n'],
      ['a very long single line', 'Donald Trump said “we will” on Tuesday in Baghdad. '.repeat(3000)],
    ];
    for (const [name, text] of cases) {
      it(name, () => {
        const a = analyze(text, { referenceDate: '2020-01-10' });
        assertConsistent(text, a);
      });
    }
  });

  describe('a non-English article', () => {
    const text = [
      '---', 'date: 2023-05-10', '---',
      "Le président Emmanuel Macron a déclaré mardi à Paris que « la France restera aux côtés de l'Ukraine ». Selon Le Monde, la Commission européenne prépare de nouvelles sanctions.",
      '« Nous ne céderons pas », a ajouté la Première ministre devant l’Assemblée nationale le 9 mai 2023.',
      'Die Bundesregierung in Berlin hat am Dienstag neue Hilfen angekündigt. „Wir stehen fest an der Seite der Ukraine", erklärte er.',
    ].join('\n');
    const a = analyze(text);

    it('still has its quotes, in guillemets and German marks', () => {
      assert.deepEqual(a.quotes.map((q) => q.text), ["« la France restera aux côtés de l'Ukraine »", '« Nous ne céderons pas »', '„Wir stehen fest an der Seite der Ukraine"']);
    });

    it('still has its full dates, with their values', () => {
      assert.deepEqual(a.dates.map((d) => [d.text, d.value]), [['9 mai 2023', '2023-05-09']]);
    });

    it('keeps only names the gazetteers know instead of taking capitalised nouns for names', () => {
      assert.deepEqual(a.mentions.map((m) => `${m.type}:${m.text}`), ['Place:Paris', 'Place:France', 'Place:Berlin']);
    });
  });
});
