// dist/server.js: what editors start. It loads the language server (dist/server-core.js,
// built from server.ts) through V8's code cache when given a directory for it, so that starts
// after the first compile little (codeCache.ts), and starts it.
//
//   node [flags, launch.ts] dist/server.js --stdio [--code-cache-dir DIR]
import { join } from 'node:path';
import { loadWithCodeCache } from './codeCache';
import type { StartOptions } from './server';

/** The value after `--code-cache-dir` (or in `--code-cache-dir=DIR`), if any. */
export function codeCacheDir(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--code-cache-dir') return argv[i + 1] || undefined;
    if (argv[i].startsWith('--code-cache-dir=')) return argv[i].slice('--code-cache-dir='.length) || undefined;
  }
  return undefined;
}

if (require.main === module) {
  const { exports, cache } = loadWithCodeCache(join(__dirname, 'server-core.js'), codeCacheDir(process.argv));
  (exports as { main(options: StartOptions): void }).main({ codeCache: cache });
}
