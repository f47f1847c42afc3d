// Reported speech: the content clause of "X said (that) …".
import type { AnalyzedArticle } from './analyzed';
import type { Quote } from './model';

export function findReported(doc: AnalyzedArticle): Quote[] {
  void doc;
  return [];
}
