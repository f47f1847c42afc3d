// The server's view of open articles: each document's annotations for its current version,
// computed on first need and shared by every feature. Paragraph results are cached across
// versions and documents, so an edit re-analyses only the paragraphs it changed.
//
// Nothing here may hold the editor up for long:
// - A long document (from BACKGROUND_FROM) is analysed whole in the background, on a worker
//   thread when there is one, with progress, and never for a version that is already old: a
//   newer version cancels it. Meanwhile a request about a place (the range on screen, a hover)
//   is answered from the paragraphs around it, and typing from a quick patch of the last answer.
// - A document over the size limit is never analysed whole: each request gets the analysis of
//   the paragraphs around what it asks about, else of the document's beginning.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken } from 'vscode-languageserver';
import { analyze, ParagraphCache, type AnalyzeOptions } from './analysis/analyze';
import { patchAnnotations } from './analysis/incremental';
import { LineIndex, parseAround, parseArticle, parseFrontMatter } from './analysis/article';
import type { Annotations, Span } from './analysis/model';

export interface AnalyzedDocument {
  uri: string;
  version: number;
  text: string;
  /** Where the body starts, after the front matter. */
  bodyStart: number;
  /** The date relative dates were resolved against: the front matter's, else the fallback setting. */
  referenceDate: string | undefined;
  annotations: Annotations;
  lines: LineIndex;
  /** Set when only part of the document was analysed (over the size limit, or before the whole is ready). */
  window?: Span;
  /** Set on a quick answer while typing, patched from the previous version; the full analysis follows. */
  interim?: boolean;
}

/** How far a whole-document analysis has come, in UTF-16 units of paragraphs. */
export interface AnalysisProgress {
  done: number;
  total: number;
}

/** A whole-document analysis under way elsewhere (a worker thread), which can be called off. */
export interface BackgroundJob {
  result: Promise<Annotations>;
  cancel(): void;
}

/** Where long documents are analysed whole without holding up the requests of this thread. */
export interface Background {
  /**
   * `key` names the document: its versions go to the same place, whose caches then serve.
   * `delayMs`: start after this long, leaving the machine to this thread meanwhile.
   */
  analyze(key: string, text: string, referenceDate: string | undefined, progress: (p: AnalysisProgress) => void, delayMs?: number): BackgroundJob;
  /** The document is closed. */
  forget(key: string): void;
}

/** Reports one background analysis; `end` is called once, however the analysis ends. */
export interface ProgressReporter {
  report(p: AnalysisProgress): void;
  end(): void;
}

/** Below this size a full analysis is quick enough for every keystroke. */
export const QUICK_FROM = 20_000;
/** From this size a document is analysed whole in the background. */
export const BACKGROUND_FROM = QUICK_FROM;
/** How long typing must pause before a quick answer is replaced by the full analysis. */
export const REFINE_DELAY_MS = 300;
/** How long the background waits when a document opens: the time to colour the first screen here. */
export const OPEN_DELAY_MS = 300;

/** Documents larger than this (UTF-16 units) are analysed a window at a time. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;
/** The span analysed for a request about no place in a document over the limit: its beginning. */
export const WINDOW_SIZE = 20_000;
/**
 * While this thread is idle, the paragraphs of documents up to this size are analysed here
 * too, so typing anywhere in them patches from cached neighbours; larger documents only
 * around the places requests ask about.
 */
export const PRIME_WHOLE_UP_TO = 500_000;
/** The most this thread analyses in one go while priming, before it lets requests in. */
const PRIME_SLICE_MS = 8;
/**
 * How long priming steps aside when a message reaches the server. A message takes several
 * turns of the event loop to be read, handled and answered (over stdio, vscode-jsonrpc decodes,
 * queues and writes each in a turn of its own), and a slice of priming ran before each. While a
 * long article was primed, a request needing no analysis waited 50-70 ms (10 without priming),
 * and typing in it had a p50 of 48-50 ms; with the pause, 8-13 ms, and 22-23 ms (three fresh
 * servers each: what remains is the paragraphs not primed yet). A pause of 15 ms did worse for
 * typing (30-33 ms): priming kept stepping aside, and more keystrokes found their paragraph
 * unprimed.
 */
