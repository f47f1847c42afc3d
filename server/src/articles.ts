// The server's view of open articles: each document's annotations for its current version,
// computed on first need and shared by every feature. Paragraph results are cached across
// versions and documents, so an edit re-analyses only the paragraphs it changed.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, ParagraphCache } from './analysis/analyze';
import { LineIndex, parseFrontMatter } from './analysis/article';
import type { Annotations } from './analysis/model';

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
}

export class ArticleStore {
  private readonly paragraphs = new ParagraphCache();
  private readonly results = new Map<string, AnalyzedDocument>();
  private referenceDate: string | undefined;

  setReferenceDate(date: string | undefined): void {
    if (date === this.referenceDate) return;
    this.referenceDate = date;
    this.results.clear();
  }

  get(document: TextDocument): AnalyzedDocument {
    const found = this.results.get(document.uri);
    if (found && found.version === document.version) return found;
    const text = document.getText();
    const annotations = analyze(text, { referenceDate: this.referenceDate, cache: this.paragraphs });
    const result: AnalyzedDocument = {
      uri: document.uri,
      version: document.version,
      text,
      bodyStart: parseFrontMatter(text).bodyStart,
      referenceDate: /^\d{4}-\d{2}-\d{2}$/.test(annotations.meta.date ?? '') ? annotations.meta.date : this.referenceDate,
      annotations,
      lines: new LineIndex(text),
    };
    this.results.set(document.uri, result);
    return result;
  }

  forget(uri: string): void {
    this.results.delete(uri);
  }
}
