// The command line as a user runs it: the built dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBrat } from '../../server/src/formats/brat';
import type { ArticleJson } from '../../server/src/formats/json';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const sample = join(root, 'samples/khazali.article');
const sampleText = readFileSync(sample, 'utf8');

function annotate(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, 'annotate', ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('article-lens annotate', () => {
  before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));

  it('writes one JSON object per article to standard output by default', () => {
    const r = annotate(sample);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as ArticleJson;
    assert.equal(json.meta.title, 'Khazali: US ordered former Iraqi government to drop Soleimani lawsuit');
    assert.ok(json.entities.length > 0 && json.quotes.length > 0 && json.dates.length > 0);
  });

  it('gives JSON offsets in UTF-16 code units into the whole file, front matter included', () => {
    const json = JSON.parse(annotate('--format', 'json', sample).stdout) as ArticleJson;
    const spans = [
      ...json.entities.flatMap((e) => e.mentions),
      ...json.quotes,
      ...json.dates,
      ...json.quotes.flatMap((q) => (q.cue ? [q.cue] : [])),
    ];
    for (const s of spans) assert.equal(sampleText.slice(s.start, s.end), s.text);
  });

  it('names each quote’s speaker by the entity’s canonical name in JSON', () => {
    const json = JSON.parse(annotate(sample).stdout) as ArticleJson;
    for (const q of json.quotes) {
      if (!q.speaker) continue;
      assert.equal(q.speaker.name, json.entities[q.speaker.entity].name);
      assert.ok(json.entities[q.speaker.entity].mentions.some((m) => m.start === q.speaker!.mention.start));
    }
  });

  it('writes brat standoff whose every T line is the article slice it names', () => {
    const r = annotate('--format', 'brat', sample);
    assert.equal(r.code, 0, r.stderr);
    const doc = parseBrat(r.stdout);
    assert.ok(doc.spans.length > 0);
    for (const s of doc.spans) {
      assert.match(s.type, /^(Person|Organization|Place|Date|Quote|Reported)$/);
      assert.equal(sampleText.slice(s.start, s.end), s.text);
    }
    for (const s of doc.spans.filter((x) => x.type === 'Date')) assert.match(s.note ?? '', /^(\d{4}(-\d{2}(-\d{2})?)?|\?)$/);
    for (const s of doc.spans.filter((x) => x.type === 'Quote' || x.type === 'Reported')) assert.match(s.note ?? '', /^speaker=.+$/);
    const ids = new Set(doc.spans.map((s) => s.id));
    for (const [quote, mention] of doc.saidBy) assert.ok(ids.has(quote) && ids.has(mention));
  });

  it('writes NAME.ann or NAME.json into --out DIR', () => {
    const out = mkdtempSync(join(tmpdir(), 'al-cli-'));
    assert.equal(annotate('--format', 'brat', '--out', out, sample).code, 0);
    assert.equal(annotate('--out', join(out, 'json'), sample).code, 0);
    assert.ok(readFileSync(join(out, 'khazali.ann'), 'utf8').startsWith('T1\t'));
    assert.equal((JSON.parse(readFileSync(join(out, 'json', 'khazali.json'), 'utf8')) as ArticleJson).file, sample);
  });

  it('reports a missing file on stderr, exits non-zero and still does the other files', () => {
    const r = annotate('no-such-file.article', sample);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no-such-file\.article: no such file/);
    const json = JSON.parse(r.stdout) as ArticleJson[];
    assert.equal(json.length, 1);
    assert.equal(json[0].file, sample);
  });

  it('refuses a binary file with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-cli-'));
    const blob = join(dir, 'blob.article');
    writeFileSync(blob, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]));
    const r = annotate(blob);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /binary/);
  });

  it('refuses text that is not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-cli-'));
    const latin1 = join(dir, 'latin1.article');
    writeFileSync(latin1, Buffer.from('Caf\xe9 says "oui".', 'latin1'));
    const r = annotate(latin1);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not valid UTF-8/);
  });

  it('reads a folder given by mistake as an error, not a crash', () => {
    const r = annotate(root);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /is a folder/);
  });

  it('annotates an empty file as an article with nothing in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-cli-'));
    writeFileSync(join(dir, 'empty.article'), '');
    const r = annotate(join(dir, 'empty.article'));
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as ArticleJson;
    assert.deepEqual([json.entities, json.quotes, json.dates], [[], [], []]);
  });

  it('uses --date as the reference date when the front matter has none', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-cli-'));
    const file = join(dir, 'undated.article');
    writeFileSync(file, 'The minister resigned on Tuesday.\n');
    const undated = JSON.parse(annotate(file).stdout) as ArticleJson;
    assert.equal(undated.dates.find((d) => d.text === 'Tuesday')?.value, null);
    const dated = JSON.parse(annotate('--date', '2020-01-10', file).stdout) as ArticleJson;
    assert.equal(dated.dates.find((d) => d.text === 'Tuesday')?.value, '2020-01-07');
  });

  it('rejects an unknown format, a bad --date and a missing FILE with usage errors (exit 2)', () => {
    assert.equal(annotate('--format', 'xml', sample).code, 2);
    assert.equal(annotate('--date', 'yesterday', sample).code, 2);
    const r = annotate();
    assert.equal(r.code, 2);
    assert.match(r.stderr, /Usage: article-lens annotate/);
  });

  it('explains itself with --help', () => {
    const r = spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /--format json\|brat/);
  });
});