export const PRIME_YIELD_MS = 5;
/** Paragraphs primed on each side of the place a request asked about (and all those it covers). */
export const PRIME_AROUND = 8;
/**
 * Lines of a long document primed as it opens, at most WINDOW_SIZE characters of them: what an
 * editor first asks to colour. VS Code asks for the lines in view and a screenful above and
 * below, at the top some 100 lines; lines wrapped on screen are fewer (a 10 MB line is one).
 */
export const FIRST_SCREEN_LINES = 100;

export class ArticleStore {
  private readonly paragraphs = new ParagraphCache();
  private readonly results = new Map<string, AnalyzedDocument>();
  private readonly windows = new Map<string, AnalyzedDocument>();
  /** Each open document's line index, for the text it was built from. */
  private readonly lineIndexes = new Map<string, { text: string; lines: LineIndex }>();
  private readonly jobs = new Map<string, { version: number; done: Promise<AnalyzedDocument | null>; cancel(): void }>();
  private readonly refineTimers = new Map<string, NodeJS.Timeout>();
  /** The version whose background analysis failed, per document: not tried again. */
  private readonly failed = new Map<string, number>();
  private readonly primeQueue: string[] = [];
  private priming = false;
  /** Priming waits until this time (`performance.now()`): a message is being answered. */
  private primeResumeAt = 0;
  /** The document whose paragraphs are being primed. */
  private primingUri: string | undefined;
  private referenceDate: string | undefined;
  private maxSize = DEFAULT_MAX_DOCUMENT_SIZE;

  /** Called once per version of a document found over the limit, e.g. to tell the user. */
  onOverLimit: (uri: string, size: number, limit: number) => void = () => undefined;
  /** Called when a document's full analysis is ready after quicker answers, e.g. to have the editor ask again. */
  onRefined: (uri: string) => void = () => undefined;
  /** Called when a background analysis reports progress for the first time. */
  onProgress: (uri: string) => ProgressReporter | undefined = () => undefined;
  /** Called when a background analysis fails (not when it is cancelled). */
  onError: (uri: string, error: Error) => void = () => undefined;
  /**
   * Called when this thread has cached the paragraphs it was priming, with that document's full
   * analysis when it has one (not a window or a quick patch), e.g. to warm up for typing in it.
   */
  onPrimed: (article: AnalyzedDocument | undefined) => void = () => undefined;

  /** Without `background`, long documents are analysed whole on this thread, when asked. */
  constructor(private readonly background?: Background) {}

  setReferenceDate(date: string | undefined): void {
    if (date === this.referenceDate) return;
    this.referenceDate = date;
    this.clear();
  }

  setMaxDocumentSize(size: number): void {
    const next = Number.isFinite(size) && size > 0 ? size : DEFAULT_MAX_DOCUMENT_SIZE;
    if (next === this.maxSize) return;
    this.maxSize = next;
    this.clear();
  }

  /**
   * Offsets and positions in the document's current text, for a request's range as for the
   * answers about this version, which share it. Built once per text with indexOf, where the
   * TextDocument's own offsetAt would first scan the whole text a character at a time: 6–9 ms
   * of the first screen of a 1 MB article.
   */
  linesOf(document: TextDocument): LineIndex {
    return this.lineIndex(document.uri, document.getText());
  }

  isOverLimit(document: TextDocument): boolean {
    return document.getText().length > this.maxSize;
  }

  /** Whether the document is analysed whole in the background rather than when asked. */
  inBackground(document: TextDocument): boolean {
    const length = document.getText().length;
    return !!this.background && length >= BACKGROUND_FROM && length <= this.maxSize;
  }

  /**
   * The document's annotations, now, on this thread (over the size limit, of its beginning).
   * The server uses `answer` and `whole`, which never analyse a long document here.
   */
  get(document: TextDocument): AnalyzedDocument {
    return this.answer(document) ?? this.wholeHere(document);
  }

