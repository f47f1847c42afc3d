// The pieces behind the checks and navigation, on their own: unmatched quotation marks, near
// spellings, relative dates, the front-matter date edit, rename edits and the workspace index.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis/analyze';
import { ArticleStore, type AnalyzedDocument } from '../../server/src/articles';
import { unmatchedMarks } from '../../server/src/features/quoteMarks';
import { isRelativeDate, nearSpellings } from '../../server/src/features/diagnostics';
import { dateEdit } from '../../server/src/features/codeActions';
import { matches } from '../../server/src/features/workspaceSymbols';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { DEFAULT_DIAGNOSTICS, DIAGNOSTIC_RULES, diagnosticLevels } from '../../server/src/protocol';
import manifest from '../../package.json';

const marks = (text: string) => unmatchedMarks(text, 0).map((m) => `${m.problem} ${m.mark} @${m.offset}`);
const analyzed = (text: string): AnalyzedDocument => new ArticleStore().get(TextDocument.create('untitled:t', 'article', 1, text));
const withEdit = (text: string, value: string) => {
  const { edit } = dateEdit(analyzed(text), value);
  return TextDocument.applyEdits(TextDocument.create('x:y', 'article', 1, text), [edit]);
};

describe('unmatched quotation marks', () => {
  it('finds a quote opened and never closed, and one closed and never opened', () => {
    assert.deepEqual(marks('He said “no.\nShe said yes.”\n'), ['unclosed “ @8', 'unopened ” @26']);
    assert.deepEqual(marks('« Non, dit-il.\nOui. »\n'), ['unclosed « @0', 'unopened » @20']);
  });

  it('finds a new quote opened before the last one closed', () => {
    assert.deepEqual(marks('“One. “Two,” he said.\n'), ['unclosed “ @0']);
  });

  it('takes straight marks in pairs, and an odd one out as unmatched', () => {
    assert.deepEqual(marks('He said "yes" and "no" then left.\n'), []);
    assert.deepEqual(marks('He said "yes and left.\nThen nothing.\n'), ['unclosed " @8']);
    assert.deepEqual(marks('A 12" pipe burst.\n'), []);
  });

  it('leaves apostrophes alone, curly or straight', () => {
    assert.deepEqual(marks('We don’t know Iraq’s plans. In the ’90s rock ’n’ roll was back, and the students’ union agreed.\n'), []);
    assert.deepEqual(marks("In the '90s the students' union said it didn't matter.\n"), []);
    assert.deepEqual(marks('She called it a ‘disaster on air.\n'), ['unclosed ‘ @16']);
  });

  it('accepts a quote continued into a paragraph that opens with a quotation mark', () => {
    assert.deepEqual(marks('“It runs on.\n“And ends here,” he said.\n'), []);
    assert.deepEqual(marks('“It runs on.\n\n“And on.\n\n“And ends here,” he said.\n'), []);
    assert.deepEqual(marks('“It runs on.\nBut the next one does not open.\n'), ['unclosed “ @0']);
  });

  it('reads the body only, not the front matter', () => {
    const text = '---\ntitle: He said “no\n---\nBody.\n';
    assert.deepEqual(unmatchedMarks(text, text.indexOf('Body')), []);
  });
});

describe('near spellings', () => {
  it('are one name mistyped: a letter doubled, dropped or changed', () => {
    assert.ok(nearSpellings('Ain al-Asad', 'Ain al-Assad'));
    assert.ok(nearSpellings('Kristen Wilkins', 'Kristin Wilkins'));
    assert.ok(nearSpellings('Asa’ib Ahl al-Haq', "Asa'ib Ahl al-Haq"));
    assert.ok(nearSpellings('Ain al-Asad', 'Ain al Asad'));
  });

  it('are never two different names', () => {
    assert.ok(!nearSpellings('Iraq', 'Iran'), 'short names');
    assert.ok(!nearSpellings('Gambia', 'Zambia'), 'another first letter');
    assert.ok(!nearSpellings('Kowloon East', 'Kowloon West'), 'another word');
    assert.ok(!nearSpellings('Wong Kwok-hing', 'Wong Kwok-kin'), 'another part of a name');
    assert.ok(!nearSpellings('New Zealand', 'New Zealander'), 'a name extended');
    assert.ok(!nearSpellings('Flight 370', 'Flight 371'), 'another number');
    assert.ok(!nearSpellings('Slovakia', 'Slovenia'), 'two letters apart in a short name');
    assert.ok(!nearSpellings('Khazali', 'Khazali'), 'the same spelling');
  });
});

