// Batch mode (`annotate --jsonl`) and worker threads on the command line, as a user runs them:
// the built dist/cli.js in a child process. These tests assert behaviour, never timings.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { readLines } from '../../server/src/cli/jsonl';
import type { ArticleJson } from '../../server/src/formats/json';

const root = join(__dirname, '../..');
const cli = join(root, 'dist/cli.js');
const corpus = join(root, 'test/fixtures/corpus');
const articles = readdirSync(corpus).filter((f) => f.endsWith('.article')).sort().slice(0, 6);
const text = (name: string) => readFileSync(join(corpus, name), 'utf8');

type Line = ArticleJson & { id: string | number | null; error?: string; line?: number };

function annotate(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [cli, 'annotate', ...args], { encoding: 'utf8', cwd: root, input, maxBuffer: 1 << 28 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const jsonl = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
const parse = (stdout: string) => stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Line);

describe('article-lens annotate --jsonl', () => {
  before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));

  for (const workers of ['1', '2']) {
    it(`streams: a line’s annotations come out before standard input is closed (--workers ${workers})`, async () => {
      const child = spawn(process.execPath, [cli, 'annotate', '--jsonl', '--workers', workers], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      try {
        child.stdin!.write(JSON.stringify({ id: 'first', text: text(articles[0]) }) + '\n');
        const first = JSON.parse((await lines.next()).value as string) as Line;
        assert.equal(first.id, 'first');
        assert.ok(first.entities.length > 0);
        assert.equal(child.exitCode, null, 'still running, waiting for more input');
        child.stdin!.write(JSON.stringify({ id: 'second', text: 'Maria Lopez said: "We will rebuild."' }) + '\n');
        assert.equal((JSON.parse((await lines.next()).value as string) as Line).id, 'second');
        child.stdin!.end();
        const [code] = (await once(child, 'exit')) as [number | null];
        assert.equal(code, 0);
      } finally {
        child.kill();
      }
    });
  }

  it('stops reading its input while nobody reads its output (bounded memory), then goes on', async () => {
    const total = 3000;
    const pad = 'x'.repeat(4000);
    const child = spawn(process.execPath, [cli, 'annotate', '--jsonl', '--quiet'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      child.stdout!.pause();
      let written = 0;
      const pump = () => {
        while (written < total) {
          if (!child.stdin!.write(JSON.stringify({ id: written++, text: 'Paris.', pad }) + '\n')) return void child.stdin!.once('drain', pump);
        }
        child.stdin!.end();
      };
      pump();
      // Wait until the command stops taking input (nothing accepted for a second).
      for (let last = -1; written !== last && written < total; ) {
        last = written;
        await new Promise((r) => setTimeout(r, 1000));
      }
      assert.ok(written < total / 2, `${written} of ${total} lines taken while the output was not read`);
      const ids: number[] = [];
      const lines = createInterface({ input: child.stdout! });
      child.stdout!.resume();
      for await (const line of lines) ids.push((JSON.parse(line) as Line).id as number);
      assert.deepEqual(ids, Array.from({ length: total }, (_, i) => i));
    } finally {
      child.kill();
    }
  });

  it('writes one object per line: the JSON format plus the id, ids and order preserved', () => {
    const input = articles.map((name, i) => ({ id: i % 2 ? name : i, text: text(name) }));
    const r = annotate(['--jsonl'], jsonl(input));
    assert.equal(r.code, 0, r.stderr);
    const out = parse(r.stdout);
    assert.deepEqual(out.map((o) => o.id), input.map((l) => l.id));
    const byFile = JSON.parse(annotate(articles.map((a) => join(corpus, a))).stdout) as ArticleJson[];
    for (const [i, o] of out.entries()) {
      const { id: _, ...json } = o;
      const { file: __, ...single } = byFile[i];
      assert.deepEqual(json, single, `${articles[i]}: same annotations as annotate FILE`);
    }
  });

  it('answers a malformed line with an error object for that line and goes on', () => {
    const input = jsonl([
      { id: 'a', text: 'Joe Biden spoke in Paris on Monday.' },
      '{"id": "broken", "text": ',
      '[1, 2, 3]',
      { text: 'no id here' },
      { id: 'n', text: 12 },
      { id: 'd', text: 'On Tuesday.', date: 'last week' },
      '',
      { id: 7, text: 'The mayor said on Tuesday that "it is over".', date: '2020-01-10' },
    ]);
    const r = annotate(['--jsonl', '--workers', '2'], input);
    assert.equal(r.code, 1, 'some lines failed');
    const out = parse(r.stdout);
    assert.deepEqual(out.map((o) => [o.id, o.error ? o.line : 'ok']), [
      ['a', 'ok'], [null, 2], [null, 3], [null, 4], ['n', 5], ['d', 6], [7, 'ok'],
    ]);
    assert.match(out[1].error!, /not valid JSON/);
    assert.match(out[3].error!, /missing "id"/);
    assert.match(out[4].error!, /"text" must be a string/);
    assert.match(out[5].error!, /"date" must be YYYY-MM-DD/);
    assert.equal(out[6].dates.find((d) => d.text === 'Tuesday')?.value, '2020-01-07');
    assert.match(r.stderr, /7 articles \(5 failed\)/);
  });

  it('gives the same output with --workers 1 (no threads) and with several', () => {
    const input = jsonl([
      ...articles.map((name) => ({ id: name, text: text(name) })),
      'not json',
      ...articles.map((name) => ({ id: `${name}#2`, text: text(name).replace(/\n\n/g, '\n\n\n') })),
    ]);
    const one = annotate(['--jsonl', '--workers', '1', '--date', '2016-01-01'], input);
    const two = annotate(['--jsonl', '--workers', '2', '--date', '2016-01-01'], input);
    const three = annotate(['--jsonl', '--workers', '3', '--date', '2016-01-01'], input);
    assert.equal(one.stdout.split('\n').length, articles.length * 2 + 2);
    assert.equal(two.stdout, one.stdout);
    assert.equal(three.stdout, one.stdout);
    assert.match(one.stderr, /1 thread\b/);
    assert.match(three.stderr, /3 threads/);
  });

  it('uses a line’s date, else --date, for relative dates', () => {
    const body = 'The minister resigned on Tuesday.';
    const r = annotate(['--jsonl', '--date', '2020-01-10'], jsonl([{ id: 1, text: body }, { id: 2, text: body, date: '2021-06-03' }, { id: 3, text: body, date: null }]));
    assert.deepEqual(parse(r.stdout).map((o) => o.dates[0].value), ['2020-01-07', '2021-06-01', '2020-01-07']);
  });

  it('reads CRLF lines and a BOM, and answers empty input with nothing', () => {
    const r = annotate(['--jsonl'], '\ufeff' + JSON.stringify({ id: 'x', text: 'Paris.' }) + '\r\n' + JSON.stringify({ id: 'y', text: '' }) + '\r\n');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parse(r.stdout).map((o) => o.id), ['x', 'y']);
    const empty = annotate(['--jsonl', '-q'], '');
    assert.deepEqual([empty.code, empty.stdout, empty.stderr], [0, '', '']);
  });

  it('reports progress on standard error, and none with --quiet', () => {
    const input = jsonl([{ id: 1, text: 'Paris.' }]);
    assert.match(annotate(['--jsonl'], input).stderr, /article-lens: 1 article, .*\/s; .* s, \d+ threads?/);
    assert.equal(annotate(['--jsonl', '--quiet'], input).stderr, '');
  });

  it('refuses FILE, --out and --format brat with --jsonl, and a bad --workers (exit 2)', () => {
    assert.equal(annotate(['--jsonl', join(corpus, articles[0])]).code, 2);
    assert.equal(annotate(['--jsonl', '--out', tmpdir()]).code, 2);
    assert.equal(annotate(['--jsonl', '--format', 'brat']).code, 2);
    for (const bad of ['0', 'many', '-1', '2.5']) assert.equal(annotate(['--workers', bad, join(corpus, articles[0])]).code, 2, bad);
  });
});

