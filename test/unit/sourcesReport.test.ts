// The sources report without an editor: words counted per quote, articles added up, CSV and
// JSON, and the webview's HTML (its chart, escaping and Content-Security-Policy).
import assert from 'node:assert/strict';
import { countWords } from '../../server/src/features/sources';
import type { LspRange, Source, Sources } from '../../server/src/protocol';
import { buildReport, chart, csvField, renderReport, toCsv, toJson, type ArticleSources } from '../../client/src/views/reportModel';

const at = (line: number, character = 0, length = 5): LspRange => ({ start: { line, character }, end: { line, character: character + length } });
const quote = (text: string, kind: 'direct' | 'partial' | 'reported' = 'direct', line = 1) => ({ range: at(line), text, kind, words: countWords(text) });

function article(path: string, speakers: Source[], extra: Partial<Sources> = {}): ArticleSources {
  return {
    uri: `file:///news/${path}`,
    path,
    sources: { version: 1, title: `Title of ${path}`, speakers, entities: [], timeline: [], ...extra },
  };
}

const smith = (quotes: Source['quotes']): Source => ({ name: 'Ann Smith', entity: 0, type: 'Person', quotes });
const police = (quotes: Source['quotes']): Source => ({ name: 'Police', entity: 1, type: 'Organization', quotes });

describe('countWords', () => {
  it('counts words, not quotation marks or punctuation', () => {
    assert.equal(countWords('“Kadhimi, at the behest of Washington, closed the case.”'), 9);
    assert.equal(countWords('“”'), 0);
    assert.equal(countWords('‘Yes!’'), 1);
  });

  it('keeps “don’t”, “al-Khazali”, “U.S.” and “2,500” as one word each', () => {
    assert.equal(countWords('don’t stop al-Khazali'), 3);
    assert.equal(countWords('2,500 U.S. troops'), 3);
    assert.equal(countWords("it's well-capable"), 2);
  });

  it('leaves out the editor’s words in square brackets', () => {
    assert.equal(countWords('“We call on residents in [the western Iraqi province of] Anbar”'), 6);
  });

  it('counts words in other scripts', () => {
    assert.equal(countWords('«Мы остаёмся здесь», сказал он'), 5);
    assert.equal(countWords('“Nous restons ici”'), 3);
  });
});

