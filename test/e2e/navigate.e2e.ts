// Article Lens's navigate, check and count features end to end in a real VS Code (code-server +
// headless chromium), driven as a person drives them: the code lens above the article and its
// click into the Sources view; the warnings as squiggles and in the Problems panel, fixed with
// Ctrl+.; F12, Find All References, F2 (and its refusal on an ambiguous name) and Ctrl+T; each
// beside the same request made through the VS Code API by the harness extension. Needs
// `bash scripts/e2e/setup.sh` once; run with
// `npx mocha --config test/e2e/mocharc.json test/e2e/navigate.e2e.ts`.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Harness, type DiagnosticInfo } from './lib/harness';
import { shown, Workbench } from './lib/workbench';
import { workbenchSession } from './lib/session';
import { until } from './lib/wait';
import { switchTo, TreePane } from './lib/views';
import { applyQuickFix, cursorStatus, placeCursor, positionOf, ProblemsPanel, quickInputRows, referenceRows, squiggled, viewPane } from './lib/editor';

const FILE = 'khazali.article';
const SPEAKER = 'Qais al-Khazali';
const TITLE = 'Khazali: US ordered former Iraqi government to drop Soleimani lawsuit';
const SPELL_FIX = 'Spell it “Ain al-Asad” everywhere (1 mention of “Ain al-Assad”)';
const SPELL_BACK = 'Spell it “Ain al-Assad” everywhere (1 mention of “Ain al-Asad”)';
const DATE_FIX = 'Add “date: 2020-01-08” to the front matter';
/** A second article, never opened before Go to Symbol in Workspace finds it: one name for two entities, and a source. */
const SECOND = 'envoy.article';
const SECOND_TEXT = [
  '---',
  'title: Envoy visits the capital',
  'date: 2020-01-09',
  '---',
  'Envoy visits the capital',
  'George Washington crossed the river. Washington later became president. Officials in Washington said the city was calm.',
  '“We agreed on everything,” said Maria Lopez, the envoy.',
  '',
].join('\n');

const LENS = /^(\d+) quotes? · (\d+) sources? · (\d+) (?:people\/organizations|person\/organization) · (\d+) dates?$/;

