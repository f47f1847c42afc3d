// server/src/codeCache.ts: the server's bundle loaded through V8's code cache, and start.ts's
// --code-cache-dir argument.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_SUFFIX, loadWithCodeCache } from '../../server/src/codeCache';
import { codeCacheDir } from '../../server/src/start';

/** A CommonJS bundle with a function big enough that its bytecode shows in the cache's size. */
function bundleSource(answer: number): string {
  const body = Array.from({ length: 300 }, (_, i) => `  total += (n * ${i + 1}) % ${i + 7};`).join('\n');
  return `"use strict";
const path = require('node:path');
function work(n) {
  let total = 0;
${body}
  return total;
}
module.exports = { answer: ${answer}, work, where: path.basename(__dirname) + '/' + path.basename(__filename) };
`;
}

type Bundle = { answer: number; work(n: number): number; where: string };
interface Load { used: boolean; file?: string; saved?: number; answer: number; where: string; work: number; error?: string }

/**
 * Loads the bundle in a process of its own, as each server start does: within one process V8
 * reuses a script it has compiled from the same file whatever cache is offered. `call` runs
 * work() before saving; `save` saves the cache.
 */
function load(bundle: string, cacheDir: string | undefined, how: { call?: boolean; save?: boolean } = {}): Load {
  // A script file, not `node -e`: the code given to -e would be part of the flags the cache is
  // named for.
  const script = join(bundle, '../../load.cjs');
  writeFileSync(script, `
    const [bundle, cacheDir, call, save] = process.argv.slice(2);
    const { loadWithCodeCache } = require(${JSON.stringify(join(__dirname, '../../server/src/codeCache.ts'))});
    const loaded = loadWithCodeCache(bundle, cacheDir || undefined);
    const { exports: bundled, cache } = loaded;
    const out = { used: cache.used, file: cache.file, answer: bundled.answer, where: bundled.where };
    if (call === 'call') out.work = bundled.work(5);
    if (save === 'save') try { out.saved = cache.save(); } catch (e) { out.error = e.message; }
    process.stdout.write(JSON.stringify(out));`);
  const args = [script, bundle, cacheDir ?? '', how.call ? 'call' : '', how.save ? 'save' : ''];
  const run = spawnSync(process.execPath, ['--require', 'tsx/cjs', ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.ok(run.stdout, `no output: ${run.stderr}`);
  return JSON.parse(run.stdout) as Load;
}

describe('the code cache (codeCache.ts)', () => {
  let root: string;
  let bundle: string;
  let cacheDir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'article-lens-code-cache-'));
    mkdirSync(join(root, 'dist'));
    bundle = join(root, 'dist', 'bundle.js');
    writeFileSync(bundle, bundleSource(42));
    cacheDir = join(root, 'cache');
  });
  afterEach(() => {
    if (existsSync(cacheDir)) chmodSync(cacheDir, 0o755);
    rmSync(root, { recursive: true, force: true });
  });
  const cacheFiles = () => readdirSync(cacheDir).filter((f) => f.endsWith(CACHE_SUFFIX)).map((f) => join(cacheDir, f));

  it('loads a bundle as require does: its exports, require, __dirname and __filename', () => {
    const { exports, cache } = loadWithCodeCache(bundle);
    const loaded = exports as Bundle;
    assert.equal(loaded.answer, 42);
    assert.equal(loaded.where, 'dist/bundle.js');
    assert.equal(loaded.work(3), loaded.work(3));
    assert.equal(cache.file, undefined, 'no directory, no cache file');
    assert.equal(cache.save(), 0);
  });

  it('saves the code compiled so far once, and the next start takes it', () => {
    const first = load(bundle, cacheDir, { call: true, save: true });
    assert.equal(first.used, false, 'nothing cached yet');
    assert.ok(first.saved! > 0);
    assert.deepEqual(cacheFiles(), [first.file]);

    const second = load(bundle, cacheDir, { call: true, save: true });
    assert.equal(second.used, true, 'V8 took the cache');
    assert.equal(second.work, first.work);
    assert.equal(second.saved, 0, 'a cache taken is not written again');
  });

  it('saves once per start', () => {
    const { cache } = loadWithCodeCache(bundle, cacheDir);
    assert.ok(cache.save() > 0);
    assert.equal(cache.save(), 0);
  });

  it('holds the functions compiled after loading, not only those compiled at once', () => {
    const uncalled = load(bundle, cacheDir, { save: true });
    rmSync(cacheDir, { recursive: true });
    const called = load(bundle, cacheDir, { call: true, save: true });
    assert.ok(called.saved! > uncalled.saved! + 1000, `work(), compiled when called, is in the cache (${uncalled.saved} -> ${called.saved} bytes)`);
  });

  it('never meets an edited bundle with the old cache, and removes the old file', () => {
    const old = load(bundle, cacheDir, { call: true, save: true });
    // The same length: V8's own check compares the source's length, not its text.
    writeFileSync(bundle, bundleSource(43));
    const edited = load(bundle, cacheDir, { save: true });
    assert.notEqual(edited.file, old.file);
    assert.equal(edited.used, false);
    assert.equal(edited.answer, 43);
    assert.deepEqual(cacheFiles(), [edited.file], 'only the current cache is kept');
  });

  it('compiles as usual from a damaged cache file, and replaces it', () => {
    const { file } = load(bundle, cacheDir, { call: true, save: true });
    writeFileSync(file!, Buffer.from('not a code cache at all'.repeat(40)));
    const damaged = load(bundle, cacheDir, { call: true, save: true });
    assert.equal(damaged.used, false, 'V8 refused it');
    assert.equal(damaged.answer, 42);
    assert.ok(damaged.saved! > 0);
    assert.equal(load(bundle, cacheDir).used, true);
  });

  it('reports a directory it cannot write to, and still runs the bundle', () => {
    if (process.getuid?.() === 0) {
      // Root writes anywhere: a path under a regular file cannot be a directory for anyone.
      writeFileSync(join(root, 'a-file'), '');
      cacheDir = join(root, 'a-file', 'cache');
    } else {
      mkdirSync(cacheDir);
      chmodSync(cacheDir, 0o500);
    }
    const run = load(bundle, cacheDir, { call: true, save: true });
    assert.equal(run.answer, 42);
    assert.match(run.error ?? '', /ENOTDIR|EACCES/);
  });
});

describe("start.ts's --code-cache-dir", () => {
  it('takes the directory after the flag or after =', () => {
    assert.equal(codeCacheDir(['node', 'server.js', '--stdio', '--code-cache-dir', '/tmp/c']), '/tmp/c');
    assert.equal(codeCacheDir(['node', 'server.js', '--code-cache-dir=/tmp/c', '--stdio']), '/tmp/c');
  });
  it('is undefined without the flag or without a directory', () => {
    assert.equal(codeCacheDir(['node', 'server.js', '--stdio']), undefined);
    assert.equal(codeCacheDir(['node', 'server.js', '--code-cache-dir']), undefined);
    assert.equal(codeCacheDir(['node', 'server.js', '--code-cache-dir=']), undefined);
  });
});
