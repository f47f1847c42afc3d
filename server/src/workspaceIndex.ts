// The workspace's articles, for Go to Symbol in Workspace: every `.article` and `.news` file
// under the workspace folders, read from disk in the background (the editor hands the server
// only the documents it has open), each reduced to its symbols and cached by a hash of its
// content, so a file saved unchanged or copied elsewhere is never analysed twice. Files are read
// asynchronously a few at a time and analysed on the server's worker threads (else on its own
// thread, giving the event loop back after every article), so requests are answered while the
// index fills; files over a size bound are skipped; and an open
// document always takes precedence over its file on disk.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type CancellationToken, type FileEvent } from 'vscode-languageserver';
import { analyze, ParagraphCache } from './analysis/analyze';
import type { Annotations } from './analysis/model';
import { LineIndex, parseFrontMatter } from './analysis/article';
import type { AnalyzedDocument } from './articles';
import { extractSymbols, type ArticleSymbols, type IndexedArticle } from './features/workspaceSymbols';

/** Files the index reads. */
export const ARTICLE_FILE = /\.(?:article|news)$/i;
/** The glob patterns a client watches for the index. */
export const WATCH_PATTERNS = ['**/*.article', '**/*.news'];
/** Larger files are skipped: no news article is a megabyte of text. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** At most this many files are indexed; the rest are skipped with one message. */
export const MAX_FILES = 20_000;
/** Files read at once. */
const BATCH = 8;
/** Folders never walked: dependencies and tools' state, and every hidden folder. */
const SKIP_DIRS = new Set(['node_modules', 'bower_components', '__pycache__']);
/** Symbols kept per content hash, least recently used dropped first. */
const HASH_CACHE = 10_000;
/** A change of this many files or more shows progress. */
const PROGRESS_FROM = 20;
/**
 * After an article is opened or edited, the index hands out no article for this long (ms): the
 * cores are the reader's while they type, as they are before a long article is analysed again
 * (REFINE_DELAY_MS in articles.ts).
 */
export const HOLD_OFF_MS = 300;

export interface Progress {
  begin(title: string, percentage?: number, message?: string, cancellable?: boolean): void;
  report(percentage: number, message?: string): void;
  done(): void;
}

export interface IndexHost {
  log(message: string): void;
  /** Work-done progress in the editor, when it shows server-started progress. */
  progress?: () => Promise<Progress>;
  /** Longer articles (UTF-16 units) are skipped: the editor's limit for analysing a document whole. */
  maxChars?: () => number;
  /** Analyses an article elsewhere (the server's worker threads); without it, on this thread. */
  analyze?: (text: string) => Promise<Annotations>;
  /** Articles handed to `analyze` at once; default: a whole batch of files read. */
  concurrency?: number;
  /** How long the index holds off after `holdOff()`; default HOLD_OFF_MS. */
  holdOffMs?: number;
}

interface FileEntry {
  uri: string;
  hash: string;
  article: ArticleSymbols;
}

