// The .vsix files a run installs: Article Lens itself (packaged here, or the one ARTICLE_LENS_VSIX
// names) and the test-only harness extension.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './env';

function run(cmd: string, args: string[], cwd: string, timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(cmd, args, { cwd, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`));
      else resolvePromise(`${stdout}${stderr}`);
    });
  });
}

/**
 * Article Lens's .vsix: $ARTICLE_LENS_VSIX when set (e.g. one packaged from a clean clone),
 * else `npm run package` here.
 */
export async function articleLensVsix(): Promise<string> {
  const given = process.env.ARTICLE_LENS_VSIX;
  if (given) {
    const file = resolve(given);
    if (!existsSync(file)) throw new Error(`ARTICLE_LENS_VSIX=${given}: no such file`);
    return file;
  }
  await run('npm', ['run', 'package'], ROOT, 240_000);
  return join(ROOT, 'article-lens.vsix');
}

export async function harnessVsix(outDir: string): Promise<string> {
  const out = join(outDir, 'article-lens-e2e-harness.vsix');
  await run(join(ROOT, 'node_modules/.bin/vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--out', out],
    join(ROOT, 'test/e2e/harness'), 120_000);
  return out;
}
