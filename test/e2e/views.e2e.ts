// Article Lens's views end to end in a real VS Code (code-server + headless chromium): the
// Sources view in the Explorer (speakers with their quotes and word counts, entities by type,
// clicking selects the text, following the active editor and edits) and the sources report
// webview (its bar chart, CSV and JSON export through the save dialog, quotes revealed from it,
// the whole workspace). Needs `bash scripts/e2e/setup.sh` once; run with
// `npx mocha --config test/e2e/mocharc.json test/e2e/views.e2e.ts`.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { Harness } from './lib/harness';
import { shown, Workbench } from './lib/workbench';
import { workbenchSession } from './lib/session';
import { positionOf } from './lib/editor';
import { fileAppears, until } from './lib/wait';
import { foldFolders, switchTo, TreePane, webviewFrame } from './lib/views';

const FILE = 'khazali.article';
const SPEAKER = 'Qais al-Khazali';
const KADHIMI = '“Kadhimi, at the behest of Washington';
/** A second article, so that the view has another editor to follow and the workspace two articles. */
const SECOND = 'port.news';
const SECOND_TEXT = [
  '---',
  'title: Port reopens after storm',
  'date: 2021-03-04',
  '---',
  'Port reopens after storm',
  '',
  'The harbour of Valletta reopened on Monday, two days after the storm.',
  '',
  '“We are open for business again,” said Maria Lopez, the port’s director.',
  '',
  'The Maltese Coast Guard said that two ships had been damaged.',
  '',
].join('\n');

