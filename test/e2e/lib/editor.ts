// Helpers for driving the editor itself in the real workbench: putting the cursor on a word
// with the mouse, the squiggles under a word, the Problems panel, the quick fix menu (Ctrl+.),
// the References view and the quick input's rows.
import type { Locator, Page } from 'playwright-core';
import type { Harness } from './harness';
import { shown, type Workbench } from './workbench';
import { until } from './wait';

export interface Position { line: number; character: number }

/** Line and character of the `nth` occurrence of `needle` in `text`, `plus` characters in. */
export function positionOf(text: string, needle: string, plus = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`“${needle}” (occurrence ${nth + 1}) is not in the text`);
  }
  const before = text.slice(0, at + plus).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/**
 * Clicks into `word` on the editor line showing `lineText` (its `nth` occurrence there) until the
 * active editor's cursor is inside the word, which starts at `start` in the document: a click
 * landing while the editor is still settling (a widget closing, a tab opening) is made again.
 */
export async function placeCursor(wb: Workbench, harness: Harness, lineText: string, word: string, start: Position, nth = 0, timeoutMs = 15_000): Promise<void> {
  await until(`the cursor in “${word}” (line ${start.line + 1})`, timeoutMs, async () => {
    const box = await wb.wordBox(lineText, word, nth);
    await wb.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const e = await harness.activeEditor();
    const c = e?.selection.start;
    return (c && c.line === start.line && c.character >= start.character && c.character <= start.character + word.length && e.selectedText === '') || undefined;
  }, undefined, 500);
}

/** The status bar's cursor position (“Ln 7, Col 1”). */
export async function cursorStatus(page: Page): Promise<string> {
  return shown(await page.locator('.statusbar-item[id$="status.editor.selection"]').innerText()).trim();
}

/** Whether a squiggle of `kind` (the editor's `squiggly-<kind>` decoration) lies under `word` on the line showing `lineText`. */
export async function squiggled(wb: Workbench, lineText: string, word: string, kind: 'warning' | 'error' | 'info' | 'hint' = 'warning'): Promise<boolean> {
  const box = await wb.wordBox(lineText, word);
  const squiggles = await wb.page.locator(`.editor-instance .view-overlays .squiggly-${kind}`).evaluateAll((els) => els.map((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }));
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  return squiggles.some((s) => s.x <= cx && cx <= s.x + s.width && s.y <= cy && cy <= s.y + s.height && s.width >= box.width * 0.8);
}

export interface PanelRow { level: number; label: string; text: string }

/** The Problems panel (View: Problems, Ctrl+Shift+M). */
export class ProblemsPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.locator('.markers-panel');
  }

  /** Opens it with Ctrl+Shift+M (which also toggles it shut when it has focus). */
  async open(timeoutMs = 15_000): Promise<void> {
    if (!(await this.panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await this.panel.waitFor({ state: 'visible', timeout: timeoutMs });
  }

  /** Closes the panel area (View: Toggle Panel, Ctrl+J). */
  async close(timeoutMs = 15_000): Promise<void> {
    if (await this.panel.isVisible()) await this.page.keyboard.press('Control+J');
    await this.panel.waitFor({ state: 'hidden', timeout: timeoutMs });
  }

  /** Its rows: level 1 a file, level 2 a problem (aria-label “Warning: message at line …”), level 3 related information. */
  async rows(): Promise<PanelRow[]> {
    return this.panel.locator('.monaco-list-row').evaluateAll((els) => els
      .map((e) => ({ index: Number(e.getAttribute('data-index')), level: Number(e.getAttribute('aria-level')), label: e.getAttribute('aria-label') ?? '', text: ((e as any).innerText as string).replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.index - b.index)
      .map(({ level, label, text }) => ({ level, label, text })));
  }
}

/**
 * Ctrl+. at the cursor, then the quick fix titled `title` from the menu: Enter when the menu
 * has it focused (the preferred fix comes first), else a click on it.
 */
export async function applyQuickFix(page: Page, title: string, timeoutMs = 15_000): Promise<string[]> {
  await page.keyboard.press('Control+.');
  const rows = page.locator('.action-widget .monaco-list-row.action');
  const row = rows.filter({ hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  const offered = (await rows.allInnerTexts()).map((t) => shown(t).trim());
  if ((await row.getAttribute('class'))?.split(/\s+/).includes('focused')) await page.keyboard.press('Enter');
  else await row.click();
  await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: timeoutMs }).catch(() => undefined);
  return offered;
}

/** A side bar view's section found by its exact title (e.g. the References view). */
export function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
}

/** The References view's rows: level 1 a file, level 2 a reference with its highlighted text. */
export async function referenceRows(pane: Locator): Promise<{ level: number; text: string; highlighted: string[] }[]> {
  return pane.locator('.monaco-list-row').evaluateAll((els) => els
    .map((e) => ({
      index: Number(e.getAttribute('data-index')),
      level: Number(e.getAttribute('aria-level')),
      text: ((e as any).innerText as string).replace(/\u00a0/g, ' '),
      highlighted: Array.from((e as any).querySelectorAll('.highlight') as ArrayLike<any>).map((h) => (h.textContent as string).replace(/\u00a0/g, ' ')),
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ level, text, highlighted }) => ({ level, text, highlighted })));
}

/** The quick input's rows (Go to Symbol in Workspace and the like): the label, its description and the rest. */
export async function quickInputRows(page: Page): Promise<{ name: string; description: string; text: string; focused: boolean }[]> {
  return page.locator('.quick-input-list .monaco-list-row').evaluateAll((els) => els
    .map((e) => ({
      index: Number(e.getAttribute('data-index')),
      name: (((e as any).querySelector('.label-name')?.textContent ?? '') as string).replace(/\u00a0/g, ' '),
      description: (((e as any).querySelector('.label-description')?.textContent ?? '') as string).replace(/\u00a0/g, ' '),
      text: ((e as any).innerText as string).replace(/\u00a0/g, ' '),
      focused: (e.getAttribute('class') ?? '').split(/\s+/).includes('focused'),
    }))
    .sort((a, b) => a.index - b.index)
    .map(({ name, description, text, focused }) => ({ name, description, text, focused })));
}
