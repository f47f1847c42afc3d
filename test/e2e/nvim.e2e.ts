// Article Lens in a second real editor: Debian's Neovim 0.7 runs test/e2e/nvim/lsp.lua, which
// starts `node dist/server.js --stdio` with vim.lsp.start_client, asks for hover and document
// symbols, and quits with `:cquit 1` when a check fails. Run with `npm run test:nvim`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NVIM, ROOT, requireTools } from './lib/env';

const SERVER = join(ROOT, 'dist/server.js');

describe('Neovim end to end (vim.lsp with dist/server.js --stdio)', function () {
  this.timeout(60_000);
  let tmp = '';

  before(() => {
    requireTools([NVIM]);
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    tmp = mkdtempSync(join(tmpdir(), 'article-lens-nvim-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('answers hover on “Khazali” and the document symbols (Sources → Qais al-Khazali)', async () => {
    const xdg = (d: string) => { const p = join(tmp, d); mkdirSync(p, { recursive: true }); return p; };
    const resultFile = join(tmp, 'result.json');
    const args = ['--headless', '--clean', '-c', `luafile ${join(__dirname, 'nvim/lsp.lua')}`, '--', join(ROOT, 'samples/khazali.article')];
    const child = spawn(NVIM, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ARTICLE_LENS_SERVER: SERVER,
        ARTICLE_LENS_NODE: process.execPath,
        ARTICLE_LENS_RESULT: resultFile,
        XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_STATE_HOME: xdg('state'), XDG_CACHE_HOME: xdg('cache'),
      },
    });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const code = await new Promise<number | string>((resolvePromise) => {
      const limit = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.once('exit', (c, signal) => { clearTimeout(limit); resolvePromise(c ?? `signal ${signal}`); });
    });
    const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
    const failures: string[] = result?.failures ?? [];
    assert.ok(result, `nvim wrote no result (exit ${code}):\n${output}`);
    assert.deepEqual(failures, [], `nvim's checks failed (exit ${code})`);
    assert.equal(code, 0, `nvim exited ${code}:\n${output}`);
    assert.ok(result.checks.length >= 12, `only ${result.checks.length} checks ran`);
  });
});
