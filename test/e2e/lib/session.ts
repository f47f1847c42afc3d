// One real-editor session per suite: a copy of samples/ in a fresh run folder, the packaged
// .vsix and the harness installed into code-server, chromium on the workbench, the sample open
// and answered; a screenshot of each failing step; everything stopped and cleaned afterwards.
// Call it inside a suite's `describe`: it registers the suite's before/afterEach/after hooks.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { installExtensions, makeRunDirs, seedSettings, startCodeServer, type CodeServer } from './codeServer';
import { E2E, SAMPLES, SCREENSHOTS } from './env';
import { Harness } from './harness';
import { articleLensVsix, harnessVsix } from './vsix';
import { launchBrowser, Workbench } from './workbench';

export const FILE = 'khazali.article';
export const SPEAKER = 'Qais al-Khazali';

export interface Session {
  runRoot: string;
  shots: string;
  /** The run's copy of samples/, opened as the workspace. */
  folder: string;
  /** The sample article in that copy. */
  file: string;
  /** The sample's text as it was copied. */
  sample: string;
  server: CodeServer | undefined;
  wb: Workbench;
  harness: Harness;
}

export interface SessionOptions {
  /** Adds files to the run's copy of samples/ before code-server opens it. */
  prepare?(folder: string): void;
  /** Runs after code-server and its processes are stopped, before the run folder is removed. */
  afterStop?(session: Session): void;
}

export function workbenchSession(name: string, options: SessionOptions = {}): Session {
  const runRoot = join(E2E, 'runs', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const folder = join(runRoot, 'samples');
  const session = { runRoot, shots: join(SCREENSHOTS, name), folder, file: join(folder, FILE), sample: '', server: undefined } as Session;
  let context: BrowserContext | undefined;
  let failed = false;

  before(async function () {
    this.timeout(360_000);
    rmSync(session.shots, { recursive: true, force: true });
    mkdirSync(runRoot, { recursive: true });
    try {
      // A copy of samples/, so that exports, quick fixes and renames change the run's folder only.
      cpSync(SAMPLES, folder, { recursive: true });
      options.prepare?.(folder);
      session.sample = readFileSync(session.file, 'utf8');
      const dirs = makeRunDirs(runRoot);
      seedSettings(dirs);
      await installExtensions(dirs, [await articleLensVsix(), await harnessVsix(runRoot)]);
      session.harness = new Harness(join(runRoot, 'harness'));
      session.server = await startCodeServer(dirs, { folder, env: { ARTICLE_LENS_E2E_DIR: session.harness.dir } });
      const browser = await launchBrowser(join(runRoot, 'chromium'));
      context = browser.context;
      session.wb = new Workbench(browser.page);
      await session.wb.open(session.server.url);
      await session.harness.ready();
      await session.wb.quickOpen(FILE, `${SPEAKER} said`);
      // The language server has answered once the status bar item shows the article's summary.
      await session.wb.statusItem('articleLens.summary').filter({ hasText: 'quote' }).waitFor({ timeout: 30_000 });
      // The code lens above the first line arrives on its own and pushes every line down a row:
      // wait for it, so that no test measures a word's place and then finds the line moved.
      await session.wb.page.locator('.editor-instance .contentWidgets .codelens-decoration').first().waitFor({ timeout: 30_000 });
    } catch (e) {
      failed = true;
      const shot = await session.wb?.screenshot(session.shots, '00-before');
      if (shot) console.log(`      screenshot: ${shot}`);
      throw e;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') {
      failed = true;
      const shot = await session.wb?.screenshot(session.shots, this.currentTest.title);
      if (shot) console.log(`      screenshot: ${shot}`);
    }
  });

  after(async function () {
    this.timeout(60_000);
    await context?.close().catch(() => undefined);
    await session.server?.stop();
    options.afterStop?.(session);
    if (failed || process.env.E2E_KEEP) console.log(`      run folder kept: ${runRoot} (code-server.log, harness/, user-data/)`);
    else rmSync(runRoot, { recursive: true, force: true });
  });

  return session;
}
