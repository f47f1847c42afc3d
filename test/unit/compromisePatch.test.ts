// patches/compromise+14.17.0.patch, applied by patch-package on `npm install`: three edits to
// compromise's tagger loops (runMatch skips start terms that cannot match; getHooks and
// localTrim build their lists without copies) make the first screen of a cold open about 15 %
// faster, and one to its loading (mergeDeep sets keys without an object literal each) starts
// the server sooner. They must change nothing else, so this checks that the product is built
// from the patched sources, that they build the same model as the published build and tag
// every term exactly as it does.
import assert from 'node:assert/strict';
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { newsParagraphs } from '../../server/src/warmUp';

const root = resolve(__dirname, '../..');
// Where `npm install` put it; its exports map hides package.json from require.resolve.
const compromiseDir = join(root, 'node_modules/compromise');
const patched = [
  'src/1-one/match/methods/match/index.js',
  'src/1-one/sweep/methods/sweep/01-getHooks.js',
  'src/1-one/sweep/methods/sweep/02-trim-down.js',
  'src/API/extend.js',
];

type Nlp = ((text: string) => { docs: { text: string; tags: Set<string>; pre: string; post: string }[][] }) & { world(): { model: object } };

/** A fresh compromise of its own, bundled the way scripts/build.mjs bundles the product:
 * `import` resolves to the (patched) ES sources, `require` to the published CommonJS build.
 * Fresh, so that the lexicon the analysis adds to the shared instance plays no part. */
function freshCompromise(dir: string, how: 'import' | 'require'): Nlp {
  // An ES module throughout: with `module.exports` beside it, esbuild would turn the import into
  // a require and so resolve the published build for both.
  const entry = how === 'import'
    ? "import nlp from 'compromise/two'; export { nlp };"
    : "export const nlp = require('compromise/two');";
  const out = join(dir, `${how}.js`);
  const built = buildSync({
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    bundle: true, platform: 'node', format: 'cjs', outfile: out, metafile: true, logLevel: 'error',
  });
  const inputs = Object.keys(built.metafile.inputs).join('\n');
  assert.match(inputs, how === 'import' ? /compromise\/src\/two\.js/ : /compromise-two\.cjs/, `${how} resolves as the product's bundles do`);
  return (require(out) as { nlp: Nlp }).nlp;
}

/** Every term's text, tags and surrounding punctuation, paragraph by paragraph as the analysis calls it. */
function tagging(nlp: Nlp, paragraphs: string[]): string[] {
  return paragraphs.map((p) => nlp(p).docs
    .map((s) => s.map((t) => `${t.pre}${t.text}${t.post}/${[...t.tags].join(',')}`).join(' '))
    .join('\n'));
}

describe('the compromise patch', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'article-lens-compromise-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is applied to the installed sources', () => {
    for (const file of patched) {
      assert.match(readFileSync(join(compromiseDir, file), 'utf8'), /article-lens patch/, file);
    }
  });

  it('is what the server, its workers and the CLI are built from', () => {
    for (const entry of ['server/src/server.ts', 'server/src/workers/worker.ts', 'server/src/cli/main.ts']) {
      const { metafile } = buildSync({
        entryPoints: [join(root, entry)], bundle: true, platform: 'node', format: 'cjs',
        write: false, metafile: true, outdir: dir, logLevel: 'error',
      });
      const inputs = Object.keys(metafile.inputs).map((f) => f.replace(/\\/g, '/'));
      for (const file of patched) {
        assert.ok(inputs.some((f) => f.endsWith(`node_modules/compromise/${file}`)), `${entry} bundles ${file}`);
      }
    }
  });

  it('builds the same model as the published build, every key in the same order', () => {
    const want = freshCompromise(dir, 'require').world().model;
    const got = freshCompromise(dir, 'import').world().model;
    // deepStrictEqual ignores the order of keys, which decides the order of compromise's loops.
    const differences: string[] = [];
    const compare = (a: unknown, b: unknown, path: string): void => {
      if (differences.length >= 5) return;
      if (a && typeof a === 'object' && !(a instanceof RegExp) && b && typeof b === 'object') {
        const keys = Object.keys(a);
        if (keys.join('\u0000') !== Object.keys(b).join('\u0000')) differences.push(`${path}: keys differ`);
        for (const k of keys) compare((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      } else if (!isDeepStrictEqual(a, b)) {
        differences.push(`${path}: ${String(a)} vs ${String(b)}`);
      }
    };
    compare(want, got, 'model');
    assert.deepEqual(differences, []);
    assert.ok(Object.keys((want as { one: { lexicon: object } }).one.lexicon).length > 10_000, 'a model worth comparing');
  });

  it('tags every term of the corpus and of made-up news exactly as the published build', () => {
    const corpus = join(root, 'test/fixtures/corpus');
    const paragraphs = readdirSync(corpus).filter((f) => f.endsWith('.article'))
      .flatMap((f) => readFileSync(join(corpus, f), 'utf8').split(/\r?\n\s*\r?\n/));
    const madeUp = newsParagraphs();
    for (let i = 0; i < 150; i++) paragraphs.push(madeUp.next().value as string);
    // Odd input the editor sees too: broken quotes, CRLF, letters outside the BMP, junk.
    paragraphs.push('"Unclosed, he said. “Curly” and ‘single’ \'quotes\' said Ms. O\'Neil.\r\nNext line.',
      'Ünïcödé 𝒜𝓇𝓉𝒾𝒸𝓁𝑒 👩‍👩‍👧 said the BBC on 3 March 2021.', '\u0000\u0001 ### ... --- ”“ ”', '');
    const want = tagging(freshCompromise(dir, 'require'), paragraphs);
    const got = tagging(freshCompromise(dir, 'import'), paragraphs);
    assert.ok(want.join('').length > 100_000, 'a corpus worth comparing');
    for (let i = 0; i < paragraphs.length; i++) assert.equal(got[i], want[i], `paragraph ${i}: ${paragraphs[i].slice(0, 60)}`);
  });
});