describe('article-lens annotate FILE... on worker threads', () => {
  const files = articles.map((a) => join(corpus, a));

  for (const format of ['json', 'brat']) {
    it(`writes the same ${format} with --workers 1 and with several`, () => {
      const one = annotate(['--format', format, '--workers', '1', ...files, 'missing.article']);
      const two = annotate(['--format', format, '--workers', '2', ...files, 'missing.article']);
      assert.equal(one.code, 1);
      assert.equal(two.code, 1);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      if (format === 'json') {
        const json = JSON.parse(two.stdout) as ArticleJson[];
        assert.deepEqual(json.map((j) => j.file), files);
      }
    });
  }

  it('writes every file into --out DIR', () => {
    const out = mkdtempSync(join(tmpdir(), 'al-jsonl-'));
    const r = annotate(['--workers', '2', '--out', out, ...files]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), articles.map((a) => a.replace('.article', '.json')).sort());
  });
});

describe('the batch-mode line reader', () => {
  const read = async (chunks: (string | Buffer)[], max = 1000) => {
    const out: unknown[] = [];
    for await (const l of readLines(chunks, max)) out.push(l);
    return out;
  };

  it('joins lines split across chunks, multi-byte characters included, and numbers them', async () => {
    const euro = Buffer.from('€');
    const chunks = [Buffer.from('{"a":1}\n\n{"b":"'), euro.subarray(0, 1), Buffer.concat([euro.subarray(1), Buffer.from('"}\nlast')])];
    assert.deepEqual(await read(chunks), [{ n: 1, text: '{"a":1}' }, { n: 3, text: '{"b":"€"}' }, { n: 4, text: 'last' }]);
  });

  it('answers a line that is too long or not UTF-8 with an error, and reads on', async () => {
    const chunks = ['x'.repeat(600), 'y'.repeat(600) + '\nok\n', Buffer.from([0xff, 0xfe, 0x0a]), 'z'.repeat(2000)];
    assert.deepEqual(await read(chunks), [
      { n: 1, error: 'line longer than 1000 bytes' },
      { n: 2, text: 'ok' },
      { n: 3, error: 'not valid UTF-8' },
      { n: 4, error: 'line longer than 1000 bytes' },
    ]);
  });
});