describe('VS Code end to end: navigate, check and the code lens', function () {
  this.timeout(60_000);
  const session = workbenchSession('navigate', { prepare: (dir) => writeFileSync(join(dir, SECOND), SECOND_TEXT) });
  const { folder, file } = session;
  let wb: Workbench;
  let harness: Harness;
  before(() => ({ wb, harness } = session));
  const second = join(folder, SECOND);

  /** The article as the editor has it now (quick fixes and renames change it as the suite goes). */
  const current = async () => (await harness.text(file)).text;
  /** Scrolls the active editor so that its line `line` (0-based) is drawn. */
  const reveal = (line: number) => harness.command('revealLine', { lineNumber: line, at: 'center' });
  const byCode = (ds: DiagnosticInfo[], code: string) => ds.filter((d) => d.code === code);


  // ---- the code lens ------------------------------------------------------------------------

  const lens = () => wb.page.locator('.editor-instance .contentWidgets .codelens-decoration a').filter({ hasText: / quotes? · \d+ sources? · / }).first();

  it('shows the code lens “N quotes · M sources · … · K dates” above the article’s first line', async () => {
    const [api, ...more] = await until('the code lens provider to answer', 20_000, async () => {
      const l = await harness.codeLenses(file);
      return l.length ? l : undefined;
    });
    assert.equal(more.length, 0, 'one lens');
    assert.deepEqual(api.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(api.command, 'articleLens.showSources');
    assert.deepEqual(api.arguments, [pathToFileURL(file).href]);

    await lens().waitFor({ state: 'visible', timeout: 20_000 });
    const drawn = shown(await lens().innerText()).trim();
    assert.equal(drawn, api.title);
    const m = LENS.exec(drawn);
    assert.ok(m, `the lens reads “${drawn}”`);
    const [quotes, sources, named, dates] = m.slice(1).map(Number);
    assert.ok(quotes >= 1 && sources >= 1 && named >= 1, drawn);
    assert.ok(dates >= 2, `January 3 and January 8, 2020 are dates: “${drawn}”`);
    // The same counts as the status bar item.
    const status = shown(await wb.statusItem('articleLens.summary').innerText());
    assert.ok(status.includes(`${quotes} quotes · ${sources} sources`), `status bar “${status}”, lens “${drawn}”`);
    // Drawn above the front matter's first line.
    const lensBox = (await lens().boundingBox())!;
    const firstLine = await wb.wordBox('title: Khazali', 'title');
    assert.ok(lensBox.y + lensBox.height <= firstLine.y, `the lens (y ${lensBox.y}) is not above the article (title at y ${firstLine.y})`);
  });

  it('clicking the code lens focuses the Sources view, which shows Qais al-Khazali', async () => {
    await lens().click();
    const sources = new TreePane(wb.page, 'Sources');
    await sources.header.waitFor({ timeout: 20_000 });
    await until('the Sources view to be expanded', 10_000, async () => (await sources.header.getAttribute('aria-expanded')) === 'true' || undefined);
    await until('the keyboard focus to be in the Sources view', 10_000, async () => (await wb.page.evaluate(() => {
      const active = (globalThis as any).document.activeElement;
      return active?.closest('.pane')?.querySelector('.pane-header h3.title')?.textContent ?? null;
    })) === 'Sources' || undefined);
    assert.equal(await sources.description(), FILE);
    await sources.expand('Sources', 1);
    const speakers = await until(`the Sources view to list ${SPEAKER}`, 20_000, async () => {
      const under = (await sources.childrenOf('Sources', 1)).filter((r) => r.level === 2);
      return under.some((r) => r.name === SPEAKER) ? under : undefined;
    });
    assert.match(speakers.find((r) => r.name === SPEAKER)!.description, /^\d+ quotes? · \d+ words/);
  });

  // ---- navigate ----------------------------------------------------------------------------

  it('Go to Definition (F12) on “Khazali” lands on “Qais al-Khazali”', async () => {
    const text = await current();
    const at = positionOf(text, 'Khazali also said');
    const target = positionOf(text, `${SPEAKER} said`);
    const defs = await harness.definition(file, at.line, at.character + 2);
    assert.deepEqual(defs.map((d) => [d.path, d.text, d.range.start]), [[file, SPEAKER, target]]);

    await reveal(at.line);
    await placeCursor(wb, harness, 'Khazali also said', 'Khazali', at);
    await wb.page.keyboard.press('F12');
    const e = await until(`F12 to put the cursor on “${SPEAKER}” (line ${target.line + 1})`, 15_000, async () => {
      const a = await harness.activeEditor();
      return a?.selection.start.line === target.line && a.selection.start.character === target.character ? a : undefined;
    });
    assert.equal(e.path, file);
    await until(`the status bar to read “Ln ${target.line + 1}, Col ${target.character + 1}”`, 10_000,
      async () => (await cursorStatus(wb.page)) === `Ln ${target.line + 1}, Col ${target.character + 1}` || undefined);
  });

  it('Find All References (Shift+Alt+F12) lists every mention of Qais al-Khazali', async () => {
    const text = await current();
    const at = positionOf(text, 'Khazali also said');
    // The server's own count, from its hover card: “Mentioned 3 times”.
    const card = (await harness.hover(file, at.line, at.character + 2)).flatMap((h) => h.contents).join('\n');
    const counted = /Mentioned (once|(\d+) times)/.exec(card);
    assert.ok(counted, `no mention count in the hover card:\n${card}`);
    const mentions = counted[1] === 'once' ? 1 : Number(counted[2]);
    const refs = await harness.references(file, at.line, at.character + 2);
    assert.ok(refs.length >= mentions, `${refs.length} references for ${mentions} mentions`);
    assert.deepEqual(refs.map((r) => r.text), [SPEAKER, 'Khazali', 'Khazali']);
    assert.ok(refs.every((r) => r.path === file));

    await reveal(at.line);
    await placeCursor(wb, harness, 'Khazali also said', 'Khazali', at);
    await wb.page.keyboard.press('Shift+Alt+F12');
    const pane = viewPane(wb.page, 'References');
    const rows = await until('the References view to list the mentions', 20_000, async () => {
      const r = await referenceRows(pane);
      return r.filter((x) => x.level === 2).length >= refs.length ? r : undefined;
    });
    const found = rows.filter((r) => r.level === 2);
    assert.ok(found.length >= mentions, `the References view lists ${found.length} for ${mentions} mentions`);
    assert.deepEqual(found.map((r) => r.highlighted.join('')), refs.map((r) => r.text));
    assert.deepEqual(rows.filter((r) => r.level === 1).map((r) => r.text), [FILE]);
    assert.ok(shown(await pane.locator('.pane-body').innerText()).includes(`${refs.length} results in 1 file`));
  });

  it('Go to Symbol in Workspace (Ctrl+T) finds Qais al-Khazali, and a source in an article never opened', async () => {
    const khazali = await until('workspace symbols for “Khazali”', 30_000, async () => {
      const s = await harness.workspaceSymbols('Khazali');
      return s.some((x) => x.kind === 'Event') ? s : undefined;
    });
    const person = khazali.find((s) => s.name === SPEAKER && s.kind === 'Class');
    assert.ok(person, JSON.stringify(khazali));
    assert.equal(person.path, file);
    assert.equal(person.containerName, `person in ${TITLE}`);
    const source = khazali.find((s) => s.name === SPEAKER && s.kind === 'Event');
    assert.match(source?.containerName ?? '', new RegExp(`^quoted \\d+ times in ${TITLE}$`));
    const lopez = await harness.workspaceSymbols('Lopez');
    const said = lopez.find((s) => s.name === 'Maria Lopez' && s.kind === 'Event');
    assert.ok(said, JSON.stringify(lopez));
    assert.equal(said.path, second);
    assert.equal(said.containerName, 'quoted once in Envoy visits the capital');
    assert.ok([...khazali, ...lopez].every((s) => s.path.startsWith(`${folder}/`)));

    const p = wb.page;
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await p.keyboard.press('Control+T');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('#Khazali');
    const rows = await until('Ctrl+T to list Qais al-Khazali, the person and the source', 20_000, async () => {
      const r = (await quickInputRows(p)).filter((x) => x.name === SPEAKER);
      return r.some((x) => x.text.includes(`person in ${TITLE}`)) && r.some((x) => new RegExp(`quoted \\d+ times in ${TITLE}`).test(x.text)) ? r : undefined;
    });
    assert.ok(rows.every((r) => r.text.includes(FILE)), JSON.stringify(rows));
    await input.fill('#Lopez');
    const row = p.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'quoted once in Envoy visits the capital' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    assert.ok(shown(await row.innerText()).includes(SECOND));
    await row.click();
    // Picking it opens the article at the source's first quote.
    await p.locator(`.tab.active[aria-label^="${SECOND}"]`).waitFor({ timeout: 20_000 });
    const e = await until(`${SECOND} to open at Maria Lopez’s quote`, 15_000, async () => {
      const a = await harness.activeEditor();
      return a?.path === second && a.selection.start.line === said.range.start.line && a.selection.start.character === said.range.start.character ? a : undefined;
    });
    assert.deepEqual(e.selection.start, positionOf(SECOND_TEXT, '“We agreed on everything,”'));
  });

  // ---- check -------------------------------------------------------------------------------

  const problems = () => new ProblemsPanel(wb.page);

  it('shows the spelling and the relative-date warnings: diagnostics, squiggles and the Problems panel', async () => {
    await switchTo(wb.page, FILE, `${SPEAKER} said`);
    const ds = await until('the two warnings', 30_000, async () => {
      const d = await harness.diagnostics(file);
      return byCode(d, 'inconsistentSpelling').length && byCode(d, 'relativeDateWithoutReference').length ? d : undefined;
    });
    const [spelling, ...moreSpelling] = byCode(ds, 'inconsistentSpelling');
    assert.equal(moreSpelling.length, 0);
    assert.equal(spelling.text, 'Ain al-Assad');
    assert.equal(spelling.severity, 'Warning');
    assert.equal(spelling.source, 'Article Lens');
    assert.match(spelling.message, /“Ain al-Assad” \(1 mention\) and “Ain al-Asad” \(1 mention/);
    const [date, ...moreDates] = byCode(ds, 'relativeDateWithoutReference');
    assert.equal(moreDates.length, 0);
    assert.equal(date.text, 'Tuesday night');
    assert.equal(date.severity, 'Warning');
    assert.match(date.message, /^“Tuesday night” cannot be placed on the calendar.*the article has no date/);

    // Squiggles under both.
    await reveal(spelling.range.start.line);
    await until('a squiggle under “Ain al-Assad”', 15_000, () => squiggled(wb, 'Ain al-Assad as', 'Ain al-Assad') || undefined);
    await reveal(date.range.start.line);
    await until('a squiggle under “Tuesday night”', 15_000, () => squiggled(wb, 'aired on Tuesday night', 'Tuesday night') || undefined);

    // Both in the Problems panel, under the article.
    const panel = problems();
    await panel.open();
    const rows = await until('the Problems panel to list both', 15_000, async () => {
      const r = await panel.rows();
      return r.some((x) => x.level === 2 && x.text.startsWith('One name spelt two ways: “Ain al-Assad”'))
        && r.some((x) => x.level === 2 && x.text.startsWith('“Tuesday night” cannot be placed on the calendar')) ? r : undefined;
    });
    assert.ok(rows.some((r) => r.level === 1 && r.text.startsWith(FILE)), JSON.stringify(rows));
    const row = rows.find((r) => r.text.startsWith('One name spelt two ways'))!;
    assert.match(row.label, /^Warning: /);
    assert.ok(row.text.includes(`[Ln ${spelling.range.start.line + 1}, Col ${spelling.range.start.character + 1}]`), row.text);
  });

  it('a quick fix kept from before an edit is refused, and the text is left as it is', async () => {
    const [spelling] = byCode(await harness.diagnostics(file), 'inconsistentSpelling');
    const fix = (await harness.codeActions(file, spelling.range, 'quickfix')).find((a) => a.title === SPELL_FIX);
    assert.ok(fix, 'the spelling fix is offered');
    // The user types at the start of the fix's line before choosing the fix.
    await harness.insert(file, spelling.range.start.line, 0, 'X');
    const typed = await current();
    const stale = await harness.applyKeptEdit(fix.id);
    assert.equal(stale.applied, false, 'a stale quick fix was applied');
    assert.equal(stale.text, typed, 'the text changed');
    await harness.remove(file, { start: { line: spelling.range.start.line, character: 0 }, end: { line: spelling.range.start.line, character: 1 } });
    // The same fix asked for again, at the current version, applies.
    const fresh = (await harness.codeActions(file, spelling.range, 'quickfix')).find((a) => a.title === SPELL_FIX)!;
    assert.deepEqual(fresh.edits.map((e) => e.newText), ['Ain al-Asad']);
  });

  it('the quick fix from Ctrl+. spells “Ain al-Asad” everywhere, and the spelling warning goes', async () => {
    const before = await current();
    const [spelling] = byCode(await harness.diagnostics(file), 'inconsistentSpelling');
    const actions = await harness.codeActions(file, spelling.range, 'quickfix');
    const fix = actions.find((a) => a.title === SPELL_FIX);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.edits.map((e) => [e.path, e.range, e.newText]), [[file, spelling.range, 'Ain al-Asad']]);
    assert.ok(actions.some((a) => a.title === SPELL_BACK && !a.isPreferred), 'the other way round is offered too');

    await reveal(spelling.range.start.line);
    await placeCursor(wb, harness, 'Ain al-Assad as', 'Ain al-Assad', spelling.range.start);
    const offered = await applyQuickFix(wb.page, SPELL_FIX);
    assert.ok(offered.includes(SPELL_BACK), `the menu offered ${JSON.stringify(offered)}`);
    const after = await until('the spelling to be made consistent', 15_000, async () => {
      const t = await current();
      return t.includes('Ain al-Assad') ? undefined : t;
    });
    assert.equal(after, before.replace('Ain al-Assad', 'Ain al-Asad'));
    assert.equal(after.split('Ain al-Asad').length - 1, 2);

    const ds = await until('the spelling warning to go', 20_000, async () => {
      const d = await harness.diagnostics(file);
      return byCode(d, 'inconsistentSpelling').length ? undefined : d;
    });
    assert.equal(byCode(ds, 'relativeDateWithoutReference').length, 1, 'the date warning stays');
    await until('the squiggle under “Ain al-Asad” to go', 15_000, async () => !(await squiggled(wb, 'Ain al-Asad as', 'Ain al-Asad')) || undefined);
    await until('the Problems panel to drop the spelling warning', 15_000, async () => {
      const r = await problems().rows();
      return !r.some((x) => x.text.includes('One name spelt two ways')) && r.some((x) => x.text.startsWith('“Tuesday night”')) || undefined;
    });
  });

  it('the “add date:” quick fix puts a date: line in the front matter, and the relative-date warning goes', async () => {
    const before = await current();
    const [date] = byCode(await harness.diagnostics(file), 'relativeDateWithoutReference');
    const actions = await harness.codeActions(file, date.range, 'quickfix');
    const fix = actions.find((a) => a.title === DATE_FIX);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(fix.isPreferred, true);

    await reveal(date.range.start.line);
    await placeCursor(wb, harness, 'aired on Tuesday night', 'Tuesday night', date.range.start);
    await applyQuickFix(wb.page, DATE_FIX);
    const after = await until('a date: line in the front matter', 15_000, async () => {
      const t = await current();
      return t.includes('date: 2020-01-08') ? t : undefined;
    });
    assert.ok(after.startsWith(`---\ntitle: ${TITLE}\nsource: Press TV\ndate: 2020-01-08\n---\nThe leader`), after.slice(0, 200));
    assert.equal(after, before.replace('source: Press TV\n', 'source: Press TV\ndate: 2020-01-08\n'));

    await until('the relative-date warning to go', 20_000, async () => {
      const d = await harness.diagnostics(file);
      return byCode(d, 'relativeDateWithoutReference').length ? undefined : d;
    });
    await until('the Problems panel to drop it', 15_000, async () => {
      const r = await problems().rows();
      return !r.some((x) => x.text.includes('Tuesday night')) || undefined;
    });
    await reveal(positionOf(after, 'Tuesday night').line);
    await until('the squiggle under “Tuesday night” to go', 15_000, async () => !(await squiggled(wb, 'aired on Tuesday night', 'Tuesday night')) || undefined);
    await problems().close();
  });

  // ---- rename ------------------------------------------------------------------------------

  it('Rename Symbol (F2) on “Khazali” renames every mention spelt that way', async () => {
    const before = await current();
    const at = positionOf(before, 'Khazali also said');
    const refs = await harness.references(file, at.line, at.character + 2);
    assert.deepEqual(refs.map((r) => r.text), [SPEAKER, 'Khazali', 'Khazali']);

    await reveal(at.line);
    await placeCursor(wb, harness, 'Khazali also said', 'Khazali', at);
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.rename-box .rename-input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // Typing replaces the name once the box has the keyboard, with the name offered and selected.
    await until('the rename box to take the keyboard with “Khazali” selected', 10_000, () => input.evaluate((e: any) =>
      e === e.ownerDocument.activeElement && e.value === 'Khazali' && e.selectionStart === 0 && e.selectionEnd === e.value.length).catch(() => false) || undefined);
    await wb.page.keyboard.type('Khazaali');
    await until('the rename box to read “Khazaali”', 10_000, async () => (await input.inputValue()) === 'Khazaali' || undefined);
    await wb.page.keyboard.press('Enter');
    const after = await until('the rename to be applied', 15_000, async () => {
      const t = await current();
      return t.includes('Khazaali also said') ? t : undefined;
    });
    await input.waitFor({ state: 'hidden', timeout: 10_000 });
    // Every mention written “Khazali”, the full name's surname too; the front matter's title is not a mention.
    const expected = before
      .replace(`${SPEAKER} said`, 'Qais al-Khazaali said')
      .replace('Khazali also said', 'Khazaali also said')
      .replace('Khazali regretted', 'Khazaali regretted');
    assert.equal(after, expected);
    assert.ok(after.includes(`title: ${TITLE}`));
    const renamed = await until('the server to see the renamed mentions', 15_000, async () => {
      const r = await harness.references(file, at.line, at.character + 2);
      return r.length ? r : undefined;
    });
    assert.deepEqual(renamed.map((r) => r.text), ['Qais al-Khazaali', 'Khazaali', 'Khazaali']);
  });

  it('Rename Symbol (F2) on a name two entities share shows the server’s refusal', async () => {
    await switchTo(wb.page, SECOND, 'George Washington crossed');
    const at = positionOf(SECOND_TEXT, 'Washington later');
    await placeCursor(wb, harness, 'George Washington crossed', 'Washington', at, 1);
    await wb.page.keyboard.press('F2');
    const message = wb.page.locator('.monaco-editor-overlaymessage').filter({ hasText: 'Cannot rename' }).first();
    await message.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match(shown(await message.innerText()).trim(),
      /^Cannot rename “Washington”: the article uses it for 2 different entities, “George Washington” \(person\) and “Washington” \(place\), so a rename would be ambiguous\.$/);
    assert.equal(await wb.page.locator('.rename-box .rename-input').isVisible(), false, 'a rename box opened');
    assert.equal((await harness.text(second)).text, SECOND_TEXT);
    assert.equal(readFileSync(second, 'utf8'), SECOND_TEXT);
  });
});
