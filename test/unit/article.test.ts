import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex, MAX_PARAGRAPH, parseArticle } from '../../server/src/analysis/article';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');

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

  describe('positions', () => {
    it('split lines on \\r\\n, \\n and \\r', () => {
      const idx = new LineIndex('a\r\nb\nc\rd');
      assert.equal(idx.lineCount, 4);
      assert.deepEqual(idx.positionAt(3), { line: 1, character: 0 });
      assert.deepEqual(idx.positionAt(7), { line: 3, character: 0 });
      assert.equal(idx.offsetAt({ line: 2, character: 0 }), 5);
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
  });
});
