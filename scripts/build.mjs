// Bundles each entry point into dist/ with esbuild. Type checking is `npm run typecheck`
// (tsc), kept separate so the bundle step stays fast.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
// --outdir DIR: build elsewhere than dist/, so several checkouts' evaluations can run at once.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';
// --production: minified, without source maps, for the .vsix.
const production = process.argv.includes('--production');
const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  // What editors start: it loads server-core.js through V8's code cache (server/src/start.ts).
  { in: 'server/src/start.ts', out: 'server' },
  { in: 'server/src/server.ts', out: 'server-core' },
  // The analysis pool's threads (server/src/workers/pool.ts), loaded from beside cli.js and server.js.
  { in: 'server/src/workers/worker.ts', out: 'worker' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
];

await Promise.all(entries.map((e) => build({
  entryPoints: { [e.out]: e.in },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: watch ? 'info' : 'warning',
  banner: e.banner ? { js: e.banner } : undefined,
  external: e.external,
})));
