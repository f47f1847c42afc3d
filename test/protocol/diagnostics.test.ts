// Check over LSP: each diagnostic rule pulled with textDocument/diagnostic, its setting (off,
// hint, warning), result ids that say "unchanged", the quick fixes' versioned edits, and the
// article's code lens.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  Diagnostic,
  DocumentDiagnosticReport,
  FullDocumentDiagnosticReport,
  Range,
  TextDocumentEdit,
  TextEdit,
} from 'vscode-languageserver-protocol';
import { positionOf, startServer, textAt, type TestServer } from './lspClient';

const samplePath = join(__dirname, '../../samples/khazali.article');
const sample = readFileSync(samplePath, 'utf8');
const sampleUri = pathToFileURL(samplePath).toString();

/** A diagnostic's message as text (LSP 3.18 allows Markdown too). */
const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };

describe('diagnostics, quick fixes and the code lens over LSP', () => {
  let server: TestServer;
  let n = 0;
  const c = () => server.connection;

  before(async () => {
    server = await startServer();
    await server.open(sampleUri, sample);
  });
  after(() => server.stop());

  const pull = (uri: string, previousResultId?: string) =>
    c().sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  const items = async (uri: string) => {
    const r = await pull(uri);
    assert.equal(r.kind, 'full');
    return (r as FullDocumentDiagnosticReport).items;
  };
  const rule = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);
  /** Opens `text` as a new document and answers its uri. */
  const open = async (text: string) => {
    const uri = `untitled:check-${++n}.article`;
    await server.open(uri, text);
    return uri;
  };
  const setSettings = async (settings: Record<string, unknown>) => {
    server.settings = settings;
    const refreshed = server.nextRefresh();
    await c().sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await refreshed;
  };
  const actions = (uri: string, range: Range, diagnostics: Diagnostic[] = []) =>
    c().sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics } });
  const edited = (text: string, action: CodeAction, version: number) => {
    const change = action.edit!.documentChanges![0] as TextDocumentEdit;
    assert.equal(change.textDocument.version, version, 'the edit names the version it was made for');
    return TextDocument.applyEdits(TextDocument.create('x:y', 'article', 1, text), change.edits as TextEdit[]);
  };

  it('declares pull diagnostics, quick fixes and code lenses', () => {
    const caps = server.capabilities;
    assert.deepEqual(caps.diagnosticProvider, { identifier: 'articleLens', interFileDependencies: false, workspaceDiagnostics: false });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.ok(caps.codeLensProvider);
  });

  describe('the sample', () => {
    it('has one name spelt two ways, reported once at the rarer spelling', async () => {
      const found = rule(await items(sampleUri), 'inconsistentSpelling');
      assert.equal(found.length, 1);
      const [d] = found;
      assert.equal(textAt(sample, d.range), 'Ain al-Assad');
      assert.equal(d.severity, 2);
      assert.equal(d.source, 'Article Lens');
      assert.match(message(d), /“Ain al-Assad”.*“Ain al-Asad”/);
      assert.equal(textAt(sample, d.relatedInformation![0].location.range), 'Ain al-Asad');
    });

    it('has a relative date and no date to count it from, reported once', async () => {
      const found = rule(await items(sampleUri), 'relativeDateWithoutReference');
      assert.equal(found.length, 1);
      assert.equal(textAt(sample, found[0].range), 'Tuesday night');
      assert.match(message(found[0]), /no date/);
    });

    it('answers unchanged for the same version and settings, and in full after an edit', async () => {
      const uri = await open('Headline\n“Nobody knows who said this.”\n');
      const first = await pull(uri);
      assert.equal(first.kind, 'full');
      const again = await pull(uri, first.resultId);
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });
      await c().sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: 'Headline\nNothing quoted here.\n' }],
      });
      const after = await pull(uri, first.resultId);
      assert.equal(after.kind, 'full');
      assert.notEqual(after.resultId, first.resultId);
      assert.deepEqual((after as FullDocumentDiagnosticReport).items, []);
    });
  });

  describe('each rule', () => {
    it('a quotation with no identifiable speaker', async () => {
      const text = 'Storm hits the coast\n“The water came up to the windows in minutes.”\nResidents were evacuated on March 3, 2024.\n';
      const found = rule(await items(await open(text)), 'unattributedQuote');
      assert.equal(found.length, 1);
      assert.equal(textAt(text, found[0].range), '“The water came up to the windows in minutes.”');
    });

    it('an attributed quote is not reported', async () => {
      const text = 'Storm hits the coast\n“The water came up in minutes,” said Maria Lopez, a resident, on March 3, 2024.\n';
      assert.deepEqual(rule(await items(await open(text)), 'unattributedQuote'), []);
    });

    it('quotation marks opened and never closed, or closed and never opened; apostrophes and continued quotes are fine', async () => {
      const text = [
        'Council votes on budget',
        'Mayor Ana Ruiz said the plan was “fair and balanced.',
        'The vote was close.” Councillors left.',
        'She called it a ‘disaster on the radio.',
        'Rock ’n’ roll isn’t dead, the ’90s aren’t over, and the students’ union agreed.',
        '“This quote runs on into the next paragraph, as news writing does.',
        '“And it ends here,” Ruiz said.',
      ].join('\n');
      const found = rule(await items(await open(text)), 'unmatchedQuotationMark');
      assert.deepEqual(found.map((d) => [textAt(text, d.range), d.range.start.line]), [['“', 1], ['”', 2], ['‘', 3]]);
      assert.match(message(found[0]), /never closed/);
      assert.match(message(found[1]), /no opening mark/);
    });

    it('one name spelt two ways, and never two different names', async () => {
      const text = [
        'Talks resume',
        'Kristen Wilkins, the curator, met Kowloon East officials on March 3, 2024. Wilkins was pleased.',
        'Kristin Wilkins later said the show would open. Officials from Kowloon West agreed.',
        'Kristen Wilkins will attend.',
      ].join('\n');
      const found = rule(await items(await open(text)), 'inconsistentSpelling');
      assert.deepEqual(found.map((d) => textAt(text, d.range)), ['Kristin Wilkins']);
    });

    it('a speaker quoted by a short name before the full name is given', async () => {
      const text = [
        'Talks collapse',
        '“There is nothing left to discuss,” Khazali said on March 3, 2024.',
        'Qais al-Khazali leads the group.',
      ].join('\n');
      const found = rule(await items(await open(text)), 'speakerNotIntroduced');
      assert.equal(found.length, 1);
      assert.equal(textAt(text, found[0].range), 'Khazali');
      assert.equal(found[0].severity, 4, 'a hint by default');
      assert.match(message(found[0]), /before the article introduces “Qais al-Khazali”/);
      const introduced = text.replace('Talks collapse', 'Talks collapse\nQais al-Khazali arrived.');
      assert.deepEqual(rule(await items(await open(introduced)), 'speakerNotIntroduced'), []);
    });

    it('relative dates are fine in an article with a date', async () => {
      const dated = sample.replace('source: Press TV', 'source: Press TV\ndate: 2020-01-10');
      assert.deepEqual(rule(await items(await open(dated)), 'relativeDateWithoutReference'), []);
    });
  });

  describe('settings', () => {
    afterEach(() => setSettings({}));

    it('turn a rule off, make it a hint, and ask the editor to pull again', async () => {
      const before = server.diagnosticRefreshes;
      await setSettings({ diagnostics: { inconsistentSpelling: 'off', relativeDateWithoutReference: 'hint' } });
      // Sent right after the semantic tokens refresh the settings helper waits for.
      for (let i = 0; i < 50 && server.diagnosticRefreshes === before; i++) await new Promise((r) => setTimeout(r, 20));
      assert.ok(server.diagnosticRefreshes > before, 'workspace/diagnostic/refresh');
      const ds = await items(sampleUri);
      assert.deepEqual(rule(ds, 'inconsistentSpelling'), []);
      assert.equal(rule(ds, 'relativeDateWithoutReference')[0].severity, 4);
      assert.deepEqual(await actions(sampleUri, WHOLE).then((a) => a.filter((x) => /Ain al-/.test(x.title))), [], 'no fix for a rule turned off');
    });

    it('give a changed answer for the same version once the settings change', async () => {
      const first = await pull(sampleUri);
      await setSettings({ diagnostics: { unattributedQuote: 'hint', speakerNotIntroduced: 'warning' } });
      const again = await pull(sampleUri, first.resultId);
      assert.equal(again.kind, 'full');
    });

    it('a reference date setting resolves relative dates, and the rule is quiet', async () => {
      await setSettings({ referenceDate: '2020-01-10' });
      assert.deepEqual(rule(await items(sampleUri), 'relativeDateWithoutReference'), []);
    });

    it('an unknown level keeps the default', async () => {
      await setSettings({ diagnostics: { inconsistentSpelling: 'error' } });
      assert.equal(rule(await items(sampleUri), 'inconsistentSpelling')[0].severity, 2);
    });
  });

  describe('quick fixes', () => {
    it('make a name spelt two ways consistent, the rarer spelling rewritten, in a versioned edit', async () => {
      const uri = await open(sample);
      const [d] = rule(await items(uri), 'inconsistentSpelling');
      const list = await actions(uri, d.range, [d]);
      const fix = list.find((a) => a.isPreferred && a.kind === 'quickfix' && /Ain al-Asad/.test(a.title));
      assert.ok(fix, JSON.stringify(list.map((a) => a.title)));
      assert.equal(fix.title, 'Spell it “Ain al-Asad” everywhere (1 mention of “Ain al-Assad”)');
      assert.deepEqual(fix.diagnostics, [d]);
      const after = edited(sample, fix, 1);
      assert.ok(!after.includes('Ain al-Assad'));
      assert.equal(after.split('Ain al-Asad').length - 1, 2);
      // The other way round is offered too, not preferred.
      const reverse = list.find((a) => !a.isPreferred && /“Ain al-Assad” everywhere/.test(a.title));
      assert.ok(reverse);
      assert.ok(!edited(sample, reverse, 1).includes('Ain al-Asad '));
      // Applied, the problem is gone.
      await c().sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
      assert.deepEqual(rule(await items(uri), 'inconsistentSpelling'), []);
    });

    it('add a date line to the front matter, dated by the latest date the article states', async () => {
      const uri = await open(sample);
      const [d] = rule(await items(uri), 'relativeDateWithoutReference');
      const [fix] = (await actions(uri, d.range)).filter((a) => /date/.test(a.title));
      assert.equal(fix.title, 'Add “date: 2020-01-08” to the front matter');
      const after = edited(sample, fix, 1);
      assert.ok(after.startsWith('---\ntitle: Khazali: US ordered former Iraqi government to drop Soleimani lawsuit\nsource: Press TV\ndate: 2020-01-08\n---\nThe leader'));
      await c().sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
      assert.deepEqual(rule(await items(uri), 'relativeDateWithoutReference'), []);
    });

    it('create the front matter when there is none, with a placeholder when no date is stated', async () => {
      const text = 'Storm hits the coast\r\nResidents left on Tuesday night, officials said.\r\n';
      const uri = await open(text);
      const [d] = rule(await items(uri), 'relativeDateWithoutReference');
      const [fix] = await actions(uri, d.range, [d]);
      const after = edited(text, fix, 1);
      assert.equal(after, `---\r\ndate: YYYY-MM-DD\r\n---\r\n${text}`);
      // The placeholder is not a date: the check now points at it, and its fix replaces the value.
      await c().sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
      const [again] = rule(await items(uri), 'relativeDateWithoutReference');
      assert.match(message(again), /front matter’s date “YYYY-MM-DD” is not written YYYY-MM-DD/);
      const [replace] = await actions(uri, again.range, [again]);
      assert.equal(replace.title, 'Set the front matter’s date to “YYYY-MM-DD”');
      assert.equal(edited(after, replace, 2), after);
    });

    it('offer nothing where there is no problem, nor for other kinds than quick fixes', async () => {
      const at = positionOf(sample, 'resistance group');
      assert.deepEqual(await actions(sampleUri, { start: at, end: at }), []);
      const [d] = rule(await items(sampleUri), 'inconsistentSpelling');
      const refactors = await c().sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: sampleUri }, range: d.range, context: { diagnostics: [], only: ['refactor'] } });
      assert.deepEqual(refactors, []);
    });
  });

  describe('the code lens', () => {
    it('sums up the article at its top and opens the Sources view', async () => {
      const lenses = await c().sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: sampleUri } });
      assert.equal(lenses.length, 1);
      const [lens] = lenses;
      assert.deepEqual(lens.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      const s = await c().sendRequest<{ quotes: number; sources: number; people: number; organizations: number; dates: number }>('articleLens/summary', { uri: sampleUri });
      assert.equal(lens.command?.title, `${s.quotes} quotes · ${s.sources} sources · ${s.people + s.organizations} people/organizations · ${s.dates} dates`);
      assert.match(lens.command!.title, /^\d+ quotes · \d+ sources · \d+ people\/organizations · \d+ dates$/);
      assert.equal(lens.command?.command, 'articleLens.showSources');
      assert.deepEqual(lens.command?.arguments, [sampleUri]);
    });

    it('speaks in the singular, and is not shown on an empty document', async () => {
      const one = await open('Storm\n“It was loud,” said Maria Lopez on March 3, 2024.\n');
      const [lens] = await c().sendRequest<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: one } });
      assert.equal(lens.command?.title, '1 quote · 1 source · 1 person/organization · 1 date');
      assert.deepEqual(await c().sendRequest('textDocument/codeLens', { textDocument: { uri: await open('') } }), []);
    });
  });
});
