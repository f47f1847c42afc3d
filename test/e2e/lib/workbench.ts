// Driving the real workbench in headless Debian chromium with playwright-core: keyboard,
// mouse and DOM, as a person would.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, requireTools } from './env';

export const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export async function launchBrowser(profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  requireTools([CHROMIUM]);
  mkdirSync(profileDir, { recursive: true });
  // Playwright refuses --user-data-dir in args: a persistent context gets a fresh profile folder instead.
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

/** Text as the editor shows it: Monaco renders spaces as U+00A0. */
export const shown = (s: string | null | undefined) => (s ?? '').replace(/\u00a0/g, ' ');

export class Workbench {
  constructor(readonly page: Page) {}

  async open(url: string, timeoutMs = 60_000): Promise<void> {
    await this.page.goto(url, { timeout: timeoutMs });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  }

  /** Ctrl+P, the file's name, Enter; resolves once its editor shows `firstText`. */
  async quickOpen(name: string, firstText: string, timeoutMs = 30_000): Promise<void> {
    const p = this.page;
    await p.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).waitFor({ timeout: timeoutMs });
    await p.keyboard.press('Control+P');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(name);
    await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor({ timeout: timeoutMs });
    await p.keyboard.press('Enter');
    await p.locator(`.tab.active[aria-label^="${name}"]`).waitFor({ timeout: timeoutMs });
    await this.line(firstText).waitFor({ timeout: timeoutMs });
  }

  /** The rendered editor line whose text contains `text`. */
  line(text: string) {
    return this.page.locator('.editor-instance .view-lines .view-line').filter({ hasText: text.replace(/ /g, '\u00a0') }).first();
  }

  /** Runs a command from the palette (F1) by its title, as a person would. */
  async runCommand(title: string, timeoutMs = 20_000): Promise<void> {
    const p = this.page;
    await p.keyboard.press('F1');
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: timeoutMs });
    await input.fill(`>${title}`);
    // Enter only once the palette has the command focused, not a near match.
    await p.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: title }).first().waitFor({ timeout: timeoutMs });
    const focused = shown(await p.locator('.quick-input-list .monaco-list-row.focused .label-name').first().textContent());
    if (!focused.includes(title.replace(/^.*?: /, ''))) throw new Error(`the palette focused “${focused}”, not “${title}”`);
    await p.keyboard.press('Enter');
  }

  /** Where `word` is drawn on the editor line containing `lineText` (the `nth` occurrence), in page pixels. */
  async wordBox(lineText: string, word: string, nth = 0): Promise<{ x: number; y: number; width: number; height: number; color: string }> {
    const line = this.line(lineText);
    await line.waitFor({ timeout: 10_000 });
    // Runs in the page; the project's TypeScript has no DOM types, hence `any`.
    return line.evaluate((el: any, [w, n]) => {
      const g = globalThis as any;
      const text = (el.textContent ?? '').replace(/\u00a0/g, ' ');
      let at = -1;
      for (let i = 0; i <= (n as number); i++) at = text.indexOf(w as string, at + 1);
      if (at < 0) throw new Error(`“${w}” is not on the line “${text}”`);
      // Walk the line's text nodes to the word's first and last characters.
      const walker = g.document.createTreeWalker(el, g.NodeFilter.SHOW_TEXT);
      const range = g.document.createRange();
      let seen = 0;
      let startSet = false;
      const end = at + (w as string).length;
      let startNode: any = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.textContent!.length;
        if (!startSet && at < seen + len) { range.setStart(node, at - seen); startSet = true; startNode = node; }
        if (startSet && end <= seen + len) { range.setEnd(node, end - seen); break; }
        seen += len;
      }
      const r = range.getBoundingClientRect();
      const color: string = g.getComputedStyle(startNode.parentElement).color;
      return { x: r.x, y: r.y, width: r.width, height: r.height, color };
    }, [word, nth] as const);
  }

  /** The colour the editor paints `word` in, on the line containing `lineText`. */
  async colorOf(lineText: string, word: string, nth = 0): Promise<string> {
    return (await this.wordBox(lineText, word, nth)).color;
  }

  /** Moves the mouse onto `word` and returns the hover card's text once it contains `expect`. */
  async hover(lineText: string, word: string, expect: string | RegExp, timeoutMs = 20_000): Promise<string> {
    const p = this.page;
    // A card shown before the server was ready is cached: clear any, and leave the word first.
    await p.keyboard.press('Escape');
    await p.mouse.move(5, 5);
    await p.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect }).waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    const box = await this.wordBox(lineText, word);
    await p.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const card = p.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').filter({ hasText: expect }).first();
    await card.waitFor({ state: 'visible', timeout: timeoutMs });
    return shown(await p.locator('.monaco-hover:not(.hidden)').filter({ hasText: expect }).first().innerText());
  }

  /** The status bar item's text, by its id's suffix. */
  statusItem(idSuffix: string) {
    return this.page.locator(`.statusbar-item[id$="${idSuffix}"]`);
  }

  /** The Outline's rendered rows, in order: name, tree level. */
  async outlineRows(): Promise<{ level: number; label: string; text: string }[]> {
    const rows = await this.page.locator('.outline-pane .monaco-list-row').evaluateAll((els) => els.map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: Number(e.getAttribute('aria-level')),
      label: e.getAttribute('aria-label') ?? '',
      text: (e as any).innerText.replace(/\u00a0/g, ' '),
    })));
    return rows.sort((a, b) => a.index - b.index).map(({ level, label, text }) => ({ level, label, text }));
  }

  async screenshot(dir: string, name: string): Promise<string | undefined> {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name.replace(/[^\w.-]+/g, '_').slice(0, 100)}.png`);
    try {
      await this.page.screenshot({ path: file, timeout: 10_000 });
      return file;
    } catch {
      return undefined;
    }
  }
}
