// A quick answer while the reader types: the previous version's annotations, with the
// paragraphs an edit touched analysed again on their own and everything after them shifted.
// It is exact for the changed paragraphs and keeps the rest as it was; what only the whole
// article can tell (a speaker's turn carried in from far away, an anchor date stated
// elsewhere, a new surname joining an entity) waits for the full analysis that follows.
import { analyze, type AnalyzeOptions } from './analyze';
import { parseArticle, type Paragraph } from './article';
import type { Annotations, Entity, Mention, Quote, Span } from './model';

export interface Previous {
  text: string;
  annotations: Annotations;
}

/** The span of `prev` that changed, and where it stands in `next`; null when nothing did. */
export function changedParagraphs(prevParas: Paragraph[], nextParas: Paragraph[], prevLength: number, nextLength: number): { old: Span; now: Span } | null {
  const delta = nextLength - prevLength;
  let head = 0;
  while (head < prevParas.length && head < nextParas.length && prevParas[head].start === nextParas[head].start && prevParas[head].text === nextParas[head].text) head++;
  let tail = 0;
  while (
    tail < prevParas.length - head && tail < nextParas.length - head
    && prevParas[prevParas.length - 1 - tail].start + delta === nextParas[nextParas.length - 1 - tail].start
    && prevParas[prevParas.length - 1 - tail].text === nextParas[nextParas.length - 1 - tail].text
  ) tail++;
  if (head === prevParas.length && head === nextParas.length) return null;
  const oldStart = head > 0 ? prevParas[head - 1].end : 0;
  const oldEnd = tail > 0 ? prevParas[prevParas.length - tail].start : prevLength;
  return { old: { start: oldStart, end: oldEnd }, now: { start: oldStart, end: oldEnd + delta } };
}

/**
 * The annotations of `nextText`, patched from `prev`; null where a patch would mislead (the
 * front matter changed, or the edit spans more than `maxChanged` characters) and only a full
 * analysis will do.
 */
export function patchAnnotations(prev: Previous, nextText: string, options: AnalyzeOptions = {}, maxChanged = 20_000): Annotations | null {
  const before = parseArticle(prev.text);
  const after = parseArticle(nextText);
  if (before.bodyStart !== after.bodyStart || prev.text.slice(0, before.bodyStart) !== nextText.slice(0, after.bodyStart)) return null;
  const changed = changedParagraphs(before.paragraphs, after.paragraphs, prev.text.length, nextText.length);
  if (!changed) return prev.annotations;
  if (changed.now.end - changed.now.start > maxChanged) return null;
  const delta = nextText.length - prev.text.length;
  const { old, now } = changed;

  // What stays: spans wholly before the change as they are, wholly after it shifted.
  const keep = <T extends Span>(s: T): T | null =>
    s.end <= old.start ? s : s.start >= old.end ? { ...s, start: s.start + delta, end: s.end + delta } : null;
  // What the changed paragraphs say on their own (their neighbours come along as context).
  const fresh = analyze(nextText, { ...options, window: now });
  const inside = (s: Span) => s.start >= now.start && s.end <= now.end;

  // Mentions, old and new, in text order; a new one joins the entity of that name and type.
  type Draft = { mention: Omit<Mention, 'entity'>; entity: Entity };
  const drafts: Draft[] = [];
  const oldDraft = new Map<number, Draft>();
  prev.annotations.mentions.forEach((m, i) => {
    const k = keep(m);
    if (!k) return;
    const { entity: _, ...mention } = k;
    const d = { mention, entity: prev.annotations.entities[m.entity] };
    oldDraft.set(i, d);
    drafts.push(d);
  });
  const byName = new Map<string, Entity>();
  for (const e of prev.annotations.entities) for (const n of [e.name, ...e.aliases]) byName.set(`${e.type}:${n}`, e);
  const freshMention = new Map<number, Draft>();
  fresh.mentions.forEach((m, i) => {
    if (!inside(m)) return;
    const e = fresh.entities[m.entity];
    const known = byName.get(`${m.type}:${m.text}`) ?? byName.get(`${e.type}:${e.name}`);
    const entity = known ?? e;
    if (!known) for (const n of [e.name, ...e.aliases]) byName.set(`${e.type}:${n}`, e);
    const d = { mention: { start: m.start, end: m.end, text: m.text, type: m.type }, entity };
    freshMention.set(i, d);
    drafts.push(d);
  });
  drafts.sort((a, b) => a.mention.start - b.mention.start);

  // Entities that still have a mention, numbered afresh, with their mentions in text order.
  const entities: Entity[] = [];
  const ids = new Map<Entity, number>();
  const mentions: Mention[] = [];
  const indexOf = new Map<Draft, number>();
  for (const d of drafts) {
    let id = ids.get(d.entity);
    if (id === undefined) {
      id = entities.length;
      ids.set(d.entity, id);
      entities.push({ ...d.entity, id, mentions: [] });
    }
    entities[id].mentions.push(mentions.length);
    indexOf.set(d, mentions.length);
    mentions.push({ ...d.mention, entity: id });
  }

  // Quotes: a kept quote keeps its speaker while the speaker's mention is kept too.
  const speakerOf = (q: Quote, draft: Draft | undefined): Quote => {
    const { speaker, ...rest } = q;
    if (!speaker || !draft) return rest;
    const mention = indexOf.get(draft)!;
    return { ...rest, speaker: { ...speaker, entity: mentions[mention].entity, mention } };
  };
  const quotes: Quote[] = [];
  for (const q of prev.annotations.quotes) {
    const k = keep(q);
    if (!k) continue;
    const cue = q.cue && keep(q.cue);
    quotes.push(speakerOf({ ...k, cue: cue ?? undefined }, q.speaker && oldDraft.get(q.speaker.mention)));
  }
  for (const q of fresh.quotes) if (inside(q)) quotes.push(speakerOf(q, q.speaker && freshMention.get(q.speaker.mention)));
  for (const q of quotes) if (!q.cue) delete q.cue;
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);

  const dates = [
    ...prev.annotations.dates.flatMap((d) => keep(d) ?? []),
    ...fresh.dates.filter(inside),
  ].sort((a, b) => a.start - b.start);

  return { meta: prev.annotations.meta, entities, mentions, quotes, dates };
}