describe('relative dates', () => {
  const date = (text: string, value: string | null = null) => ({ start: 0, end: text.length, text, value });

  it('are counted from the day of writing', () => {
    for (const t of ['Tuesday night', 'Tuesday', 'last week', 'two days ago', 'next month', 'this morning', 'yesterday', 'tonight', 'March 3', '3 March', 'in March', 'this spring', 'the past 30 days']) {
      assert.ok(isRelativeDate(date(t)), t);
    }
  });

  it('are not dates with a value, a year, an anchor of their own, or no way to tell', () => {
    assert.ok(!isRelativeDate(date('Tuesday night', '2020-01-07')), 'resolved');
    assert.ok(!isRelativeDate(date('March 2019')), 'a year');
    assert.ok(!isRelativeDate(date('two days after the attack')), 'an event');
    assert.ok(!isRelativeDate(date('the next day')), 'a day the text gave');
    assert.ok(!isRelativeDate(date('recently')), 'vague');
    assert.ok(!isRelativeDate(date('the 1990s')), 'a decade');
  });
});

describe('the date quick fix’s edit', () => {
  it('adds a line before the front matter’s closing line', () => {
    assert.equal(withEdit('---\ntitle: T\n---\nBody on Tuesday.\n', '2020-01-08'), '---\ntitle: T\ndate: 2020-01-08\n---\nBody on Tuesday.\n');
  });

  it('replaces a date that is not YYYY-MM-DD', () => {
    assert.equal(withEdit('---\ntitle: T\nDate: last Tuesday\n---\nBody.\n', '2020-01-08'), '---\ntitle: T\nDate: 2020-01-08\n---\nBody.\n');
  });

  it('creates the front matter, after a byte order mark, in the file’s line endings', () => {
    assert.equal(withEdit('\uFEFFBody on Tuesday.\r\n', 'YYYY-MM-DD'), '\uFEFF---\r\ndate: YYYY-MM-DD\r\n---\r\nBody on Tuesday.\r\n');
    assert.equal(withEdit('---\nnot front matter\n', 'YYYY-MM-DD'), '---\ndate: YYYY-MM-DD\n---\n---\nnot front matter\n');
  });
});

describe('workspace symbol queries', () => {
  it('match letters in order, case and spaces aside', () => {
    assert.ok(matches('khaz', 'Qais al-Khazali'));
    assert.ok(matches('QAK', 'Qais al-Khazali'));
    assert.ok(matches('', 'anything'));
    assert.ok(matches('al kh', 'Qais al-Khazali'));
    assert.ok(!matches('zk', 'Qais al-Khazali'));
  });
});

