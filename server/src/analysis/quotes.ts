// Quotes: spans of speech in quotation marks, straight or curly, double or single.
import type { AnalyzedArticle } from './analyzed';
import type { Quote } from './model';

export function findQuotes(doc: AnalyzedArticle): Quote[] {
  const out: Quote[] = [];
  for (const p of doc.paragraphs) {
    const re = /“[^”]*”|"[^"]*"/g;
    for (let m = re.exec(p.text); m; m = re.exec(p.text)) {
      out.push({ start: p.start + m.index, end: p.start + m.index + m[0].length, text: m[0], kind: 'direct' });
    }
  }
  return out;
}
