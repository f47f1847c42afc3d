// A quick answer while the reader types: the previous version's annotations, with the
// paragraphs an edit touched analysed again on their own and everything after them shifted.
// It is exact for the changed paragraphs and keeps the rest as it was; what only the whole
// article can tell (a speaker's turn carried in from far away, an anchor date stated
// elsewhere, a new surname joining an entity) waits for the full analysis that follows.
import { analyze, type AnalyzeOptions } from './analyze';
import { detached, parseArticle, reparseArticle, type Paragraph } from './article';
import type { Annotations, DateRef, Entity, Mention, Quote, Span } from './model';

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
  // The previous version's parse is remembered (it was made when that version was analysed or
  // patched), and the new one is made from it by splitting only the lines around the edit.
  const before = parseArticle(prev.text);
  const after = reparseArticle(before, nextText);
  if (before.bodyStart !== after.bodyStart || prev.text.slice(0, before.bodyStart) !== nextText.slice(0, after.bodyStart)) return null;
  const changed = changedParagraphs(before.paragraphs, after.paragraphs, prev.text.length, nextText.length);
  if (!changed) return prev.annotations;
  if (changed.now.end - changed.now.start > maxChanged) return null;
  const delta = nextText.length - prev.text.length;
  const { old, now } = changed;

  // What stays: spans wholly before the change as they are, wholly after it shifted. This runs
  // over the whole article on every keystroke, so nothing is copied that need not be: an old
  // mention that keeps its place and number is the same object.
  const kept = (s: Span): -1 | 0 | 1 => (s.end <= old.start ? -1 : s.start >= old.end ? 1 : 0);
  // What the changed paragraphs say on their own (their neighbours come along as context).
  const fresh = analyze(nextText, { ...options, window: now });
  const inside = (s: Span) => s.start >= now.start && s.end <= now.end;
  const was = prev.annotations;

  // Mentions, old and new, in text order, ties in the order listed; an old one is `i` here, a
  // fresh one `oldCount + j`. The old ones before the change, the fresh ones, then the old ones
  // after it: in text order when the old and the fresh each are (always, but after an analysis
  // that left them otherwise), else sorted so, stably (no two of those groups share a start).
  const oldCount = was.mentions.length;
  const order: number[] = [];
  let inOrder = true;
  for (let i = 0; i < oldCount; i++) {
    if (i > 0 && was.mentions[i].start < was.mentions[i - 1].start) inOrder = false;
    if (kept(was.mentions[i]) < 0) order.push(i);
  }
  let last = -1;
  for (let j = 0; j < fresh.mentions.length; j++) {
    const m = fresh.mentions[j];
    if (!inside(m)) continue;
    if (m.start < last) inOrder = false;
    last = m.start;
    order.push(oldCount + j);
  }
  for (let i = 0; i < oldCount; i++) if (kept(was.mentions[i]) > 0) order.push(i);
  if (!inOrder) {
    const startOf = (r: number) => {
      if (r >= oldCount) return fresh.mentions[r - oldCount].start;
      const m = was.mentions[r];
      return m.end <= old.start ? m.start : m.start + delta;
    };
    order.sort((a, b) => startOf(a) - startOf(b));
  }

  // A new mention joins the entity of that name and type: an old entity (slot = its number), or
  // a new one (slot = old entities + k) whose names then stand for it. Where several carry a
  // name, the last one named wins, a new entity over any old one.
  const added: Entity[] = [];
  const named: Entity[] = [];
  const slotOf = new Map<Entity, number>();
  const lookup = (type: string, name: string): number | undefined => {
    const carries = (e: Entity) => e.type === type && (e.name === name || e.aliases.includes(name));
    for (let k = named.length - 1; k >= 0; k--) if (carries(named[k])) return slotOf.get(named[k]);
    for (let k = was.entities.length - 1; k >= 0; k--) if (carries(was.entities[k])) return k;
    return undefined;
  };
  const freshSlot = new Array<number>(fresh.mentions.length).fill(-1);
  fresh.mentions.forEach((m, j) => {
    if (!inside(m)) return;
    const e = fresh.entities[m.entity];
    let slot = lookup(m.type, m.text) ?? lookup(e.type, e.name);
    if (slot === undefined) {
      if (!slotOf.has(e)) {
        slotOf.set(e, was.entities.length + added.length);
        added.push(e);
      }
      named.push(e);
      slot = slotOf.get(e)!;
    }
    freshSlot[j] = slot;
  });

  // Entities that still have a mention, numbered afresh, with their mentions in text order.
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const idOf = new Array<number>(was.entities.length + added.length).fill(-1);
  const oldIndex = new Array<number>(oldCount).fill(-1);
  const freshIndex = new Array<number>(fresh.mentions.length).fill(-1);
  for (const r of order) {
    const isOld = r < oldCount;
    const m = isOld ? was.mentions[r] : fresh.mentions[r - oldCount];
    const slot = isOld ? m.entity : freshSlot[r - oldCount];
    let id = idOf[slot];
    if (id < 0) {
      id = idOf[slot] = entities.length;
      const e = slot < was.entities.length ? was.entities[slot] : added[slot - was.entities.length];
      entities.push({ id, type: e.type, name: e.name, aliases: e.aliases, roles: e.roles, mentions: [] });
    }
    entities[id].mentions.push(mentions.length);
    if (isOld) oldIndex[r] = mentions.length;
    else freshIndex[r - oldCount] = mentions.length;
    const shift = isOld && m.end > old.start ? delta : 0;
    mentions.push(isOld && shift === 0 && m.entity === id ? m : { start: m.start + shift, end: m.end + shift, text: m.text, type: m.type, entity: id });
  }

  // Quotes: a kept quote keeps its speaker while the speaker's mention is kept too.
  const quoteOf = (q: Quote, shift: number, cue: Span | undefined, mention: number, text = q.text): Quote => {
    const out: Quote = { start: q.start + shift, end: q.end + shift, text, kind: q.kind };
    if (cue) out.cue = cue;
    if (q.speaker && mention >= 0) out.speaker = { entity: mentions[mention].entity, mention, via: q.speaker.via };
    return out;
  };
  const quotes: Quote[] = [];
  for (const q of was.quotes) {
    const side = kept(q);
    if (side === 0) continue;
    const cueSide = q.cue ? kept(q.cue) : 0;
    const cue = !q.cue || cueSide === 0 ? undefined : cueSide < 0 ? q.cue : { start: q.cue.start + delta, end: q.cue.end + delta };
    quotes.push(quoteOf(q, side > 0 ? delta : 0, cue, q.speaker ? oldIndex[q.speaker.mention] : -1));
  }
  // A fresh quote's text is a slice of this version's whole text, and the quote is kept through
  // the versions typed after it: a copy, so that it keeps only itself alive (article.ts, detached).
  for (const q of fresh.quotes) if (inside(q)) quotes.push(quoteOf(q, 0, q.cue, q.speaker ? freshIndex[q.speaker.mention] : -1, detached(q.text)));
  quotes.sort((a, b) => a.start - b.start || b.end - a.end);

  const dates: DateRef[] = [];
  for (const d of was.dates) {
    const side = kept(d);
    if (side < 0) dates.push(d);
    else if (side > 0) dates.push({ start: d.start + delta, end: d.end + delta, text: d.text, value: d.value });
  }
  for (const d of fresh.dates) if (inside(d)) dates.push(d);
  dates.sort((a, b) => a.start - b.start);

  return { meta: was.meta, entities, mentions, quotes, dates };
}
