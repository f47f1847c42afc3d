// V8's code cache for the server's bundle. Node compiles a script's functions the first time
// they run, and the server runs most of its 1.7 MB at start-up and on the first article: some
// 40 ms of the start-up is compiling. V8 can hand back the bytecode of every function compiled
// so far (`createCachedData` on the script, once the server has done its first work) and take
// it again in the next process, so later starts compile nothing they have compiled before.
// Node 20 has no built-in cache for CommonJS (module.enableCompileCache came in Node 22), and
// a cache made when the script is first compiled, as the v8-compile-cache package makes it,
// holds only the few functions compiled eagerly (esbuild wraps each module in a closure).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CodeCache {
  /** The cache file for this bundle, Node and flags, when a directory was given. */
  readonly file: string | undefined;
  /** Whether V8 took the cached code when the bundle was loaded. */
  readonly used: boolean;
  /**
   * Writes the code compiled so far to `file`, once, unless it came from there; the cache files
   * of other bundles, Nodes or flags in the directory are removed. Returns the bytes written (0
   * when there was nothing to do). Throws on a file system error.
   */
  save(): number;
}

export const CACHE_SUFFIX = '.v8cache';

/**
 * The server saves its cache this long after it starts, in one go (some 20–30 ms of its
 * thread): by then it has warmed up and analysed the first article's first screen, so the code
 * for those is in it, and the reader is still reading.
 */
export const CODE_CACHE_AFTER_MS = 10_000;

/**
 * Loads a CommonJS bundle as `require` would, through V8's code cache in `cacheDir` (when
 * given): the cache file is named for a hash of the bundle's text, the Node version and its
 * flags, so an updated bundle or editor never meets an old cache. V8 checks the file again
 * (version, flags, the source's length) and refuses one that does not match; a refused,
 * unreadable or missing cache only means the bundle is compiled as usual.
 */
export function loadWithCodeCache(bundle: string, cacheDir?: string): { exports: unknown; cache: CodeCache } {
  const source = readFileSync(bundle, 'utf8');
  const name = basename(bundle, '.js');
  const key = createHash('sha256')
    .update(source).update('\0').update(process.version).update('\0').update(process.arch).update('\0')
    .update(process.execArgv.join('\0'))
    .digest('hex').slice(0, 16);
  const file = cacheDir ? join(cacheDir, `${name}-${key}${CACHE_SUFFIX}`) : undefined;
  let cachedData: Buffer | undefined;
  try {
    if (file) cachedData = readFileSync(file);
  } catch {
    // No cache yet (or unreadable): compile as usual, and save one later.
  }
  // The same wrapper and arguments Node gives a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new Script(wrapped, { filename: bundle, cachedData });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  module.loaded = true;

  let saved = used;
  const cache: CodeCache = {
    file,
    used,
    save() {
      if (saved || !file || !cacheDir) return 0;
      saved = true;
      const data = script.createCachedData();
      mkdirSync(cacheDir, { recursive: true });
      // Written whole and then renamed, so a server starting meanwhile (another window) never
      // reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      try {
        writeFileSync(partial, data);
        renameSync(partial, file);
      } catch (e) {
        rmSync(partial, { force: true }); // say, a full disk: leave nothing half written
        throw e;
      }
      for (const other of readdirSync(cacheDir)) {
        if (other.startsWith(`${name}-`) && other.endsWith(CACHE_SUFFIX) && join(cacheDir, other) !== file) {
          rmSync(join(cacheDir, other), { force: true });
        }
      }
      return data.length;
    },
  };
  return { exports: module.exports, cache };
}