  /**
   * What can be answered at once: the full analysis of this version when it is ready; else,
   * for a document analysed in the background, a quick patch of the last answer (`quick`), or
   * the paragraphs around `focus`; else undefined, and the caller waits for `whole`.
   */
  answer(document: TextDocument, focus?: Span, quick = false): AnalyzedDocument | undefined {
    const text = document.getText();
    if (text.length > this.maxSize) return this.around(document, text, focus, true);
    const found = this.results.get(document.uri);
    if (found && found.version === document.version && (quick || !found.interim)) return found;
    if (text.length < QUICK_FROM) return this.wholeHere(document);
    // While typing in a long article, patch the last answer for the paragraphs that changed
    // and analyse the whole article once typing pauses.
    if (quick && found) {
      const result = patchedDocument(found, document.version, text, { referenceDate: this.referenceDate, cache: this.paragraphs }, this.lineIndex(document.uri, text));
      if (result) {
        this.results.set(document.uri, result);
        this.scheduleRefine(document);
        return result;
      }
    }
    if (!this.inBackground(document)) return this.wholeHere(document);
    void this.start(document);
    if (focus) return this.around(document, text, focus, false);
    return undefined;
  }

  /**
   * The analysis of the whole document at its current version, once ready (over the size
   * limit, of the paragraphs around `focus`, else of its beginning); null if `token` is
   * cancelled first. Versions superseded while waiting are not answered: it waits on for the latest.
   */
  async whole(document: TextDocument, token?: CancellationToken, focus?: Span): Promise<AnalyzedDocument | null> {
    for (;;) {
      if (token?.isCancellationRequested) return null;
      const text = document.getText();
      if (text.length > this.maxSize) return this.around(document, text, focus, true);
      const now = this.answer(document);
      if (now) return now;
      if (this.failed.get(document.uri) === document.version) return null;
      const result = await untilCancelled(this.start(document), token);
      if (result && result.version === document.version) return result;
    }
  }

  /**
   * A document was opened (`changed` follows). A long one's first screen is primed on this
   * thread at once, a slice at a time: an editor asks to colour it only after showing it (VS
   * Code waits 100 ms or more), and meanwhile this thread has nothing else to do. A request
   * that comes sooner waits for one slice at most, and finds what was primed cached; one about
   * another place (a document reopened where the reader left it) primes around that place
   * instead. A short document is analysed whole when first asked, in tens of ms.
   */
  opened(document: TextDocument): void {
    const text = document.getText();
    if (text.length < QUICK_FROM) return;
    const end = Math.min(this.lineIndex(document.uri, text).offsetAt({ line: FIRST_SCREEN_LINES, character: 0 }), WINDOW_SIZE);
    this.prime(document, { start: 0, end }, false);
  }

  /**
   * The document was opened or changed: a background analysis of an older version is called
   * off, and a long document just opened is analysed whole (after OPEN_DELAY_MS).
   */
  changed(document: TextDocument): void {
    const job = this.jobs.get(document.uri);
    if (job && job.version !== document.version) {
      job.cancel();
      this.jobs.delete(document.uri);
    }
    if (!this.results.has(document.uri) && !this.jobs.has(document.uri) && this.inBackground(document)) void this.start(document, OPEN_DELAY_MS);
  }

  forget(uri: string): void {
    // Nothing more of a closed document is primed.
    if (this.primingUri === uri) this.primeQueue.length = 0;
    this.cancelRefine(uri);
    this.jobs.get(uri)?.cancel();
    this.jobs.delete(uri);
    this.results.delete(uri);
    this.windows.delete(uri);
    this.lineIndexes.delete(uri);
    this.failed.delete(uri);
    this.background?.forget(uri);
  }

  /** The whole document analysed on this thread, now. */
  private wholeHere(document: TextDocument): AnalyzedDocument {
    this.cancelRefine(document.uri);
    const result = this.analyzed(document.uri, document.version, document.getText());
    this.results.set(document.uri, result);
    return result;
  }