/** A CSV line's fields (quoted fields with commas and doubled quotes). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  const re = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = re.exec(line); m && m.index < line.length; m = re.exec(line)) {
    out.push(m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1]);
    if (!m[2]) break;
  }
  return out;
}

describe('VS Code end to end: the Sources view and the sources report', function () {
  this.timeout(60_000);
  const session = workbenchSession('views', { prepare: (dir) => writeFileSync(join(dir, SECOND), SECOND_TEXT) });
  const { folder, file } = session;
  let sample = '';
  let wb: Workbench;
  let harness: Harness;
  before(() => {
    ({ sample, wb, harness } = session);
    sources = new TreePane(wb.page, 'Sources');
  });
  let sources: TreePane;


  /** Waits until the Sources view lists `name` as a speaker and returns the rows under it. */
  const speakerRows = async (name: string) => {
    await sources.expand('Sources', 1);
    return until(`the Sources view to list ${name} with quotes`, 20_000, async () => {
      const under = await sources.childrenOf(name, 2);
      return under.length ? under : undefined;
    });
  };

  it('palette: Show Sources opens the Explorer’s Sources view, following the active article', async () => {
    await wb.runCommand('Article Lens: Show Sources');
    await sources.header.waitFor({ timeout: 20_000 });
    await until('the Sources section to be expanded', 10_000, async () => (await sources.header.getAttribute('aria-expanded')) === 'true' || undefined);
    // Room for the tree: fold the folder's section, as a person would.
    await foldFolders(wb.page);
    assert.equal(await sources.description(), FILE);
  });

  it('shows Qais al-Khazali with his quotes and the words each gives him', async () => {
    const under = await speakerRows(SPEAKER);
    const rows = await sources.rows();
    const top = rows.filter((r) => r.level === 1).map((r) => r.name);
    assert.deepEqual(top.slice(0, 1), ['Sources']);
    const him = rows.find((r) => r.level === 2 && r.name === SPEAKER)!;
    assert.match(him.description, /^\d+ quotes · \d+ words( · \d+ reported)?$/, `his row reads “${him.description}”`);
    const quote = under.find((r) => r.name.startsWith(KADHIMI));
    assert.ok(quote, `his quotes: ${JSON.stringify(under.map((r) => r.name))}`);
    assert.equal(quote.description, '30 words');
    assert.ok(under.some((r) => / · reported$/.test(r.description)), 'his reported speech is marked');
    const speakers = rows.filter((r) => r.level === 2 && rows.slice(0, r.index).some((x) => x.level === 1 && x.name === 'Sources'));
    assert.ok(speakers.some((r) => r.name === 'Pentagon'), `speakers: ${JSON.stringify(speakers.map((r) => r.name))}`);
  });

  it('clicking a quote in the view selects it in the editor', async () => {
    await sources.row(KADHIMI, 3).click();
    const e = await until('the quote to be selected', 15_000, async () => {
      const a = await harness.activeEditor();
      return a?.selectedText.startsWith(KADHIMI) ? a : undefined;
    });
    assert.equal(e.path, file);
    assert.deepEqual(e.selection.start, positionOf(sample, KADHIMI));
    assert.ok(e.selectedText.endsWith('one way or another,”'), e.selectedText);
    // The editor draws the selection.
    await wb.page.locator('.editor-instance .selected-text').first().waitFor({ timeout: 10_000 });
  });

  it('lists People, Organizations and Places with mention counts; clicking a name selects its first mention', async () => {
    await sources.collapse('Sources', 1);
    const groups = await until('the groups', 10_000, async () => {
      const rows = (await sources.rows()).filter((r) => r.level === 1);
      return rows.length >= 4 ? rows : undefined;
    });
    assert.deepEqual(groups.map((r) => r.name), ['Sources', 'People', 'Organizations', 'Places', 'Timeline']);
    for (const g of groups.slice(1)) assert.match(g.description, /^\d+$/, `${g.name}: “${g.description}”`);
    await sources.expand('People', 1);
    const people = await until('the People to be listed', 10_000, async () => {
      const rows = await sources.childrenOf('People', 1);
      return rows.some((r) => r.name === 'Donald Trump') ? rows : undefined;
    });
    const trump = people.find((r) => r.name === 'Donald Trump');
    assert.equal(trump?.description, '1 mention', JSON.stringify(people));
    assert.match(people.find((r) => r.name === SPEAKER)?.description ?? '', /^\d+ mentions$/);
    await sources.row('Donald Trump', 2).click();
    const e = await until('Donald Trump to be selected', 15_000, async () => {
      const a = await harness.activeEditor();
      return a?.selectedText === 'Donald Trump' ? a : undefined;
    });
    assert.deepEqual(e.selection.start, positionOf(sample, 'Donald Trump'));
    await sources.expand('Sources', 1);
  });

  it('follows the active editor: another article shows its own sources, and back', async () => {
    await switchTo(wb.page, SECOND, 'Port reopens after storm');
    await until(`the view to follow ${SECOND}`, 20_000, async () => (await sources.description()) === SECOND || undefined);
    const lopez = await speakerRows('Maria Lopez');
    assert.deepEqual(lopez.map((r) => [r.name, r.description]), [['“We are open for business again,”', '6 words']]);
    assert.equal((await sources.rows()).some((r) => r.name === SPEAKER), false, `${SPEAKER} is still listed`);
    await switchTo(wb.page, FILE, `${SPEAKER} said`);
    await until(`the view to follow ${FILE}`, 20_000, async () => (await sources.description()) === FILE || undefined);
    await speakerRows(SPEAKER);
  });

  let report: Frame;

  it('palette: Sources Report for the active article opens a webview with a bar chart of words per source', async () => {
    await wb.runCommand('Article Lens: Sources Report');
    const p = wb.page;
    await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole workspace' }).waitFor({ timeout: 15_000 });
    await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Active article' }).waitFor({ timeout: 15_000 });
    await p.keyboard.press('Enter');
    await p.locator(`.tab.active[aria-label^="Sources: ${FILE}"]`).waitFor({ timeout: 20_000 });
    report = await webviewFrame(p, '.chart .bar-row');
    const bars = await report.locator('.chart .bar-row').evaluateAll((els) => els.map((e) => ({
      source: e.getAttribute('data-source'),
      words: Number(e.getAttribute('data-words')),
      width: (e as any).querySelector('rect.quoted').getBoundingClientRect().width as number,
      text: ((e as any).innerText as string).replace(/\s+/g, ' '),
    })));
    assert.equal(bars[0]?.source, SPEAKER, `bars: ${JSON.stringify(bars)}`);
    assert.ok(bars.some((b) => b.source === 'Pentagon'), `bars: ${JSON.stringify(bars)}`);
    assert.ok(bars[0].words > bars[1].words && bars[0].width > bars[1].width, `the bars are not drawn to scale: ${JSON.stringify(bars)}`);
    assert.ok(bars[0].width > 30, `${SPEAKER}’s bar is ${bars[0].width}px wide`);
    assert.match(bars[0].text, new RegExp(`${SPEAKER} .*${bars[0].words} · \\d+%`));
    // The table and the other sections.
    const body = shown(await report.locator('body').innerText());
    for (const heading of ['Who is quoted', 'Who and what is named', 'Timeline']) assert.ok(body.includes(heading), `no “${heading}”`);
    assert.match(body, /\d+ quotes · from \d+ sources · \d+ words quoted/);
    assert.ok(body.includes('2020-01-03'), 'the timeline lacks 2020-01-03');
    // Its stylesheet loaded (the chart is a grid), under a strict Content-Security-Policy; its script answers the clicks below.
    assert.equal(await report.locator('.chart').evaluate((e) => (globalThis as any).getComputedStyle(e).display), 'grid');
    const csp = await report.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp ?? '', /default-src 'none'.*script-src 'nonce-[0-9a-f]+'/);
  });

  const exportThrough = async (format: 'csv' | 'json') => {
    const out = join(folder, `khazali.sources.${format}`);
    assert.equal(existsSync(out), false);
    await report.locator(`button[data-action="export"][data-format="${format}"]`).click();
    const p = wb.page;
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await until(`the save dialog to offer khazali.sources.${format}`, 15_000, async () => ((await input.inputValue().catch(() => '')).endsWith(`/khazali.sources.${format}`) ? true : undefined));
    await p.keyboard.press('Enter');
    await fileAppears(out, 15_000);
    await report.locator('#status', { hasText: `Exported ${format.toUpperCase()} to` }).waitFor({ timeout: 10_000 });
    return until(`a complete ${format} file`, 10_000, () => {
      const s = readFileSync(out, 'utf8');
      return s.endsWith('\n') ? s : undefined;
    });
  };

  it('Export CSV in the report writes a CSV through the save dialog', async () => {
    const csv = (await exportThrough('csv')).split('\r\n').filter(Boolean).map(csvFields);
    assert.deepEqual(csv[0].slice(0, 8), ['record', 'name', 'type', 'kind', 'quotes', 'reported', 'words_quoted', 'words_reported']);
    const col = (name: string) => csv[0].indexOf(name);
    const him = csv.find((r) => r[0] === 'source' && r[1] === SPEAKER);
    assert.ok(him, `no source row for ${SPEAKER}`);
    assert.equal(him[col('type')], 'Person');
    assert.ok(Number(him[col('quotes')]) >= 5 && Number(him[col('words_quoted')]) >= 100, him.join(','));
    const kadhimi = csv.find((r) => r[0] === 'quote' && r[col('text')].startsWith(KADHIMI));
    assert.equal(kadhimi?.[col('words_quoted')], '30');
    assert.equal(kadhimi?.[col('line')], String(positionOf(sample, KADHIMI).line + 1));
    assert.ok(csv.some((r) => r[0] === 'entity' && r[1] === 'Donald Trump' && r[col('mentions')] === '1'));
    assert.ok(csv.some((r) => r[0] === 'date' && r[col('date')] === '2020-01-03' && r[col('text')] === 'January 3, 2020'));
  });

  it('Export JSON in the report writes JSON through the save dialog', async () => {
    const json = JSON.parse(await exportThrough('json'));
    assert.equal(json.scope, 'article');
    assert.equal(json.sources[0].name, SPEAKER);
    assert.ok(json.sources[0].words >= 100);
    assert.ok(json.sources[0].items.some((q: { text: string; words: number }) => q.text.startsWith(KADHIMI) && q.words === 30));
    assert.ok(json.entities.some((e: { name: string; type: string }) => e.name === 'Donald Trump' && e.type === 'Person'));
    assert.ok(json.timeline.some((d: { value: string }) => d.value === '2020-01-03'));
  });

  it('clicking a quote in the report selects it in the article', async () => {
    const row = report.locator('table.sources tr', { has: report.locator('summary', { hasText: SPEAKER }) });
    await row.locator('summary').click();
    await row.locator('a[data-action="reveal"]', { hasText: 'This case has been reopened' }).click();
    const e = await until('the quote to be selected', 15_000, async () => {
      const a = await harness.activeEditor();
      return a?.selectedText.startsWith('“This case has been reopened') ? a : undefined;
    });
    assert.equal(e.path, file);
  });

  it('palette: Sources Report for the whole workspace adds up every article', async () => {
    await wb.runCommand('Article Lens: Sources Report');
    const p = wb.page;
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await p.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole workspace' }).waitFor({ timeout: 15_000 });
    await input.fill('workspace');
    await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Whole workspace' }).waitFor({ timeout: 15_000 });
    await p.keyboard.press('Enter');
    await p.locator('.tab.active[aria-label^="Sources: workspace"]').waitFor({ timeout: 30_000 });
    const frame = await webviewFrame(p, 'body[data-scope="workspace"] .chart .bar-row');
    const names = await frame.locator('.chart .bar-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    assert.equal(names[0], SPEAKER);
    assert.ok(names.includes('Maria Lopez'), `bars: ${JSON.stringify(names)}`);
    assert.match(shown(await frame.locator('.scope').innerText()), /^2 articles in the workspace/);
    // The same, through the command's answer.
    const data = await harness.command<{ articles: { path: string }[]; sources: { name: string; articles: number }[] }>('articleLens.sourcesReport', 'workspace');
    assert.deepEqual(data.articles.map((a) => a.path).sort(), [FILE, SECOND].sort());
  });

  it('follows edits: a new speaker typed into the article appears after a pause', async () => {
    await switchTo(wb.page, FILE, `${SPEAKER} said`);
    await wb.page.keyboard.press('Control+End');
    await wb.page.keyboard.press('Enter');
    await wb.page.keyboard.type('Jane Doe said that the troops would stay in Iraq.');
    const jane = await speakerRows('Jane Doe');
    assert.deepEqual(jane.map((r) => r.description), ['6 words · reported']);
    // Left unsaved: the run's folder is thrown away.
  });
});
