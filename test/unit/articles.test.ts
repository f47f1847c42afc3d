// The server's store of analysed articles (server/src/articles.ts): a long document is analysed
// whole in the background, answered meanwhile around the place a request is about, never with
// a result for an older version, and an analysis made useless by a newer version is called off.
// A scripted background stands in for the worker threads, so each step is under the test's control.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CancellationTokenSource } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis/analyze';
import type { Annotations } from '../../server/src/analysis/model';
import { parseArticle } from '../../server/src/analysis/article';
import { ArticleStore, BACKGROUND_FROM, FIRST_SCREEN_LINES, PRIME_AROUND, PRIME_YIELD_MS, QUICK_FROM, WINDOW_SIZE, type AnalysisProgress, type AnalyzedDocument, type Background } from '../../server/src/articles';

const sample = readFileSync(join(__dirname, '../../samples/khazali.article'), 'utf8');
const body = sample.slice(sample.indexOf('---', 3) + 4);
/** Distinct copies of the sample's body until it is a long document. */
const long = '---\ndate: 2020-01-10\n---\n' + Array.from({ length: 12 }, (_, i) => body.replace(/\n/g, ` (part ${i}).\n`) + '\n').join('');

interface Scripted {
  text: string;
  progress: (p: AnalysisProgress) => void;
  resolve: (a: Annotations) => void;
  reject: (e: Error) => void;
  cancelled: boolean;
}

