// brat standoff, as the gold corpus's GUIDELINES.md defines it: T lines for Person,
// Organization, Place, Date, Quote and Reported; AnnotatorNotes with a date's value or a
// quote's `speaker=NAME`; SaidBy relations from a quote to its speaker's mention.
import type { Annotations } from '../analysis/model';

export type BratType = 'Person' | 'Organization' | 'Place' | 'Date' | 'Quote' | 'Reported';

export interface BratSpan {
  id: string;
  type: BratType | string;
  start: number;
  end: number;
  text: string;
  note?: string;
}

export interface BratDocument {
  spans: BratSpan[];
  /** SaidBy relations: quote span id -> mention span id. */
  saidBy: Map<string, string>;
}

/** T-line text may not hold line breaks; a span never does in practice, but never write a broken file. */
const oneLine = (s: string) => s.replace(/\r\n|\n|\r/g, ' ');

export function toBrat(a: Annotations): string {
  const lines: string[] = [];
  const notes: string[] = [];
  const relations: string[] = [];
  let t = 0;
  const mentionIds = new Map<number, string>();
  type Row = { start: number; end: number; emit: () => void };
  const rows: Row[] = [];
  a.mentions.forEach((m, i) => rows.push({
    start: m.start, end: m.end,
    emit: () => { const id = `T${++t}`; mentionIds.set(i, id); lines.push(`${id}\t${m.type} ${m.start} ${m.end}\t${oneLine(m.text)}`); },
  }));
  a.dates.forEach((d) => rows.push({
    start: d.start, end: d.end,
    emit: () => {
      const id = `T${++t}`;
      lines.push(`${id}\tDate ${d.start} ${d.end}\t${oneLine(d.text)}`);
      notes.push(`AnnotatorNotes ${id}\t${d.value ?? '?'}`);
    },
  }));
  const quoteRows: { id: () => string; quote: Annotations['quotes'][number] }[] = [];
  a.quotes.forEach((q) => {
    let id = '';
    rows.push({
      start: q.start, end: q.end,
      emit: () => {
        id = `T${++t}`;
        lines.push(`${id}\t${q.kind === 'reported' ? 'Reported' : 'Quote'} ${q.start} ${q.end}\t${oneLine(q.text)}`);
        notes.push(`AnnotatorNotes ${id}\tspeaker=${q.speaker ? a.entities[q.speaker.entity].name : '?'}`);
      },
    });
    quoteRows.push({ id: () => id, quote: q });
  });
  rows.sort((x, y) => x.start - y.start || y.end - x.end);
  for (const r of rows) r.emit();
  let r = 0;
  for (const { id, quote } of quoteRows) {
    if (!quote.speaker) continue;
    const target = mentionIds.get(quote.speaker.mention);
    if (target) relations.push(`R${++r}\tSaidBy Arg1:${id()} Arg2:${target}`);
  }
  const out = [...lines, ...relations, ...notes.map((n, i) => `#${i + 1}\t${n}`)];
  return out.length ? out.join('\n') + '\n' : '';
}

/** Reads brat standoff (ours or the gold corpus's). Discontinuous spans keep their outer bounds. */
export function parseBrat(source: string): BratDocument {
  const spans = new Map<string, BratSpan>();
  const saidBy = new Map<string, string>();
  const notes: [string, string][] = [];
  for (const line of source.split(/\r\n|\n|\r/)) {
    const parts = line.split('\t');
    if (/^T\d+$/.test(parts[0]) && parts.length >= 2) {
      const [type, ...ranges] = parts[1].split(' ');
      const nums = ranges.join(' ').split(/[ ;]/).map(Number).filter((n) => !Number.isNaN(n));
      if (nums.length < 2) continue;
      spans.set(parts[0], { id: parts[0], type, start: Math.min(...nums), end: Math.max(...nums), text: parts[2] ?? '' });
    } else if (/^R\d+$/.test(parts[0]) && parts.length >= 2) {
      const m = /^SaidBy Arg1:(\S+) Arg2:(\S+)/.exec(parts[1]);
      if (m) saidBy.set(m[1], m[2]);
    } else if (/^#\d+$/.test(parts[0]) && parts.length >= 3) {
      const m = /^AnnotatorNotes (\S+)/.exec(parts[1]);
      if (m) notes.push([m[1], parts[2]]);
    }
  }
  for (const [id, note] of notes) {
    const target = spans.get(id);
    if (target) target.note = note;
  }
  return { spans: [...spans.values()], saidBy };
}
