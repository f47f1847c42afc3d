// Helpers for an extension's own views in the real workbench: a custom tree view's rows in
// its Explorer section, the frame a webview's content runs in, and switching editors with
// Ctrl+P once the workspace is open.
import type { Frame, Locator, Page } from 'playwright-core';
import { shown } from './workbench';
import { until } from './wait';

export interface TreeRow {
  index: number;
  level: number;
  /** The row's label (its name), as drawn. */
  name: string;
  /** The grey text after the label. */
  description: string;
  expanded: boolean | undefined;
}

/** A tree view's section in a side bar (the Explorer), found by its title. */
export class TreePane {
  readonly pane: Locator;

  constructor(readonly page: Page, readonly title: string) {
    this.pane = page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
  }

  get header(): Locator {
    return this.pane.locator('.pane-header');
  }

  /** The grey text beside the section's title (a custom view's `description`). */
  async description(): Promise<string> {
    return shown(await this.header.locator('.description').textContent().catch(() => ''));
  }

  /** The rendered rows, in order (a long tree renders only what fits in its section). */
  async rows(): Promise<TreeRow[]> {
    // Runs in the page: no named inner functions (the test runner's transpiler would wrap them in a helper the page lacks).
    const rows = await this.pane.locator('.pane-body .monaco-list-row').evaluateAll((els) => els.map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: Number(e.getAttribute('aria-level')),
      name: ((e as any).querySelector('.label-name')?.textContent ?? '').replace(/\u00a0/g, ' ') as string,
      description: ((e as any).querySelector('.label-description')?.textContent ?? '').replace(/\u00a0/g, ' ') as string,
      expanded: e.getAttribute('aria-expanded') === null ? undefined : e.getAttribute('aria-expanded') === 'true',
    })));
    return rows.sort((a, b) => a.index - b.index);
  }

  /** The rows under the first row named `parent` (at any depth below it). */
  async childrenOf(parent: string | RegExp, level?: number): Promise<TreeRow[]> {
    const rows = await this.rows();
    const matches = (r: TreeRow) => (typeof parent === 'string' ? r.name === parent : parent.test(r.name));
    const i = rows.findIndex((r) => matches(r) && (level === undefined || r.level === level));
    if (i < 0) return [];
    const out: TreeRow[] = [];
    for (let j = i + 1; j < rows.length && rows[j].level > rows[i].level; j++) out.push(rows[j]);
    return out;
  }

  /** The row whose label starts with `name`, at `level` when given. */
  row(name: string, level?: number): Locator {
    const rows = this.pane.locator(`.pane-body .monaco-list-row${level === undefined ? '' : `[aria-level="${level}"]`}`);
    return rows.filter({ has: this.page.locator('.label-name', { hasText: name }) }).first();
  }

  /** Collapses the row named `name` if it is expanded (a click on its twistie). */
  async collapse(name: string, level?: number): Promise<void> {
    const row = this.row(name, level);
    await row.waitFor({ timeout: 10_000 });
    if ((await row.getAttribute('aria-expanded')) === 'true') await row.locator('.monaco-tl-twistie').click();
    await until(`“${name}” to collapse`, 10_000, async () => (await row.getAttribute('aria-expanded')) === 'false' || undefined);
  }

  /** Expands the row named `name` if it is collapsed (a click on its twistie). */
  async expand(name: string, level?: number): Promise<void> {
    const row = this.row(name, level);
    await row.waitFor({ timeout: 10_000 });
    if ((await row.getAttribute('aria-expanded')) === 'false') await row.locator('.monaco-tl-twistie').click();
    await until(`“${name}” to expand`, 10_000, async () => (await row.getAttribute('aria-expanded')) === 'true' || undefined);
  }
}

/** Folds the Explorer's folder section, leaving the room to the sections below it. */
export async function foldFolders(page: Page): Promise<void> {
  const header = page.locator('.pane').filter({ has: page.locator('.explorer-folders-view') }).locator('.pane-header');
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/**
 * The frame a webview's content runs in (VS Code nests it in two iframes): the first frame
 * where `selector` matches, waiting for it to load.
 */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  return until(`a webview frame with ${selector}`, timeoutMs, async () => {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    return undefined;
  }, undefined, 250);
}

/** Ctrl+P to another file of the open workspace; resolves once its editor shows `firstText`. */
export async function switchTo(page: Page, name: string, firstText: string, timeoutMs = 30_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // A webview taking focus as it loads closes Quick Open: open it again until it stays.
  await until(`Quick Open to take “${name}”`, timeoutMs, async () => {
    if (!(await input.isVisible())) await page.keyboard.press('Control+P');
    await input.fill(name, { timeout: 2_000 });
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: 5_000 });
    return true;
  }, undefined, 500);
  await page.keyboard.press('Enter');
  await page.locator(`.tab.active[aria-label^="${name}"]`).first().waitFor({ timeout: timeoutMs });
  await page.locator('.editor-instance .view-lines .view-line').filter({ hasText: firstText.replace(/ /g, '\u00a0') }).first().waitFor({ timeout: timeoutMs });
}
