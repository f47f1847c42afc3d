// The JSON form of an article's annotations: one self-contained object per article, with
// names spelled out so a reader need not follow indexes.
import type { Annotations, Span } from '../analysis/model';

export interface SpanJson {
  start: number;
  end: number;
  text: string;
}

export interface ArticleJson {
  file?: string;
  meta: Annotations['meta'];
  entities: {
    id: number;
    name: string;
    type: string;
    aliases: string[];
    roles: string[];
    mentions: SpanJson[];
  }[];
  quotes: {
    start: number;
    end: number;
    text: string;
    kind: string;
    speaker: { entity: number; name: string; mention: SpanJson; via: string } | null;
    cue: SpanJson | null;
  }[];
  dates: { start: number; end: number; text: string; value: string | null }[];
}

export function toJson(text: string, a: Annotations, file?: string): ArticleJson {
  const span = (s: Span): SpanJson => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  return {
    ...(file !== undefined ? { file } : {}),
    meta: a.meta,
    entities: a.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      roles: e.roles,
      mentions: e.mentions.map((m) => span(a.mentions[m])),
    })),
    quotes: a.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker
        ? { entity: q.speaker.entity, name: a.entities[q.speaker.entity].name, mention: span(a.mentions[q.speaker.mention]), via: q.speaker.via }
        : null,
      cue: q.cue ? span(q.cue) : null,
    })),
    dates: a.dates.map((d) => ({ start: d.start, end: d.end, text: d.text, value: d.value })),
  };
}