describe('the sources report', () => {
  const one = article('a.article', [
    smith([quote('“One two three four.”'), quote('that five six seven', 'reported', 2)]),
    police([quote('“Eight nine.”', 'partial', 3)]),
    { name: 'Unattributed', entity: null, type: null, quotes: [quote('“Ten eleven twelve thirteen fourteen fifteen.”', 'direct', 4)] },
  ], {
    entities: [
      { name: 'Ann Smith', type: 'Person', mentions: 2, firstRange: at(1) },
      { name: 'Police', type: 'Organization', mentions: 1, firstRange: at(3) },
      { name: 'Springfield', type: 'Place', mentions: 3, firstRange: at(0) },
    ],
    timeline: [
      { value: '2020-01-03', text: 'January 3, 2020', range: at(5) },
      { value: null, text: 'Tuesday', range: at(1) },
    ],
  });
  const two = article('b.news', [
    police([quote('“One two three four five six seven eight nine ten.”')]),
    smith([quote('“Hello.”')]),
  ], {
    entities: [{ name: 'Ann Smith', type: 'Person', mentions: 1, firstRange: at(2) }, { name: 'Bob Jones', type: 'Person', mentions: 4, firstRange: at(1) }],
    timeline: [{ value: '2019-12-31', text: 'December 31, 2019', range: at(3) }],
  });

  it('counts quotes, reported speech and words per source for one article', () => {
    const r = buildReport('article', [one], { now: new Date('2026-01-02T03:04:05Z') });
    assert.equal(r.title, 'Title of a.article');
    assert.equal(r.generated, '2026-01-02T03:04:05.000Z');
    assert.deepEqual(r.sources.map((s) => [s.name, s.quotes, s.reported, s.words, s.reportedWords]), [
      ['Ann Smith', 1, 1, 4, 4],
      ['Police', 1, 0, 2, 0],
      ['Unattributed', 1, 0, 6, 0], // last, though it has the most words
    ]);
    assert.equal(r.sources[0].share, 4 / 12);
    assert.deepEqual(r.totals, { articles: 1, quotes: 3, reported: 1, words: 12, reportedWords: 4, sources: 2, people: 1, organizations: 1, places: 1, dates: 2 });
    assert.deepEqual(r.timeline.map((d) => d.value), ['2020-01-03', null]);
  });

  it('adds up a workspace: sources and entities merged by name and type, sorted by words and mentions', () => {
    const r = buildReport('workspace', [one, two]);
    assert.equal(r.title, 'Workspace');
    assert.deepEqual(r.sources.map((s) => [s.name, s.quotes, s.words, s.articles]), [
      ['Police', 2, 12, 2],
      ['Ann Smith', 2, 5, 2],
      ['Unattributed', 1, 6, 1],
    ]);
    assert.deepEqual(r.sources[0].items.map((q) => q.path), ['a.article', 'b.news']);
    assert.deepEqual(r.entities.map((e) => [e.name, e.mentions, e.articles, e.first.path]), [
      ['Bob Jones', 4, 1, 'b.news'],
      ['Ann Smith', 3, 2, 'a.article'],
      ['Police', 1, 1, 'a.article'],
      ['Springfield', 3, 1, 'a.article'],
    ]);
    assert.deepEqual(r.timeline.map((d) => [d.value, d.path]), [['2019-12-31', 'b.news'], ['2020-01-03', 'a.article'], [null, 'a.article']]);
  });

  it('exports CSV: one row per source, quote, entity and date, safely quoted', () => {
    const csv = toCsv(buildReport('article', [one]));
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines[0], 'record,name,type,kind,quotes,reported,words_quoted,words_reported,share_of_words_quoted,mentions,articles,date,text,file,line');
    assert.equal(lines[1], 'source,Ann Smith,Person,,1,1,4,4,0.3333,,1,,,,');
    assert.ok(lines.includes('quote,Ann Smith,Person,direct,,,4,,,,,,“One two three four.”,a.article,2'), csv);
    assert.ok(lines.includes('entity,Springfield,Place,,,,,,,3,1,,,a.article,1'), csv);
    assert.ok(lines.includes('date,,,,,,,,,,,2020-01-03,"January 3, 2020",a.article,6'), csv);
    assert.equal(lines.length, 1 + 3 + 4 + 3 + 2);
  });

  it('quotes CSV fields with commas, quotes and line breaks, and never starts one with a formula', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a, b'), '"a, b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
    assert.equal(csvField('-5 dead'), "'-5 dead");
    assert.equal(csvField(12), '12');
    assert.equal(csvField(null), '');
  });

  it('exports JSON that reads back as the report', () => {
    const r = buildReport('workspace', [one, two]);
    assert.deepEqual(JSON.parse(toJson(r)), r);
  });

  describe('HTML', () => {
    const options = { nonce: 'abc123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net', styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css', scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js' };

    it('has a strict Content-Security-Policy: no inline script or style, one script by nonce', () => {
      const html = renderReport(buildReport('article', [one]), options);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1].replace(/&#39;/g, "'");
      assert.ok(csp, 'no CSP meta tag');
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-abc123'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      assert.deepEqual(scripts, [`<script nonce="abc123" src="${options.scriptUri}">`]);
      assert.doesNotMatch(html, /\sstyle=|<style/, 'inline styles are blocked by the CSP');
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
      // Nothing from the network: every URL is the extension's own media.
      const urls = [...html.matchAll(/(?:src|href)="([^"#][^"]*)"/g)].map((m) => m[1]);
      assert.deepEqual(urls.sort(), [options.scriptUri, options.styleUri].sort());
    });

    it('draws a bar per source, longest for the most words quoted, with export buttons', () => {
      const html = renderReport(buildReport('workspace', [one, two]), options);
      const bars = [...html.matchAll(/<div class="bar-row[^"]*" role="listitem" data-source="([^"]+)"[\s\S]*?<rect class="quoted" x="0" y="0" width="([\d.]+)"/g)]
        .map((m) => [m[1], Number(m[2])] as const);
      assert.deepEqual(bars.map(([name]) => name), ['Police', 'Ann Smith', 'Unattributed']);
      assert.equal(bars[0][1], 100, 'the longest bar fills its row');
      assert.ok(bars[0][1] > bars[1][1]);
      assert.match(html, /data-action="export" data-format="csv"/);
      assert.match(html, /data-action="export" data-format="json"/);
      assert.match(html, /<div class="chart" role="list" aria-label="Words quoted per source">/);
      assert.match(html, /12 words quoted \(52% of all quoted words\)/);
    });

    it('escapes names and quotes', () => {
      const evil = article('x.article', [{ name: '<img src=x onerror=alert(1)>', entity: 0, type: 'Person', quotes: [quote('“</script><b>bold</b>”')] }]);
      const html = renderReport(buildReport('article', [evil]), options);
      assert.doesNotMatch(html, /<img|<b>|<\/script><b>/);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
    });

    it('says so when nobody is quoted', () => {
      assert.match(chart(buildReport('article', [article('e.article', [])])), /No quotes found/);
    });
  });
});