/** A file URI's path, the key files are known by; null for other schemes. */
export function pathOf(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return normalize(fileURLToPath(uri));
  } catch {
    return null;
  }
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export class WorkspaceIndex {
  private readonly folders = new Set<string>();
  private readonly files = new Map<string, FileEntry>();
  private readonly byHash = new Map<string, ArticleSymbols>();
  private readonly analysing = new Map<string, Promise<ArticleSymbols>>();
  private readonly paragraphs = new ParagraphCache(2000);
  /** Files to (re)read or drop, by path. */
  private readonly queue = new Map<string, 'update' | 'delete'>();
  /** Folders to walk. */
  private readonly walks: string[] = [];
  private running: Promise<void> | null = null;
  private started = false;
  private warnedFull = false;
  /** No article is analysed before this time (`Date.now()`). */
  private resumeAt = 0;

  constructor(private readonly host: IndexHost) {}

  /**
   * The reader opened or edited an article: the index analyses no further article until they
   * have paused for the hold-off time. One already being analysed runs on.
   */
  holdOff(): void {
    this.resumeAt = Math.max(this.resumeAt, Date.now() + (this.host.holdOffMs ?? HOLD_OFF_MS));
  }

  /** Folder URIs (only `file:` ones are read); folders no longer listed are dropped. */
  setFolders(uris: string[]): void {
    const next = new Set(uris.map(pathOf).filter((p): p is string => !!p));
    for (const f of [...this.folders]) if (!next.has(f)) this.removeFolder(f);
    for (const f of next) if (!this.folders.has(f)) this.addFolder(f);
  }

  changeFolders(added: string[], removed: string[]): void {
    for (const uri of removed) {
      const p = pathOf(uri);
      if (p && this.folders.has(p)) this.removeFolder(p);
    }
    for (const uri of added) {
      const p = pathOf(uri);
      if (p && !this.folders.has(p)) this.addFolder(p);
    }
  }

  /** Starts reading the workspace in the background; nothing is read before. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule();
  }

  /** `workspace/didChangeWatchedFiles`: created and changed files are re-read, deleted ones dropped. */
  filesChanged(events: FileEvent[]): void {
    for (const e of events) {
      const p = pathOf(e.uri);
      if (!p) continue;
      if (e.type === FileChangeType.Deleted) {
        // A deleted folder takes its articles with it.
        if (!ARTICLE_FILE.test(p)) {
          for (const f of this.files.keys()) if (f.startsWith(p + sep)) this.queue.set(f, 'delete');
          continue;
        }
        this.queue.set(p, 'delete');
      } else if (ARTICLE_FILE.test(p)) {
        this.queue.set(p, 'update');
      }
    }
    if (this.started) this.schedule();
  }

  /** Resolves once every file known so far is indexed (or at once when cancelled). */
  async ready(token?: CancellationToken): Promise<void> {
    this.start();
    // Cancellation is looked at every 50 ms: no listener is left behind on the token.
    while (this.running && !token?.isCancellationRequested) {
      await Promise.race([this.running, new Promise<void>((resolve) => setTimeout(resolve, 50))]);
    }
  }

  /** How many files are indexed. */
  get size(): number {
    return this.files.size;
  }

  /**
   * Every article to search: the open documents as they are in the editor, then the indexed
   * files that are not open.
   */
  articles(open: AnalyzedDocument[]): IndexedArticle[] {
    const out: IndexedArticle[] = [];
    const openPaths = new Set<string>();
    for (const doc of open) {
      const p = pathOf(doc.uri);
      if (p) openPaths.add(p);
      out.push({ uri: doc.uri, file: fileName(doc.uri), article: extractSymbols(doc.text, doc.bodyStart, doc.annotations, doc.lines) });
    }
    for (const [p, entry] of this.files) {
      if (!openPaths.has(p)) out.push({ uri: entry.uri, file: basename(p), article: entry.article });
    }
    return out;
  }

  private addFolder(path: string): void {
    this.folders.add(path);
    this.walks.push(path);
    if (this.started) this.schedule();
  }

  private removeFolder(path: string): void {
    this.folders.delete(path);
    const i = this.walks.indexOf(path);
    if (i >= 0) this.walks.splice(i, 1);
    for (const f of [...this.files.keys()]) if (f === path || f.startsWith(path + sep)) this.files.delete(f);
    for (const f of [...this.queue.keys()]) if (f.startsWith(path + sep)) this.queue.delete(f);
  }

  private schedule(): void {
    if (this.running) return;
    if (!this.walks.length && !this.queue.size) return;
    this.running = this.run()
      .catch((e) => this.host.log(`Article Lens: indexing the workspace failed: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => {
        this.running = null;
        this.schedule();
      });
  }

  private async run(): Promise<void> {
    let progress: Progress | undefined;
    try {
      while (this.walks.length) await this.walk(this.walks.shift()!);
      let total = this.queue.size;
      if (total >= PROGRESS_FROM && this.host.progress) {
        progress = await this.host.progress().catch(() => undefined);
        progress?.begin('Article Lens', 0, `Indexing ${total} articles`, false);
      }
      let done = 0;
      while (this.queue.size) {
        const batch = [...this.queue].slice(0, BATCH);
        for (const [p] of batch) this.queue.delete(p);
        const maxChars = this.host.maxChars?.() ?? Infinity;
        const read = await Promise.all(batch.map(([p, what]) => (what === 'delete' ? null : readArticle(p, maxChars))));
        // A batch is analysed on the worker threads, side by side, at most `concurrency` at once.
        let next = 0;
        const lanes = Math.max(1, Math.min(this.host.concurrency ?? BATCH, batch.length));
        await Promise.all(Array.from({ length: lanes }, async () => {
          for (let i = next++; i < batch.length; i = next++) {
            const [p, what] = batch[i];
            const text = read[i];
            if (what === 'delete' || text === null) {
              this.files.delete(p);
              continue;
            }
            try {
              await this.heldOff();
              await this.index(p, text);
            } catch (e) {
              // Logged by size only: an article's text may be confidential.
              this.host.log(`Article Lens: could not index a file of ${text.length} UTF-16 units: ${e instanceof Error ? e.message : String(e)}`);
            }
          }
        }));
        done += batch.length;
        total = Math.max(total, done + this.queue.size);
        progress?.report(Math.floor((done / total) * 100), `${done}/${total} articles`);
      }
    } finally {
      progress?.done();
    }
  }

  /** Resolves once the reader has paused for the hold-off time (at once if they have). */
  private async heldOff(): Promise<void> {
    for (let wait = this.resumeAt - Date.now(); wait > 0; wait = this.resumeAt - Date.now()) {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  private async index(path: string, text: string): Promise<void> {
    const hash = createHash('sha1').update(text).digest('hex');
    const known = this.files.get(path);
    if (known?.hash === hash) return;
    let article = this.byHash.get(hash);
    if (article) {
      this.byHash.delete(hash);
    } else {
      // Two copies of one article in a batch share one analysis.
      let analysing = this.analysing.get(hash);
      if (!analysing) {
        analysing = this.symbolsOf(text).finally(() => this.analysing.delete(hash));
        this.analysing.set(hash, analysing);
      }
      article = await analysing;
    }
    this.byHash.set(hash, article);
    if (this.byHash.size > HASH_CACHE) this.byHash.delete(this.byHash.keys().next().value as string);
    if (!known && this.files.size >= MAX_FILES) {
      if (!this.warnedFull) this.host.log(`Article Lens: the workspace has more than ${MAX_FILES} articles; the rest are not indexed.`);
      this.warnedFull = true;
      return;
    }
    this.files.set(path, { uri: pathToFileURL(path).href, hash, article });
  }

  private async symbolsOf(text: string): Promise<ArticleSymbols> {
    let annotations: Annotations;
    if (this.host.analyze) {
      annotations = await this.host.analyze(text);
    } else {
      // On this thread: one article per turn of the event loop, so requests are answered between.
      await tick();
      annotations = analyze(text, { cache: this.paragraphs });
    }
    return extractSymbols(text, parseFrontMatter(text).bodyStart, annotations, new LineIndex(text));
  }

  /** Queues every article file under `root`, hidden folders and dependencies left out. */
  private async walk(root: string): Promise<void> {
    const dirs = [root];
    let found = 0;
    while (dirs.length) {
      const dir = dirs.pop()!;
      if (!this.folders.has(root)) return; // removed meanwhile
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) dirs.push(join(dir, e.name));
        } else if (e.isFile() && ARTICLE_FILE.test(e.name) && found < MAX_FILES) {
          const p = join(dir, e.name);
          if (!this.queue.has(p)) this.queue.set(p, 'update');
          found++;
        }
      }
    }
  }
}

/** The file's text; null when it is gone, too large, unreadable or binary. */
async function readArticle(path: string, maxChars: number): Promise<string | null> {
  try {
    const stat = await fs.stat(path);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return null;
    const text = await fs.readFile(path, 'utf8');
    return text.length > maxChars || text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

function fileName(uri: string): string {
  const p = pathOf(uri);
  if (p) return basename(p);
  try {
    return decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);
  } catch {
    return uri;
  }
}