/** A background that runs nothing by itself: the test settles each analysis. */
function scriptedBackground(): Background & { jobs: Scripted[]; forgotten: string[] } {
  const jobs: Scripted[] = [];
  const forgotten: string[] = [];
  return {
    jobs,
    forgotten,
    analyze(_key, text, _date, progress) {
      let resolve!: (a: Annotations) => void;
      let reject!: (e: Error) => void;
      const result = new Promise<Annotations>((res, rej) => { resolve = res; reject = rej; });
      const job: Scripted = { text, progress, resolve, reject, cancelled: false };
      jobs.push(job);
      return { result, cancel: () => { job.cancelled = true; reject(new Error('cancelled: superseded')); } };
    },
    forget: (key) => void forgotten.push(key),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

/** A store on a scripted background, and what it has handed `onPrimed` so far, in order. */
function primingStore(): { store: ArticleStore; background: ReturnType<typeof scriptedBackground>; primed: (AnalyzedDocument | undefined)[] } {
  const background = scriptedBackground();
  const store = new ArticleStore(background);
  const primed: (AnalyzedDocument | undefined)[] = [];
  store.onPrimed = (article) => void primed.push(article);
  return { store, background, primed };
}

/** Lets the store's priming run, a turn at a time, until it has said so `times` times (or gives up). */
async function untilPrimed(primed: unknown[], times = 1): Promise<void> {
  for (let i = 0; i < 2000 && primed.length < times; i++) await tick();
}
const offsetOf = (text: string, needle: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return at;
};

describe('the article store', () => {
  it('primes nothing of a short document as it opens: it is analysed whole when first asked', async () => {
    const store = new ArticleStore(scriptedBackground());
    store.opened(TextDocument.create('untitled:short', 'article', 1, sample));
    for (let i = 0; i < 50; i++) await tick();
    assert.equal(store['paragraphs'].misses, 0);
  });

  it('analyses a short document whole, at once, on its own thread', () => {
    const background = scriptedBackground();
    const store = new ArticleStore(background);
    const doc = TextDocument.create('untitled:short', 'article', 1, sample);
    assert.ok(sample.length < BACKGROUND_FROM);
    const a = store.answer(doc);
    assert.ok(a && !a.window && !a.interim);
    assert.equal(background.jobs.length, 0);
  });

  describe('a long document', () => {
    assert.ok(long.length >= BACKGROUND_FROM && long.length >= QUICK_FROM);

    it('starts being analysed whole in the background as soon as it is opened', () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      store.changed(TextDocument.create('untitled:long', 'article', 1, long));
      assert.equal(background.jobs.length, 1);
      assert.equal(background.jobs[0].text, long);
    });

    it('answers a request about a place at once from the paragraphs around it, then from the whole', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      const last = offsetOf(long, 'Qais al-Khazali said', 11);
      const around = store.answer(doc, { start: last, end: last + 10 })!;
      assert.ok(around.window, 'only part is analysed');
      assert.ok(around.window.start <= last && last < around.window.end);
      assert.ok(around.annotations.mentions.some((m) => m.start === last && m.text === 'Qais al-Khazali'));
      assert.ok(around.annotations.mentions.every((m) => m.start > offsetOf(long, '(part 9)')), 'nothing far away is analysed');
      assert.equal(store.answer(doc), undefined, 'a request about the whole waits');

      const refined: string[] = [];
      store.onRefined = (uri) => refined.push(uri);
      const whole = store.whole(doc);
      assert.equal(background.jobs.length, 1, 'one analysis for the version, however many ask');
      background.jobs[0].resolve(analyze(long));
      const a = (await whole)!;
      assert.equal(a.version, 1);
      assert.equal(a.window, undefined);
      assert.deepEqual(refined, ['untitled:long'], 'the editor is asked again after a partial answer');
      assert.equal(store.answer(doc, { start: last, end: last + 10 }), a, 'from now on the whole answers');
    });

    it('finds a request’s place and answers it with one line index per version', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      const lines = store.linesOf(doc);
      const last = offsetOf(long, 'Qais al-Khazali said', 11);
      assert.equal(lines.offsetAt(doc.positionAt(last)), last);
      const around = store.answer(doc, { start: last, end: last + 10 })!;
      assert.equal(around.lines, lines, 'the partial answer reuses it');
      const whole = store.whole(doc);
      background.jobs[0].resolve(analyze(long));
      assert.equal((await whole)!.lines, lines, 'and so does the whole');

      const at = doc.positionAt(last);
      TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'Then ' }], 2);
      store.changed(doc);
      const next = store.linesOf(doc);
      assert.notEqual(next, lines, 'a new version, a new index');
      assert.equal(next.offsetAt(at), last);
      assert.equal(store.answer(doc, { start: last, end: last + 5 }, true)!.lines, next, 'the quick answer while typing reuses it');
      store.forget(doc.uri);
      assert.notEqual(store.linesOf(doc), next, 'a closed document’s index is let go');
    });

    it('once analysed whole, has its paragraphs cached on this thread, and then says so with that analysis', async () => {
      const { store, background, primed } = primingStore();
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      const last = offsetOf(long, 'Qais al-Khazali said', 11);
      store.answer(doc, { start: last, end: last + 10 });
      await untilPrimed(primed);
      assert.deepEqual(primed, [undefined], 'the paragraphs around a window: no whole analysis to hand yet');
      const whole = store.whole(doc);
      background.jobs[0].resolve(analyze(long));
      const a = (await whole)!;
      await untilPrimed(primed, 2);
      assert.equal(primed.length, 2);
      assert.equal(primed[1], a, 'the whole analysis, once every paragraph is cached');
    });

    it('never serves a result for an older version, and calls off the analysis of one', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.changed(doc);
      const waiting = store.whole(doc);
      const at = doc.positionAt(offsetOf(long, 'Both commanders'));
      TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'Jane Ozbek said so. ' }], 2);
      store.changed(doc);
      assert.equal(background.jobs[0].cancelled, true, 'version 1’s analysis is called off');
      await tick();
      // The request that waited for version 1 now waits for version 2.
      assert.equal(background.jobs.length, 2);
      assert.equal(background.jobs[1].text, doc.getText());
      background.jobs[1].resolve(analyze(doc.getText()));
      const a = (await waiting)!;
      assert.equal(a.version, 2);
      assert.ok(a.annotations.mentions.some((m) => m.text === 'Jane Ozbek'));
    });

    it('drops a result that arrives after its version was superseded', async () => {
      const background = scriptedBackground();
      // A background that cannot stop a job already under way: its result still arrives.
      const store = new ArticleStore({ ...background, analyze: (...args) => ({ ...background.analyze(...args), cancel: () => undefined }) });
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.changed(doc);
      TextDocument.update(doc, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Breaking. ' }], 2);
      store.changed(doc);
      background.jobs[0].resolve(analyze(long));
      await tick();
      assert.equal(store.answer(doc), undefined, 'version 1’s result is not an answer for version 2');
    });

    it('keeps no result that arrives after its document was closed or the settings changed', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore({ ...background, analyze: (...args) => ({ ...background.analyze(...args), cancel: () => undefined }) });
      store.changed(TextDocument.create('untitled:long', 'article', 1, long));
      store.forget('untitled:long');
      const reopened = TextDocument.create('untitled:long', 'article', 1, long.replace('Qais', 'Kais'));
      store.changed(reopened);
      background.jobs[0].resolve(analyze(long));
      await tick();
      assert.equal(store.answer(reopened), undefined, 'the closed document’s analysis answers for the reopened one');

      const waiting = store.whole(reopened);
      store.setReferenceDate('2021-05-05');
      background.jobs[1].resolve(analyze(reopened.getText()));
      await tick();
      assert.equal(store.answer(reopened), undefined, 'an analysis under the old settings is kept');
      background.jobs[2].resolve(analyze(reopened.getText(), { referenceDate: '2021-05-05' }));
      assert.equal((await waiting)!.text, reopened.getText());
    });

    it('answers null to a request cancelled while it waits', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      const source = new CancellationTokenSource();
      const waiting = store.whole(doc, source.token);
      source.cancel();
      assert.equal(await waiting, null);
    });

    it('patches the last answer while typing, and analyses the whole again once typing pauses', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.changed(doc);
      background.jobs[0].resolve(analyze(long));
      await store.whole(doc);
      const at = doc.positionAt(offsetOf(long, 'Both commanders', 3));
      TextDocument.update(doc, [{ range: { start: at, end: at }, text: 'Jane Ozbek said so. ' }], 2);
      store.changed(doc);
      const quick = store.answer(doc, undefined, true)!;
      assert.equal(quick.version, 2);
      assert.equal(quick.interim, true);
      assert.ok(quick.annotations.mentions.some((m) => m.text === 'Jane Ozbek'), 'the changed paragraph is analysed again');
      assert.equal(background.jobs.length, 1, 'no whole analysis while typing');
      const refined = new Promise<string>((resolve) => { store.onRefined = resolve; });
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(background.jobs.length, 2, 'the pause starts one');
      background.jobs[1].resolve(analyze(doc.getText()));
      assert.equal(await refined, 'untitled:long');
      assert.equal(store.answer(doc, undefined, true)!.interim, undefined);
    });

    it('reports progress once it is told some, and ends the report however the analysis ends', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const events: string[] = [];
      store.onProgress = (uri) => {
        events.push(`start ${uri}`);
        return { report: (p) => events.push(`${p.done}/${p.total}`), end: () => events.push('end') };
      };
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.changed(doc);
      background.jobs[0].progress({ done: 10, total: 100 });
      background.jobs[0].progress({ done: 60, total: 100 });
      background.jobs[0].resolve(analyze(long));
      await store.whole(doc);
      assert.deepEqual(events, ['start untitled:long', '10/100', '60/100', 'end']);

      // A quick analysis that never reported shows nothing; a cancelled one ends its report.
      TextDocument.update(doc, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Breaking. ' }], 2);
      const second = store.whole(doc);
      await tick();
      background.jobs[1].progress({ done: 1, total: 2 });
      TextDocument.update(doc, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Now. ' }], 3);
      store.changed(doc);
      await tick();
      assert.deepEqual(events.slice(4), ['start untitled:long', '1/2', 'end']);
      background.jobs[2].resolve(analyze(doc.getText()));
      assert.equal((await second)!.version, 3);
    });

    it('logs a failed analysis once and does not try that version again', async () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      const errors: string[] = [];
      store.onError = (_uri, e) => errors.push(e.message);
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      const waiting = store.whole(doc);
      background.jobs[0].reject(new Error('worker thread stopped (exit code 1)'));
      assert.equal(await waiting, null);
      assert.equal(await store.whole(doc), null);
      assert.deepEqual(errors, ['worker thread stopped (exit code 1)']);
      assert.equal(background.jobs.length, 1);
    });

    it('primes its first screen on this thread as it opens, so the editor’s first request finds it cached', async () => {
      const { store, primed } = primingStore();
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.opened(doc);
      store.changed(doc);
      await untilPrimed(primed);
      assert.deepEqual(primed, [undefined], 'primed with no request, and no whole analysis yet');
      const cache = store['paragraphs'];
      const end = store.linesOf(doc).offsetAt({ line: FIRST_SCREEN_LINES, character: 0 });
      const screen = parseArticle(long).paragraphs.filter((p) => p.start < end);
      assert.ok(screen.length > 5 && screen.every((p) => cache.has(p.text)), 'every paragraph of the first screen is cached');
      const misses = cache.misses;
      const first = store.answer(doc, { start: 0, end })!;
      assert.ok(first.window, 'answered from the paragraphs there, the whole being under way');
      assert.equal(cache.misses, misses, 'and none of them analysed again');
    });

    it('primes no more than a screenful of a document of long lines', async () => {
      const { store, primed } = primingStore();
      // One line, cut into pieces of at most MAX_PARAGRAPH characters, all different.
      const line = Array.from({ length: 5000 }, (_, i) => `Donald Trump said “we will stay” in Baghdad on ${i}, and left. `).join('');
      const pieces = parseArticle(line).paragraphs;
      const screen = pieces.filter((p) => p.start < WINDOW_SIZE).length + PRIME_AROUND;
      assert.ok(pieces.length > 3 * screen);
      store.opened(TextDocument.create('untitled:one-line', 'article', 1, line));
      await untilPrimed(primed);
      assert.equal(primed.length, 1);
      assert.ok(store['paragraphs'].misses <= screen, `${store['paragraphs'].misses} of the line's ${pieces.length} pieces analysed`);
    });

    it('steps aside from priming while a message reaches the server, then primes on', async () => {
      const { store, primed } = primingStore();
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.opened(doc);
      store.messageArriving();
      // A slice falling due now, within the pause (PRIME_YIELD_MS), analyses nothing.
      store['primeSlice']();
      const cache = store['paragraphs'];
      assert.equal(cache.misses, 0, 'primed while a message was being answered');
      // The pause is a timer: turns of the event loop alone can all pass within it.
      await new Promise((r) => setTimeout(r, PRIME_YIELD_MS + 1));
      await untilPrimed(primed);
      assert.ok(primed.length > 0, 'primed once the message was answered');
      assert.ok(cache.misses > 5);
    });

    it('primes nothing more of a document closed as it opens', async () => {
      const store = new ArticleStore(scriptedBackground());
      const doc = TextDocument.create('untitled:long', 'article', 1, long);
      store.opened(doc);
      store.forget(doc.uri);
      for (let i = 0; i < 50; i++) await tick();
      assert.equal(store['paragraphs'].misses, 0);
    });

    it('lets the background forget a closed document', () => {
      const background = scriptedBackground();
      const store = new ArticleStore(background);
      store.changed(TextDocument.create('untitled:long', 'article', 1, long));
      store.forget('untitled:long');
      assert.equal(background.jobs[0].cancelled, true);
      assert.deepEqual(background.forgotten, ['untitled:long']);
    });

    it('is analysed whole on its own thread when there is no background', () => {
      const store = new ArticleStore();
      const a = store.answer(TextDocument.create('untitled:long', 'article', 1, long))!;
      assert.ok(a && !a.window);
    });
  });
});