  /** The paragraphs around `focus` (else the document's beginning), analysed now; the last such answer is kept. */
  private around(document: TextDocument, text: string, focus: Span | undefined, overLimit: boolean): AnalyzedDocument {
    // The paragraphs the focus touches; analyze() adds a few on each side for context.
    const window = focus ?? { start: 0, end: Math.min(text.length, WINDOW_SIZE) };
    const found = this.windows.get(document.uri);
    if (found && found.version === document.version && found.window!.start <= window.start && window.end <= found.window!.end) return found;
    if (overLimit && (!found || found.version !== document.version)) this.onOverLimit(document.uri, text.length, this.maxSize);
    const result = this.analyzed(document.uri, document.version, text, window);
    this.windows.set(document.uri, result);
    this.prime(document, window, false);
    return result;
  }

  private analyzed(uri: string, version: number, text: string, window?: Span, annotations?: Annotations): AnalyzedDocument {
    annotations ??= analyze(text, { referenceDate: this.referenceDate, cache: this.paragraphs, window });
    return {
      uri,
      version,
      text,
      bodyStart: parseFrontMatter(text).bodyStart,
      referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(annotations.meta.date ?? '') ? annotations.meta.date : this.referenceDate,
      annotations,
      lines: this.lineIndex(uri, text),
      ...(window ? { window } : {}),
    };
  }

  private lineIndex(uri: string, text: string): LineIndex {
    const found = this.lineIndexes.get(uri);
    // The same string for the same version: TextDocument keeps its text until it changes.
    if (found && found.text === text) return found.lines;
    const lines = new LineIndex(text);
    this.lineIndexes.set(uri, { text, lines });
    return lines;
  }

  /**
   * The background analysis of the document's current version: the one under way, else a
   * new one (calling off one for an older version). It settles with null when it fails or
   * is no longer wanted (superseded, its document closed, the settings changed).
   */
  private start(document: TextDocument, delayMs = 0): Promise<AnalyzedDocument | null> {
    const uri = document.uri;
    const running = this.jobs.get(uri);
    if (running?.version === document.version) return running.done;
    if (this.failed.get(uri) === document.version) return Promise.resolve(null);
    running?.cancel();
    this.cancelRefine(uri);
    const version = document.version;
    const text = document.getText();
    let reporter: ProgressReporter | undefined;
    let told = false;
    const job = this.background!.analyze(uri, text, this.referenceDate, (p) => {
      if (!told) {
        told = true;
        reporter = this.onProgress(uri);
      }
      reporter?.report(p);
    }, delayMs);
    // Still wanted when it ends: not superseded, nor its document closed, nor the settings changed.
    const current = () => this.jobs.get(uri) === entry;
    const done = job.result.then(
      (annotations) => {
        if (!current() || document.version !== version) return null;
        const result = this.analyzed(uri, version, text, undefined, annotations);
        const previous = this.results.get(uri);
        this.results.set(uri, result);
        // Someone was shown a quicker answer (a window, a patch): have them ask again.
        if (!previous || previous.interim || previous.version !== version || this.windows.has(uri)) this.onRefined(uri);
        this.windows.delete(uri);
        // Then, while idle, this thread primes its own cache, so typing anywhere patches quickly.
        if (text.length <= PRIME_WHOLE_UP_TO) this.prime(document, { start: 0, end: 0 }, true);
        return result;
      },
      (e: Error) => {
        if (!isCancelled(e) && current()) {
          this.failed.set(uri, version);
          this.onError(uri, e);
        }
        return null;
      },
    ).finally(() => {
      reporter?.end();
      if (current()) this.jobs.delete(uri);
    });
    const entry = { version, done, cancel: () => job.cancel() };
    this.jobs.set(uri, entry);
    return done;
  }

