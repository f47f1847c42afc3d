// Article Lens end to end in a real VS Code: the .vsix packaged and installed into code-server
// (VS Code 1.139 served to a browser), the samples folder opened in headless Debian chromium,
// and what a person sees checked in the DOM (colours, hover card, Outline, status bar, palette
// commands), beside API-level checks made by a harness extension in the same extension host.
// Needs `bash scripts/e2e/setup.sh` once; run with `npm run test:vscode`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/launch';
import { CACHE_SUFFIX, CODE_CACHE_AFTER_MS } from '../../server/src/codeCache';
import type { CodeServer } from './lib/codeServer';
import { Harness, type Symbol, type Token } from './lib/harness';
import { shown, Workbench } from './lib/workbench';
import { workbenchSession } from './lib/session';
import { positionOf } from './lib/editor';
import { fileAppears, until } from './lib/wait';

const SPEAKER = 'Qais al-Khazali';


const find = (symbols: Symbol[], name: string) => symbols.find((s) => s.name === name);
const names = (symbols: Symbol[] | undefined) => (symbols ?? []).map((s) => s.name);

describe('VS Code end to end (code-server + chromium)', function () {
  this.timeout(60_000);
  const session = workbenchSession('vscode', { afterStop: (s) => { if (s.server) assert.deepEqual(serverPids(), [], 'a language server outlived code-server'); } });
  const { folder, file, runRoot } = session;
  let sample = '';
  let server: CodeServer | undefined;
  let wb: Workbench;
  let harness: Harness;
  before(() => ({ sample, server, wb, harness } = session));

  /** Article Lens language servers in this run's code-server process group: PID and command line. */
  const servers = (): { pid: number; args: string }[] => execFileSync('ps', ['-eo', 'pid=,pgid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => !!m && Number(m[2]) === server?.pid && m[3].includes('article-lens') && m[3].includes('dist/server.js'))
    .map((m) => ({ pid: Number(m[1]), args: m[3] }));
  const serverPids = (): number[] => servers().map((s) => s.pid);


  it('installs the .vsix and activates Article Lens, which starts its language server', async () => {
    const ping = await harness.call<{ vscode: string; lens: { active: boolean; version: string; path: string } | null }>('ping');
    assert.ok(ping.lens, 'article-lens.article-lens is not installed');
    assert.equal(ping.lens.active, true, 'Article Lens is installed but not active');
    assert.ok(ping.lens.path.startsWith(server!.dirs.extensions), `Article Lens runs from ${ping.lens.path}, not the run's extensions folder`);
    assert.equal((await harness.activeEditor())?.languageId, 'article');
    assert.equal(serverPids().length, 1, 'expected one dist/server.js process under code-server');
    // The client starts it with the flags and environment that keep its memory lean (server/src/launch.ts).
    const { pid, args } = servers()[0];
    for (const flag of SERVER_NODE_FLAGS) assert.ok(args.split(' ').includes(flag), `the server was started without ${flag}: ${args}`);
    const environment = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(environment.includes(`${name}=${value}`), `the server was started without ${name}=${value}`);
    assert.ok(environment.some((v) => v.startsWith('PATH=')), 'the server lost the editor\'s own environment');
  });

  it('shows "N quotes · M sources" in the status bar', async () => {
    const item = wb.statusItem('articleLens.summary');
    const text = shown(await item.innerText());
    const m = /(\d+) quotes? · (\d+) sources?/.exec(text);
    assert.ok(m, `status bar item reads “${text}”`);
    assert.ok(Number(m[1]) >= 1, `no quotes counted: “${text}”`);
    assert.ok(Number(m[2]) >= 1, `no sources counted (${SPEAKER} is quoted): “${text}”`);
  });

  it('gives semantic tokens for people, quotes and dates (provideDocumentSemanticTokens)', async () => {
    const { legend, tokens } = await harness.tokens(file);
    assert.ok(legend, 'no semantic tokens legend');
    for (const t of ['quote', 'person', 'organization', 'place', 'date']) assert.ok(legend.tokenTypes.includes(t), `legend lacks ${t}`);
    const at = (needle: string, type: string, plus = 0) => {
      const p = positionOf(sample, needle, plus);
      return tokens.find((t: Token) => t.type === type && t.line === p.line && t.character <= p.character && p.character < t.character + t.length);
    };
    const speaker = at(`${SPEAKER} said`, 'person');
    assert.ok(speaker, `no person token on “${SPEAKER}”`);
    assert.equal(speaker.text, SPEAKER);
    assert.ok(at('Khazali also said', 'person'), 'no person token on “Khazali” in “Khazali also said”');
    assert.ok(at('Donald Trump', 'person'), 'no person token on “Donald Trump”');
    const quote = at('“Kadhimi, at the behest', 'quote');
    assert.ok(quote, 'no quote token at “Kadhimi, at the behest …”');
    assert.ok(at('“The issue of negotiating', 'quote', 5), 'no quote token on “The issue of negotiating …”');
    const date = at('January 3, 2020', 'date');
    assert.ok(date, 'no date token on “January 3, 2020”');
    assert.equal(date.text, 'January 3, 2020');
    assert.ok(at('January 8, 2020', 'date'), 'no date token on “January 8, 2020”');
    assert.ok(tokens.some((t) => t.type === 'person' && t.modifiers.includes('speaker') && t.text.includes('Khazali')),
      `no person token with the speaker modifier on Khazali; person tokens: ${JSON.stringify(tokens.filter((t) => t.type === 'person').map((t) => `${t.text}[${t.modifiers}]`))}`);
  });

  it('paints people and dates in their own theme colours (DOM)', async () => {
    const plain = await wb.colorOf(`${SPEAKER} said`, 'said');
    const person = await wb.colorOf(`${SPEAKER} said`, SPEAKER);
    assert.notEqual(person, plain, `“${SPEAKER}” is drawn in the plain text colour ${plain}`);
    // Only the language server knows “Khazali” alone is a person: the grammar does not.
    assert.equal(await wb.colorOf('Khazali also said', 'Khazali'), person, '“Khazali” alone is not drawn as a person');
    const date = await wb.colorOf('On January 8, 2020', 'January 8, 2020');
    assert.notEqual(date, plain, '“January 8, 2020” is drawn in the plain text colour');
    assert.notEqual(date, person);
  });

  it('hovering “Khazali” with the mouse shows a card naming Qais al-Khazali and his quotes', async () => {
    // The entity's card, not the card of a quote he is the speaker of.
    const card = await wb.hover('Khazali also said', 'Khazali', /Qais al-Khazali\s*·\s*Person/);
    assert.match(card, /Qais al-Khazali\s*·\s*Person/, card);
    assert.match(card, /Quoted (once|\d+ times)/, `the card lists no quotes:\n${card}`);
    assert.ok(card.includes('Kadhimi, at the behest of Washington'), `the card lacks his quote “Kadhimi, at the behest of Washington …”:\n${card}`);
    await wb.page.keyboard.press('Escape');
    await wb.page.mouse.move(5, 5);
  });

  it('answers the hover provider on “Khazali” (executeHoverProvider)', async () => {
    const p = positionOf(sample, 'Khazali also said');
    const hovers = await harness.hover(file, p.line, p.character + 2);
    const text = hovers.flatMap((h) => h.contents).join('\n');
    assert.ok(text.includes(`**${SPEAKER}** · Person`), `hover: ${text}`);
    assert.match(text, /\*\*Quoted (once|\d+ times)\*\*/, `hover lists no quotes: ${text}`);
  });

  it('gives document symbols: title, Sources (speaker → quotes), People, Organizations, Places, Timeline', async () => {
    const symbols = await harness.symbols(file);
    const top = names(symbols);
    for (const group of ['Sources', 'People', 'Organizations', 'Places', 'Timeline']) assert.ok(top.includes(group), `no ${group} in ${JSON.stringify(top)}`);
    assert.ok(top[0].startsWith('Khazali: US ordered former Iraqi government'), `title symbol: ${top[0]}`);
    assert.ok(names(find(symbols, 'People')?.children).includes(SPEAKER), `People: ${JSON.stringify(names(find(symbols, 'People')?.children))}`);
    assert.ok(names(find(symbols, 'Timeline')?.children).some((n) => n.startsWith('2020-01-03')), 'Timeline lacks 2020-01-03');
    const sources = find(symbols, 'Sources')?.children ?? [];
    const him = find(sources, SPEAKER);
    assert.ok(him, `Sources: ${JSON.stringify(names(sources))}`);
    assert.ok(him.children.some((q) => q.name.startsWith('“Kadhimi, at the behest of Washington')), `his quotes: ${JSON.stringify(names(him.children))}`);
  });

  it('shows Sources with Qais al-Khazali in the Outline (opened from the status bar item)', async () => {
    const p = wb.page;
    await wb.statusItem('articleLens.summary').click();
    const outline = p.locator('.pane').filter({ has: p.locator('.outline-pane') });
    await outline.locator('.outline-pane .monaco-list-row').first().waitFor({ timeout: 20_000 });
    // Room for the Outline: fold the folder's section; then Collapse All and open Sources, as a person would.
    const folderHeader = p.locator('.pane').filter({ has: p.locator('.explorer-folders-view') }).locator('.pane-header');
    if ((await folderHeader.getAttribute('aria-expanded')) === 'true') await folderHeader.click();
    await outline.locator('.pane-header').hover();
    await outline.locator('.pane-header .codicon-collapse-all').click({ timeout: 10_000 });
    const sourcesRow = outline.locator('.monaco-list-row[aria-level="1"]').filter({ hasText: /^Sources/ });
    await sourcesRow.waitFor({ timeout: 10_000 });
    if ((await sourcesRow.getAttribute('aria-expanded')) !== 'true') await sourcesRow.locator('.monaco-tl-twistie').click();
    const under = await until('the Outline to show what is under Sources', 20_000, async () => {
      const rows = await wb.outlineRows();
      const i = rows.findIndex((x) => x.level === 1 && x.text.startsWith('Sources'));
      if (i < 0) return undefined;
      const children: string[] = [];
      for (let j = i + 1; j < rows.length && rows[j].level > 1; j++) if (rows[j].level === 2) children.push(rows[j].text);
      return children.length ? children : undefined;
    });
    assert.ok(under.some((t) => t.startsWith(SPEAKER)), `the Outline's Sources shows ${JSON.stringify(under)}, not ${SPEAKER}`);
  });

  it('palette: Go to Next Quote / Previous Quote select the quotes in turn', async () => {
    // Put the cursor at the start of “Qais al-Khazali said …”.
    const box = await wb.wordBox(`${SPEAKER} said`, 'Qais');
    await wb.page.mouse.click(box.x + 1, box.y + box.height / 2);
    const start = positionOf(sample, `${SPEAKER} said`);
    await until('the click to place the cursor', 10_000, async () => {
      const e = await harness.activeEditor();
      return e?.selection.start.line === start.line || undefined;
    });
    const selection = wb.page.locator('.statusbar-item[id$="status.editor.selection"]');
    const next = async (title: string, startsWith: string) => {
      await wb.runCommand(title);
      const e = await until(`${title} to select “${startsWith}…”`, 15_000, async () => {
        const a = await harness.activeEditor();
        return a?.selectedText.startsWith(startsWith) ? a : undefined;
      }).catch(async () => {
        const a = await harness.activeEditor();
        throw new Error(`${title} left “${a?.selectedText.slice(0, 40)}…” selected (from ${JSON.stringify(a?.selection.start)}); expected “${startsWith}…”`);
      });
      const p = positionOf(sample, startsWith);
      assert.deepEqual(e.selection.start, p);
      // The status bar shows where the selection ends (the cursor) and how much is selected.
      const end = e.selection.end;
      const cursor = new RegExp(`^Ln ${end.line + 1}, Col ${end.character + 1} \\(\\d+ selected\\)$`);
      await until(`the status bar to read “Ln ${end.line + 1}, Col ${end.character + 1} (… selected)”`, 10_000,
        async () => cursor.test(shown(await selection.innerText()).trim()) || undefined);
    };
    await next('Article Lens: Go to Next Quote', '“Kadhimi, at the behest');
    await next('Article Lens: Go to Next Quote', '“This case has been reopened');
    await next('Article Lens: Go to Previous Quote', '“Kadhimi, at the behest');
  });

  it('palette: Toggle People Highlighting flips the setting and the colours, and back', async () => {
    const plain = await wb.colorOf(`${SPEAKER} said`, 'said');
    const person = await wb.colorOf(`${SPEAKER} said`, SPEAKER);
    assert.notEqual(person, plain);
    assert.equal(await harness.config('articleLens.highlight.people'), true);

    await wb.runCommand('Article Lens: Toggle People Highlighting');
    await until('articleLens.highlight.people to turn false', 15_000, async () => (await harness.config('articleLens.highlight.people')) === false || undefined);
    await until(`“${SPEAKER}” to lose its person colour`, 15_000, async () => (await wb.colorOf(`${SPEAKER} said`, SPEAKER)) === plain || undefined);
    const { tokens } = await harness.tokens(file);
    assert.equal(tokens.filter((t) => t.type === 'person').length, 0, 'person tokens remain with people highlighting off');
    assert.ok(tokens.some((t) => t.type === 'quote'), 'quote tokens went too');

    await wb.runCommand('Article Lens: Toggle People Highlighting');
    await until('articleLens.highlight.people to turn true', 15_000, async () => (await harness.config('articleLens.highlight.people')) === true || undefined);
    await until(`“${SPEAKER}” to get its person colour back`, 15_000, async () => (await wb.colorOf(`${SPEAKER} said`, SPEAKER)) === person || undefined);
  });

  it('palette: Export Annotations… writes JSON through the format pick and the save dialog', async () => {
    const out = join(folder, 'khazali.json');
    assert.equal(existsSync(out), false);
    await wb.runCommand('Article Lens: Export Annotations…');
    const p = wb.page;
    await p.locator('.quick-input-list .monaco-list-row', { hasText: 'brat standoff' }).waitFor({ timeout: 15_000 });
    await p.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'JSON' }).waitFor({ timeout: 15_000 });
    await p.keyboard.press('Enter');
    // The save dialog (VS Code's own, in the browser) offers the article's name with .json.
    const input = p.locator('.quick-input-widget .quick-input-box input');
    await until('the save dialog to offer khazali.json', 15_000, async () => ((await input.inputValue()).endsWith('/khazali.json') ? true : undefined));
    await p.keyboard.press('Enter');
    const json = JSON.parse(await fileAppears(out, 15_000).then(() => until('a complete export', 10_000, () => {
      const s = readFileSync(out, 'utf8');
      try { JSON.parse(s); return s; } catch { return undefined; }
    })));
    assert.ok(Array.isArray(json.quotes) && json.quotes.length >= 1, `export has no quotes: ${Object.keys(json)}`);
    assert.ok(json.entities.some((e: { name: string; type: string }) => e.name === SPEAKER && e.type === 'Person'), `export lacks ${SPEAKER}`);
    await p.locator('.notifications-toasts', { hasText: 'annotations exported to' }).waitFor({ timeout: 10_000 });
  });

  it('exportAnnotations("brat", uri) writes a .ann without dialogs', async () => {
    const out = join(runRoot, 'exported.ann');
    await harness.command('articleLens.exportAnnotations', 'brat', { $uri: out });
    const ann = await fileAppears(out, 15_000);
    assert.match(ann, /^T\d+\t\S+ \d+ \d+\t/m, `not brat standoff:\n${ann.slice(0, 300)}`);
    assert.ok(ann.includes(`\t${SPEAKER}`), `the .ann names no ${SPEAKER}`);
  });

  // The client keeps V8's code cache for the server in the extension's global storage
  // (server/src/codeCache.ts); servers started after it is saved load from it.
  const codeCacheDir = () => join(server!.dirs.userData, 'User', 'globalStorage', 'article-lens.article-lens', 'code-cache');
  const codeCacheFile = () => (existsSync(codeCacheDir()) ? readdirSync(codeCacheDir()).find((f) => f.endsWith(CACHE_SUFFIX)) : undefined);
  let codeCacheSaved = 0;

  it("saves V8's code cache for its server in the extension's storage", async () => {
    const [{ args }] = servers();
    assert.ok(args.includes(`--code-cache-dir ${codeCacheDir()}`), `the server was started without its code cache directory: ${args}`);
    const name = await until('the code cache to be saved', CODE_CACHE_AFTER_MS + 30_000, codeCacheFile);
    codeCacheSaved = statSync(join(codeCacheDir(), name)).mtimeMs;
  });

  it('palette: Restart Server starts a new language server that answers', async () => {
    const [before] = serverPids();
    assert.ok(before, 'no language server before the restart');
    await wb.runCommand('Article Lens: Restart Server');
    const after = await until('a new language server process', 30_000, () => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== before ? pids[0] : undefined;
    });
    assert.notEqual(after, before);
    const p = positionOf(sample, 'Khazali also said');
    const text = await until('the new server to answer a hover', 30_000, async () => {
      const t = (await harness.hover(file, p.line, p.character + 2)).flatMap((h) => h.contents).join('\n');
      return t.includes(SPEAKER) ? t : undefined;
    });
    assert.ok(text.includes('Person'));
    await wb.statusItem('articleLens.summary').filter({ hasText: /quotes? ·/ }).waitFor({ timeout: 20_000 });
  });

  it('recovers when the language server is killed: restarts it and says so once', async () => {
    const toasts = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'stopped unexpectedly and was restarted' });
    for (let round = 1; round <= 2; round++) {
      const [victim] = serverPids();
      assert.ok(victim, `no language server to kill (round ${round})`);
      process.kill(victim, 'SIGKILL');
      const revived = await until(`a restarted language server (round ${round})`, 30_000, () => {
        const pids = serverPids();
        return pids.length === 1 && pids[0] !== victim ? pids[0] : undefined;
      });
      assert.notEqual(revived, victim);
      const p = positionOf(sample, 'Khazali also said');
      await until(`the restarted server to answer a hover (round ${round})`, 30_000, async () => {
        const t = (await harness.hover(file, p.line, p.character + 2)).flatMap((h) => h.contents).join('\n');
        return t.includes(SPEAKER) ? t : undefined;
      });
      // The user is told at the first death, and not again at the second.
      if (round === 1) await toasts.first().waitFor({ timeout: 20_000 });
    }
    assert.ok(await toasts.count() <= 1, 'the restart was announced more than once');
  });

  it('servers started since the code cache was saved started from it (none wrote it again)', async function () {
    assert.ok(codeCacheSaved, 'no code cache was saved');
    // The server now running was started by the tests above; one that had not taken the cache
    // would write it again once it had run for CODE_CACHE_AFTER_MS.
    this.timeout(CODE_CACHE_AFTER_MS + 30_000);
    await new Promise((r) => setTimeout(r, CODE_CACHE_AFTER_MS + 3_000));
    assert.equal(serverPids().length, 1);
    const name = codeCacheFile();
    assert.ok(name, 'the code cache is gone');
    assert.equal(statSync(join(codeCacheDir(), name)).mtimeMs, codeCacheSaved, 'the code cache was written again');
  });
});
