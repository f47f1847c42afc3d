// The server's view of open articles: each document's annotations for its current version,
// computed on first need and shared by every feature. Paragraph results are cached across
// versions and documents, so an edit re-analyses only the paragraphs it changed.
//
// A document larger than the size limit is never analysed whole (that would stall every
// request for as long as it takes): each request gets the analysis of a window around what it
// asks about — the range on screen, the text around a hover, else the document's beginning.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParagraphCache } from './analysis/analyze';
import { patchAnnotations } from './analysis/incremental';
import { LineIndex, parseFrontMatter } from './analysis/article';
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
  /** Set when the document is over the size limit: the part that was analysed. */
  window?: Span;
  /** Set on a quick answer while typing, patched from the previous version; the full analysis follows. */
  interim?: boolean;
}

/** Below this size a full analysis is quick enough for every keystroke. */
export const QUICK_FROM = 20_000;
/** How long typing must pause before a quick answer is replaced by the full analysis. */
export const REFINE_DELAY_MS = 300;

/** Documents larger than this (UTF-16 units) are analysed a window at a time. */
export const DEFAULT_MAX_DOCUMENT_SIZE = 500_000;
/** The span analysed for a request on a document over the limit. */
export const WINDOW_SIZE = 60_000;

export class ArticleStore {
  private readonly paragraphs = new ParagraphCache();
  private readonly results = new Map<string, AnalyzedDocument>();
  private readonly windows = new Map<string, AnalyzedDocument>();
  private referenceDate: string | undefined;
  private maxSize = DEFAULT_MAX_DOCUMENT_SIZE;

  /** Called once per version of a document found over the limit, e.g. to tell the user. */
  onOverLimit: (uri: string, size: number, limit: number) => void = () => undefined;
  /** Called when a quick answer's full analysis is ready, e.g. to have the editor ask again. */
  onRefined: (uri: string) => void = () => undefined;
  private readonly refineTimers = new Map<string, NodeJS.Timeout>();

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

  isOverLimit(document: TextDocument): boolean {
    return document.getText().length > this.maxSize;
  }

  /**
   * The document's annotations. `focus` says what the request is about (a range, a position);
   * it matters only over the size limit, where the window around it is analysed.
   */
  get(document: TextDocument, focus?: Span, quick = false): AnalyzedDocument {
    const text = document.getText();
    if (text.length <= this.maxSize) {
      const found = this.results.get(document.uri);
      if (found && found.version === document.version && (quick || !found.interim)) return found;
      // While typing in a long article, patch the last answer for the paragraphs that changed
      // and analyse the whole article once typing pauses.
      if (quick && found && !found.window && text.length >= QUICK_FROM) {
        const patched = patchAnnotations(found, text, { referenceDate: this.referenceDate, cache: this.paragraphs });
        if (patched) {
          const result: AnalyzedDocument = { ...found, version: document.version, text, annotations: patched, lines: new LineIndex(text), interim: true };
          this.results.set(document.uri, result);
          this.scheduleRefine(document);
          return result;
        }
      }
      this.cancelRefine(document.uri);
      const result = this.analyzed(document, text);
      this.results.set(document.uri, result);
      return result;
    }
    const center = focus ? Math.floor((focus.start + focus.end) / 2) : 0;
    const half = Math.max(WINDOW_SIZE / 2, focus ? Math.ceil((focus.end - focus.start) / 2) : 0);
    const start = Math.max(0, Math.min(center - half, text.length - 2 * half));
    const window = { start, end: Math.min(text.length, start + 2 * half) };
    const found = this.windows.get(document.uri);
    if (found && found.version === document.version && found.window!.start <= window.start && window.end <= found.window!.end) return found;
    if (!found || found.version !== document.version) this.onOverLimit(document.uri, text.length, this.maxSize);
    const result = this.analyzed(document, text, window);
    this.windows.set(document.uri, result);
    return result;
  }

  private analyzed(document: TextDocument, text: string, window?: Span): AnalyzedDocument {
    const annotations = analyze(text, { referenceDate: this.referenceDate, cache: this.paragraphs, window });
    return {
      uri: document.uri,
      version: document.version,
      text,
      bodyStart: parseFrontMatter(text).bodyStart,
      referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(annotations.meta.date ?? '') ? annotations.meta.date : this.referenceDate,
      annotations,
      lines: new LineIndex(text),
      ...(window ? { window } : {}),
    };
  }

  forget(uri: string): void {
    this.cancelRefine(uri);
    this.results.delete(uri);
    this.windows.delete(uri);
  }

  private scheduleRefine(document: TextDocument): void {
    this.cancelRefine(document.uri);
    this.refineTimers.set(document.uri, setTimeout(() => {
      this.refineTimers.delete(document.uri);
      const latest = this.results.get(document.uri);
      // Only the version the quick answer was for: a later edit has scheduled its own.
      if (!latest?.interim || latest.version !== document.version) return;
      this.results.set(document.uri, this.analyzed(document, document.getText()));
      this.onRefined(document.uri);
    }, REFINE_DELAY_MS));
  }

  private cancelRefine(uri: string): void {
    clearTimeout(this.refineTimers.get(uri));
    this.refineTimers.delete(uri);
  }

  private clear(): void {
    for (const uri of [...this.refineTimers.keys()]) this.cancelRefine(uri);
    this.results.clear();
    this.windows.clear();
  }
}
