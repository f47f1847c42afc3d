// Speakers: who the text says spoke each quote.
import type { AnalyzedArticle } from './analyzed';
import type { Entity, Mention, Quote } from './model';

export function attributeSpeakers(doc: AnalyzedArticle, quotes: Quote[], entities: Entity[], mentions: Mention[]): Quote[] {
  void doc; void entities; void mentions;
  return quotes;
}