describe('the workspace index', () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), 'article-lens-index-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A folder of `n` short articles, each quoting Maria Lopez, under `dir`; its URI. */
  const folderOf = (name: string, n: number): string => {
    const folder = mkdtempSync(join(dir, `${name}-`));
    for (let i = 0; i < n; i++) writeFileSync(join(folder, `${i}.article`), `Talks ${i}\n“We agreed,” said Maria Lopez on March ${i + 1}, 2024.\n`);
    return pathToFileURL(folder).href;
  };
  /** An `analyze` for the index that takes `ms` per article and counts how many it had at once. */
  const slowAnalysis = (ms: number) => {
    const seen = { inFlight: 0, most: 0, analysed: [] as string[] };
    const run = async (text: string) => {
      seen.most = Math.max(seen.most, ++seen.inFlight);
      await new Promise((r) => setTimeout(r, ms));
      seen.inFlight--;
      seen.analysed.push(text);
      return analyze(text);
    };
    return { seen, analyze: run };
  };

  it('reads a folder once started, reuses an analysis for the same content, and drops a removed folder', async () => {
    const text = 'Talks\n“We agreed,” said Maria Lopez on March 3, 2024.\n';
    writeFileSync(join(dir, 'a.article'), text);
    writeFileSync(join(dir, 'b.news'), text);
    const logs: string[] = [];
    const index = new WorkspaceIndex({ log: (m) => logs.push(m) });
    index.setFolders([pathToFileURL(dir).href]);
    assert.equal(index.size, 0, 'nothing read before start');
    await index.ready();
    assert.equal(index.size, 2);
    const [a, b] = index.articles([]).sort((x, y) => x.file.localeCompare(y.file));
    assert.equal(a.article, b.article, 'one analysis for the same content');
    assert.ok(a.article.symbols.some((s) => s.name === 'Maria Lopez' && s.type === 'Source' && s.quotes === 1));
    index.setFolders([]);
    assert.equal(index.size, 0);
    assert.deepEqual(logs, []);
  });

  it('hands the analysis to the server’s threads when it has them, several articles at once', async () => {
    const { seen, analyze: slow } = slowAnalysis(10);
    const index = new WorkspaceIndex({ log: () => undefined, analyze: slow });
    index.setFolders([folderOf('many', 6)]);
    await index.ready();
    assert.equal(seen.analysed.length, 6);
    assert.ok(seen.most > 1, 'one article at a time');
    assert.ok(index.articles([]).every((a) => a.article.symbols.some((s) => s.name === 'Maria Lopez')));
  });

  it('analyses no article until the reader has paused for the hold-off time after an edit, then indexes them all', async () => {
    const holdOffMs = 40;
    const edits: number[] = [];
    const starts: number[] = [];
    const index = new WorkspaceIndex({
      log: () => undefined,
      holdOffMs,
      concurrency: 1,
      analyze: async (text) => {
        starts.push(Date.now());
        await new Promise((r) => setTimeout(r, 5));
        return analyze(text);
      },
    });
    index.setFolders([folderOf('held', 8)]);
    // The reader types a keystroke every 10 ms for a while, then stops.
    const typing = (async () => {
      for (let i = 0; i < 15; i++) {
        edits.push(Date.now());
        index.holdOff();
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await index.ready();
    await typing;
    assert.equal(index.size, 8);
    for (const start of starts) {
      const lastEdit = Math.max(...edits.filter((e) => e <= start));
      assert.ok(start - lastEdit >= holdOffMs, `an article was analysed ${start - lastEdit} ms after an edit`);
    }
  });

  for (const concurrency of [1, 2]) {
    it(`hands the threads no more than ${concurrency} article${concurrency > 1 ? 's' : ''} at once when told so, and still indexes them all`, async () => {
      const { seen, analyze: slow } = slowAnalysis(5);
      const index = new WorkspaceIndex({ log: () => undefined, concurrency, analyze: slow });
      index.setFolders([folderOf(`bounded-${concurrency}`, 7)]);
      await index.ready();
      assert.equal(seen.most, concurrency);
      assert.equal(index.size, 7);
    });
  }
});

describe('diagnostic settings', () => {
  it('are contributed for every rule, with the server’s defaults and levels', () => {
    const props = manifest.contributes.configuration.properties as Record<string, { default?: unknown; enum?: string[] }>;
    for (const rule of DIAGNOSTIC_RULES) {
      const p = props[`articleLens.diagnostics.${rule}`];
      assert.ok(p, rule);
      assert.equal(p.default, DEFAULT_DIAGNOSTICS[rule], rule);
      assert.deepEqual(p.enum, ['off', 'hint', 'warning'], rule);
    }
  });

  it('keep the default for a missing or unknown level', () => {
    assert.deepEqual(diagnosticLevels(undefined), DEFAULT_DIAGNOSTICS);
    assert.deepEqual(diagnosticLevels({ unattributedQuote: 'off', inconsistentSpelling: 'error' }), { ...DEFAULT_DIAGNOSTICS, unattributedQuote: 'off' });
  });
});
