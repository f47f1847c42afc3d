import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex, MAX_PARAGRAPH, parseAround, parseArticle, parseFrontMatter, reparseArticle, splitParagraphs, type Article } from '../../server/src/analysis/article';
import { heapAfterCollection } from './heap';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const corpusText = readFileSync(join(__dirname, '../fixtures/corpus/afghan.article'), 'utf8');

/** The parse of a text made afresh, without `parseArticle`'s memory of earlier parses. */
function parsedAfresh(text: string): Article {
  const { meta, bodyStart } = parseFrontMatter(text);
  return { text, meta, bodyStart, paragraphs: splitParagraphs(text, bodyStart) };
}

describe('an article', () => {
  describe('front matter', () => {
    it('reads title, date, source and url between --- lines', () => {
      const a = parseArticle('---\ntitle: A: B\ndate: 2020-01-10\nsource: Press TV\nurl: https://x.test/a\n---\nHeadline\n');
      assert.deepEqual(a.meta, { title: 'A: B', date: '2020-01-10', source: 'Press TV', url: 'https://x.test/a' });
      assert.equal(a.text.slice(a.bodyStart), 'Headline\n');
    });

    it('is optional: without it the whole file is body', () => {
      const a = parseArticle('Headline\nBody.');
      assert.deepEqual(a.meta, {});
      assert.equal(a.bodyStart, 0);
    });

    it('is not hidden when it is never closed', () => {
      const a = parseArticle('---\ntitle: x\nThe body starts here and runs on.\n');
      assert.equal(a.bodyStart, 0);
      assert.ok(a.paragraphs.length > 0);
    });

    it('works with CRLF line ends', () => {
      const a = parseArticle('---\r\ntitle: T\r\ndate: 2015-05-07\r\n---\r\nHeadline\r\n');
      assert.equal(a.meta.date, '2015-05-07');
      assert.equal(a.text.slice(a.bodyStart), 'Headline\r\n');
    });

    it('is never part of the body paragraphs', () => {
      const a = parseArticle(sample);
      assert.equal(a.meta.title, 'Khazali: US ordered former Iraqi government to drop Soleimani lawsuit');
      assert.equal(a.meta.source, 'Press TV');
      assert.ok(a.paragraphs.every((p) => p.start >= a.bodyStart));
    });
  });

  describe('paragraphs', () => {
    it('are one per line when the body has no blank lines (the sample)', () => {
      const a = parseArticle(sample);
      const bodyLines = sample.slice(a.bodyStart).split('\n').filter((l) => l.trim());
      assert.equal(a.paragraphs.length, bodyLines.length);
      assert.ok(a.paragraphs[1].text.startsWith('Qais al-Khazali said'));
    });

    it('are blocks separated by blank lines (the corpus)', () => {
      const a = parseArticle('Headline\n\nFirst paragraph.\n\nSecond paragraph.\n');
      assert.deepEqual(a.paragraphs.map((p) => p.text), ['Headline', 'First paragraph.', 'Second paragraph.']);
    });

    it('are separated by a line of any whitespace, as trim() counts it, but not of control characters', () => {
      // No-break, em and ideographic spaces, a byte-order mark, a tab, a vertical tab: blank.
      const spaces = ['\u00a0', '\u2003 ', '\u3000', '\ufeff', '\t', '\v'];
      for (const space of spaces) {
        const a = parseArticle(`Headline\n\nFirst paragraph.\n${space}\nSecond paragraph.`);
        assert.deepEqual(a.paragraphs.map((p) => p.text), ['Headline', 'First paragraph.', 'Second paragraph.'], JSON.stringify(space));
      }
      // A NUL or a lone surrogate is text, so the lines around it stay one paragraph.
      for (const text of ['\u0000', '\ud800']) {
        const a = parseArticle(`Headline\n\nFirst line\n${text}\nsecond line.`);
        assert.equal(a.paragraphs.length, 2, JSON.stringify(text));
      }
    });

    it('join hard-wrapped lines inside a block, keeping offsets aligned', () => {
      const text = 'Headline\n\nThe minister said on Tuesday that the\r\nplan would go ahead.\n\nNext.';
      const a = parseArticle(text);
      assert.equal(a.paragraphs[1].text, 'The minister said on Tuesday that the  plan would go ahead.');
      for (const p of a.paragraphs) assert.equal(p.text.length, p.end - p.start);
      assert.equal(text.slice(a.paragraphs[1].start, a.paragraphs[1].end).replace(/\r\n/, '  '), a.paragraphs[1].text);
    });

    it('split a block of long one-line paragraphs that each end a sentence', () => {
      const long = 'A sentence that is long enough to be a paragraph on its own rather than a hard-wrapped line of text in a narrow column.';
      const a = parseArticle(`Headline\n\n${long}\n${long}\n`);
      assert.equal(a.paragraphs.length, 3);
    });

    it('cut a huge line into bounded pieces at sentence ends', () => {
      const text = 'Word after word. '.repeat(2000);
      const a = parseArticle(text);
      assert.ok(a.paragraphs.length > 1);
      assert.ok(a.paragraphs.every((p) => p.end - p.start <= MAX_PARAGRAPH));
      assert.ok(a.paragraphs.every((p) => p.text.endsWith('.')));
    });

    it('never cut a surrogate pair in two', () => {
      const text = '😀'.repeat(MAX_PARAGRAPH);
      const a = parseArticle(text);
      for (const p of a.paragraphs) {
        assert.ok(!/[\uD800-\uDBFF]$/.test(p.text), 'ends with a lone high surrogate');
        assert.ok(!/^[\uDC00-\uDFFF]/.test(p.text), 'starts with a lone low surrogate');
      }
    });
  });

  describe('parsed again after an edit', () => {
    const long = 'A sentence that is long enough to be a paragraph on its own rather than a hard-wrapped line of text in a narrow column.';
    // Every shape of body: one paragraph per line, blank-line blocks, CRLF, hard-wrapped blocks
    // with long lines that end paragraphs, a line cut into pieces, no body at all.
    const bodies = [
      sample,
      corpusText,
      corpusText.replace(/\n/g, '\r\n'),
      `---\ntitle: Wrapped\n---\nHeadline\n\n${long}\n${long}\nshort line\nand another\n${long}\n\nLast.\n`,
      'Word after word. '.repeat(600),
      '',
    ];
    const pieces = ['\n', '\r\n', '\r', '\n\n', ' ', '  \n', 'x', '.', '”', long, `${long}\n`, 'Word after word. '.repeat(300), '---\n', 'a: b\n', '\n \n'];

    it('gives what parsing the new text afresh gives, edit after edit, whatever the shape of the body', () => {
      let seed = 1;
      const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
      for (const body of bodies) {
        let text = body;
        let parsed = parseArticle(text);
        for (let i = 0; i < 150; i++) {
          const at = rand(text.length + 1);
          const cut = rand(3) === 0 ? rand(rand(2) ? 5 : 200) : 0;
          const next = text.slice(0, at) + (rand(4) === 0 ? '' : pieces[rand(pieces.length)]) + text.slice(at + cut);
          parsed = reparseArticle(parsed, next);
          assert.deepEqual(parsed, parsedAfresh(next), `edit ${i} at ${at} of ${JSON.stringify(text.slice(0, 40))}`);
          text = next;
        }
      }
    });

    it('keeps the paragraphs before the edit and shifts those after it', () => {
      const before = parseArticle(sample);
      const at = sample.indexOf('Both commanders were highly revered');
      const after = reparseArticle(before, `${sample.slice(0, at)}Both of the commanders${sample.slice(at + 'Both commanders'.length)}`);
      const changed = before.paragraphs.findIndex((p) => p.start === at);
      for (let i = 0; i < changed; i++) assert.equal(after.paragraphs[i], before.paragraphs[i]);
      assert.ok(after.paragraphs[changed].text.startsWith('Both of the commanders were'));
      for (let i = changed + 1; i < before.paragraphs.length; i++) {
        assert.equal(after.paragraphs[i].text, before.paragraphs[i].text);
        assert.equal(after.paragraphs[i].start, before.paragraphs[i].start + 7);
      }
    });

    it('splits the whole body again when an edit gives it its first blank line', () => {
      const next = sample.replace('Both commanders', '\nBoth commanders');
      assert.deepEqual(reparseArticle(parseArticle(sample), next), parsedAfresh(next));
    });
  });

  describe('split around a place', () => {
    /** What a window of a whole parse holds: the paragraphs overlapping `span`, and `context` on each side. */
    function aroundInWhole(text: string, span: { start: number; end: number }, context: number): Article {
      const whole = parsedAfresh(text);
      const first = whole.paragraphs.findIndex((p) => p.end > span.start);
      if (first < 0) return { ...whole, paragraphs: [] };
      let last = first;
      while (last < whole.paragraphs.length && whole.paragraphs[last].start < span.end) last++;
      return { ...whole, paragraphs: whole.paragraphs.slice(Math.max(0, first - context), last + context) };
    }

    const long = 'A sentence that is long enough to be a paragraph on its own rather than a hard-wrapped line of text in a narrow column.';
    // Pieces of every shape of body, each of them many times over, so that a place is often far
    // from the body's ends and from the one line that decides how the whole body splits.
    const piece = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ' ', '  \n', '\u00a0\n', '\v', '\u0000', 'x', 'Word.', '.', '”', long, `${long}\n`, `${long}\r\n`, 'Word after word. '.repeat(300));
    // size 'max': lengths spread up to the bound, so many bodies run to tens of thousands of characters.
    const body = fc.array(piece, { maxLength: 400, size: 'max' }).map((p) => p.join(''));
    const frontMatter = fc.constantFrom('', '---\ntitle: T\n---\n', '---\r\ndate: 2024-01-02\r\n---\r\n', '\ufeff', '---\nnever closed\n');
    const spanOf = (length: number) => fc.tuple(fc.integer({ min: -5, max: length + 5 }), fc.integer({ min: 0, max: 3000 })).map(([start, size]) => ({ start, end: start + size }));

    it('gives the paragraphs a whole parse has there, whatever the shape of the body', () => {
      fc.assert(fc.property(frontMatter, body, fc.integer({ min: 0, max: 60 }), fc.context(), (head, rest, context, ctx) => {
        const text = head + rest;
        fc.pre(text.length > 0);
        for (const span of fc.sample(spanOf(text.length), 5)) {
          ctx.log(JSON.stringify(span));
          assert.deepEqual(parseAround(text, span, context), aroundInWhole(text, span, context));
        }
      }), { numRuns: 300 });
    });

    it('looks further when the lines near the place hold too few paragraphs', () => {
      // Blocks of hard-wrapped lines, each block 6,000 characters: the first reach holds none whole.
      const block = `${'short wrapped line\n'.repeat(300)}\n`;
      const text = block.repeat(12);
      const span = { start: block.length * 6 + 10, end: block.length * 6 + 20 };
      const got = parseAround(text, span, 2);
      assert.equal(got.paragraphs.length, 5);
      assert.deepEqual(got, aroundInWhole(text, span, 2));
    });

    it('tells a body with one blank line from one without, wherever that line is', () => {
      const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i} goes on.`);
      for (const blank of ['', ' ', '\t', '\u00a0', '\v', '\u3000']) {
        for (const at of [0, 1500, 2999]) {
          const text = [...lines.slice(0, at), blank, ...lines.slice(at)].join('\n');
          const span = { start: 30_000, end: 30_100 };
          assert.deepEqual(parseAround(text, span, 3), aroundInWhole(text, span, 3), `${JSON.stringify(blank)} at line ${at}`);
        }
      }
      // A control character is text, \r\n is one break, and the empty end after a last break is no line.
      for (const text of [lines.join('\n\u0000\n'), lines.join('\r\n'), `${lines.join('\n')}\n`, `${lines.join('\r')}\r`]) {
        const span = { start: 30_000, end: 30_100 };
        assert.deepEqual(parseAround(text, span, 3), aroundInWhole(text, span, 3));
        assert.ok(parseAround(text, span, 3).paragraphs.every((p) => !p.text.includes('Line 0 ') || p.start === 0));
      }
    });

    it('uses a whole parse already made', () => {
      const text = `${corpusText}\n`.repeat(20);
      const whole = parseArticle(text);
      const got = parseAround(text, { start: 50_000, end: 51_000 }, 3);
      assert.ok(got.paragraphs.length > 0);
      for (const p of got.paragraphs) assert.ok(whole.paragraphs.includes(p), 'the very paragraph objects of the whole parse');
    });
  });

  describe('parses', () => {
    it('remembers the last few: the same text is parsed once', () => {
      const text = `${sample}\nOne more line.`;
      assert.equal(parseArticle(text), parseArticle(text));
      assert.equal(reparseArticle(parseArticle(sample), text), parseArticle(text));
    });

    it('remembers no more versions than typing needs: the one typed into and the one before', () => {
      // A remembered parse keeps its version's text alive, and a text alive at a scavenge goes
      // to the old generation, which only a full collection empties: each one more remembered
      // while typing is another copy of the article a keystroke there.
      // 1.4 MB in 200 paragraphs, so that a version's text outweighs its parse by far.
      let text = `---\ntitle: Long\n---\n\n${Array.from({ length: 200 }, (_, i) => `Paragraph ${i}: “a quote,” she said. `.repeat(100)).join('\n\n')}\n`;
      let parsed = parseArticle(text);
      const before = heapAfterCollection();
      const paragraphs = parsed.paragraphs;
      for (let k = 0; k < 6; k++) {
        const p = paragraphs[Math.floor(((k + 0.5) * paragraphs.length) / 6)];
        const at = p.start + k + 1;
        text = text.slice(0, at) + 'e' + text.slice(at);
        parsed = reparseArticle(parsed, text);
      }
      // The first version stays (the paragraphs no keystroke touched are slices of it); the
      // last one is held here, and the memory keeps it and the one before.
      const grown = heapAfterCollection() - before;
      const version = text.length * 2;
      assert.ok(grown < 2.5 * version, `6 versions typed keep ${(grown / version).toFixed(1)} versions' worth alive`);
      assert.equal(parseArticle(text), parsed, 'the latest is remembered');
    });
  });

  describe('positions', () => {
    it('split lines on \\r\\n, \\n and \\r', () => {
      const idx = new LineIndex('a\r\nb\nc\rd');
      assert.equal(idx.lineCount, 4);
      assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
      assert.deepEqual(idx.positionAt(7), { line: 3, character: 0 });
      assert.equal(idx.offsetAt({ line: 2, character: 0 }), 5);
    });

    it('split lines on \\n alone the same way', () => {
      const idx = new LineIndex('a\nb\n\nc\n');
      assert.equal(idx.lineCount, 5);
      assert.deepEqual(idx.positionAt(4), { line: 2, character: 0 });
      assert.deepEqual(idx.positionAt(6), { line: 3, character: 1 });
      assert.equal(idx.offsetAt({ line: 3, character: 9 }), 6);
      assert.equal(idx.offsetAt({ line: 4, character: 0 }), 7);
    });

    it('count UTF-16 code units, so an astral character is two', () => {
      const idx = new LineIndex('😀 Khazali');
      assert.deepEqual(idx.positionAt(3), { line: 0, character: 3 });
    });

    it('clamp a character past the line end to the line end, before its line break', () => {
      const idx = new LineIndex('ab\r\ncd');
      assert.equal(idx.offsetAt({ line: 0, character: 99 }), 2);
      assert.equal(idx.offsetAt({ line: 9, character: 0 }), 6);
    });

    // The server turns requests' positions into offsets with LineIndex, not the TextDocument's
    // own offsetAt (which scans a 1 MB article a character at a time on the first request), so
    // the two must agree everywhere, out-of-range positions and split line breaks included.
    it('agree with the LSP TextDocument on every position and offset', () => {
      const piece = fc.constantFrom('a', 'b ', '\n', '\r', '\r\n', '😀', '“', '');
      fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
        const idx = new LineIndex(text);
        const doc = TextDocument.create('test:doc', 'article', 1, text);
        assert.equal(idx.lineCount, doc.lineCount);
        for (let line = -1; line <= doc.lineCount + 1; line++) {
          for (let character = -1; character <= text.length + 1; character++) {
            assert.equal(idx.offsetAt({ line, character }), doc.offsetAt({ line, character }), `offsetAt ${line}:${character} in ${JSON.stringify(text)}`);
          }
        }
        for (let offset = -1; offset <= text.length + 1; offset++) {
          assert.deepEqual(idx.positionAt(offset), doc.positionAt(offset), `positionAt ${offset} in ${JSON.stringify(text)}`);
        }
      }), { numRuns: 300 });
    });
  });
});
