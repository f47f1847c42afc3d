// Entities: Person, Organization and Place mentions, found per paragraph and grouped into
// entities across the article.
import type { AnalyzedArticle, MentionCandidate } from './analyzed';
import type { Entity, Mention } from './model';
import type { Tokenized } from './nlp';

/** Names in one paragraph; offsets relative to `text`. */
export function findMentions(text: string, tok: Tokenized): MentionCandidate[] {
  const out: MentionCandidate[] = [];
  for (const t of tok.tokens) {
    const type = t.tags.has('Person') ? 'Person' : t.tags.has('Place') ? 'Place' : t.tags.has('Organization') ? 'Organization' : undefined;
    if (type && /^\p{Lu}/u.test(t.text)) out.push({ start: t.start, end: t.end, text: t.text, type });
  }
  return out;
}

/** Groups every paragraph's mentions into entities with a canonical name and aliases. */
export function groupEntities(doc: AnalyzedArticle): { entities: Entity[]; mentions: Mention[] } {
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const byName = new Map<string, number>();
  for (const p of doc.paragraphs) {
    for (const c of p.mentions) {
      const key = `${c.type}:${c.text}`;
      let id = byName.get(key);
      if (id === undefined) {
        id = entities.length;
        byName.set(key, id);
        entities.push({ id, type: c.type, name: c.text, aliases: [], roles: [], mentions: [] });
      }
      entities[id].mentions.push(mentions.length);
      mentions.push({ start: c.start, end: c.end, text: c.text, type: c.type, entity: id });
    }
  }
  return { entities, mentions };
}