  private scheduleRefine(document: TextDocument): void {
    this.cancelRefine(document.uri);
    this.refineTimers.set(document.uri, setTimeout(() => {
      this.refineTimers.delete(document.uri);
      const latest = this.results.get(document.uri);
      // Only the version the quick answer was for: a later edit has scheduled its own.
      if (!latest?.interim || latest.version !== document.version) return;
      if (this.inBackground(document)) {
        void this.start(document);
        return;
      }
      this.results.set(document.uri, this.analyzed(document.uri, document.version, document.getText()));
      this.onRefined(document.uri);
    }, REFINE_DELAY_MS));
  }

  private cancelRefine(uri: string): void {
    clearTimeout(this.refineTimers.get(uri));
    this.refineTimers.delete(uri);
  }

  /**
   * Queues the paragraphs around `focus` (or all of them) for analysis on this thread while it
   * is idle, so that a quick patch there finds its context cached: the whole analysis itself
   * happens in the background, with its own cache.
   */
  private prime(document: TextDocument, focus: Span, whole: boolean): void {
    if (!this.background) return;
    const text = document.getText();
    // Around a place, only the lines there are split into paragraphs: this runs as a first
    // screen is answered, and a 1 MB article has thousands of paragraphs.
    const { paragraphs } = whole ? parseArticle(text) : parseAround(text, focus, PRIME_AROUND);
    const center = paragraphs.findIndex((p) => p.end >= focus.start);
    if (!whole && center < 0) return;
    // Nearest the focus first: that is where the reader is.
    const order = paragraphs.map((p, i) => ({ text: p.text, d: Math.abs(i - center) }));
    order.sort((a, b) => a.d - b.d);
    this.primeQueue.length = 0;
    this.primingUri = document.uri;
    for (const p of order) if (!this.paragraphs.has(p.text)) this.primeQueue.push(p.text);
    if (this.primeQueue.length && !this.priming) {
      this.priming = true;
      setImmediate(() => this.primeSlice());
    }
  }

  /**
   * A message is reaching the server (the transport saw it arrive, before it is read): priming
   * steps aside for PRIME_YIELD_MS, so that it is read, handled and answered first.
   */
  messageArriving(): void {
    this.primeResumeAt = performance.now() + PRIME_YIELD_MS;
  }

  private primeSlice(): void {
    const wait = this.primeResumeAt - performance.now();
    if (wait > 0) {
      setTimeout(() => this.primeSlice(), wait);
      return;
    }
    const until = performance.now() + PRIME_SLICE_MS;
    while (this.primeQueue.length && performance.now() < until) this.paragraphs.get(this.primeQueue.shift()!);
    if (this.primeQueue.length) {
      setImmediate(() => this.primeSlice());
      return;
    }
    this.priming = false;
    const article = this.primingUri === undefined ? undefined : this.results.get(this.primingUri);
    this.onPrimed(article && !article.interim ? article : undefined);
  }

  private clear(): void {
    for (const uri of [...this.refineTimers.keys()]) this.cancelRefine(uri);
    for (const job of this.jobs.values()) job.cancel();
    this.jobs.clear();
    this.results.clear();
    this.windows.clear();
    this.primeQueue.length = 0;
  }
}

/**
 * `found` brought to `text`, a later version, by re-analysing only the paragraphs that changed:
 * the quick answer while typing in a long document (an interim one, the full analysis follows);
 * null where a patch cannot do.
 */
export function patchedDocument(found: AnalyzedDocument, version: number, text: string, options: AnalyzeOptions, lines = new LineIndex(text)): AnalyzedDocument | null {
  const annotations = patchAnnotations(found, text, options);
  return annotations && { ...found, version, text, annotations, lines, interim: true };
}

/** The job's result, or null as soon as `token` is cancelled. */
function untilCancelled<T>(job: Promise<T | null>, token: CancellationToken | undefined): Promise<T | null> {
  if (!token) return job;
  return new Promise((resolve) => {
    const listener = token.onCancellationRequested(() => resolve(null));
    job.then(resolve, () => resolve(null)).finally(() => listener.dispose());
  });
}

function isCancelled(e: Error): boolean {
  return e?.message?.startsWith('cancelled');
}
