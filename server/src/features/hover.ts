// Hover cards: for a name, the entity behind it and what it said; for a quote, who said it and
// how the text says so; for a date, its calendar value and how far it lies from the article date.
import type { CancellationToken, Hover, Position } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { DateRef, Entity, Quote } from '../analysis/model';
import { parseIso, weekday } from '../analysis/dates/calendar';

const MAX_QUOTES_LISTED = 5;

export function hover(doc: AnalyzedDocument, position: Position, token?: CancellationToken): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const { mentions, entities, dates, quotes } = doc.annotations;
  const inside = (s: { start: number; end: number }) => s.start <= offset && offset < s.end;
  const range = (s: { start: number; end: number }) => ({ start: doc.lines.positionAt(s.start), end: doc.lines.positionAt(s.end) });
  if (token?.isCancellationRequested) return null;

  const mention = mentions.find(inside);
  if (mention) return { contents: { kind: 'markdown', value: entityCard(doc, entities[mention.entity]) }, range: range(mention) };
  const date = dates.find(inside);
  if (date) return { contents: { kind: 'markdown', value: dateCard(doc, date) }, range: range(date) };
  // The innermost quote: a partial quote inside reported speech shows its own card.
  const quote = quotes.filter(inside).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  if (quote) return { contents: { kind: 'markdown', value: quoteCard(doc, quote) }, range: range(quote) };
  return null;
}

const TYPE_LABEL = { Person: 'Person', Organization: 'Organization', Place: 'Place' } as const;

/** Text for Markdown, with its special characters escaped so names show as written. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => '\\' + c).replace(/\s+/g, ' ');
}

function excerpt(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? oneLine.slice(0, max - 1) + '…' : oneLine;
}

export function entityCard(doc: AnalyzedDocument, entity: Entity): string {
  const { mentions, quotes } = doc.annotations;
  const lines: string[] = [`**${md(entity.name)}** · ${TYPE_LABEL[entity.type]}`, ''];
  if (entity.aliases.length) lines.push(`Also: ${entity.aliases.map(md).join(', ')}  `);
  if (entity.roles.length) lines.push(`Role: ${entity.roles.map(md).join('; ')}  `);
  const first = mentions[entity.mentions[0]];
  const n = entity.mentions.length;
  lines.push(`Mentioned ${n === 1 ? 'once' : `${n} times`} · first on line ${doc.lines.positionAt(first.start).line + 1}`);
  const said = quotes.filter((q) => q.speaker?.entity === entity.id);
  if (said.length) {
    // Counted as the status bar and the code lens count: quotes in quotation marks apart from
    // reported speech.
    const marked = said.filter((q) => q.kind !== 'reported').length;
    const reported = said.length - marked;
    const parts = [marked && `${marked} in quotation marks`, reported && `${reported} reported`].filter(Boolean).join(', ');
    lines.push('', `**Quoted ${said.length === 1 ? 'once' : `${said.length} times`}** (${parts})`, '');
    for (const q of said.slice(0, MAX_QUOTES_LISTED)) lines.push(`- ${md(excerpt(q.text))}${q.kind === 'reported' ? ' *(reported)*' : ''}`);
    if (said.length > MAX_QUOTES_LISTED) lines.push(`- … and ${said.length - MAX_QUOTES_LISTED} more`);
  }
  return lines.join('\n');
}

const KIND_LABEL = { direct: 'Quote', partial: 'Partial quote', reported: 'Reported speech' } as const;

export function quoteCard(doc: AnalyzedDocument, quote: Quote): string {
  const { entities } = doc.annotations;
  const words = quote.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const lines = [`**${KIND_LABEL[quote.kind]}** · ${words} ${words === 1 ? 'word' : 'words'}`, ''];
  if (quote.speaker) {
    const e = entities[quote.speaker.entity];
    lines.push(`Speaker: **${md(e.name)}** (${TYPE_LABEL[e.type]})  `);
  } else {
    lines.push('Speaker: *not identified* — the text does not say who said this  ');
  }
  if (quote.cue) lines.push(`Cue: “${md(doc.text.slice(quote.cue.start, quote.cue.end))}”`);
  return lines.join('\n');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function spell(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (d) return `${WEEKDAYS[weekday(parseIso(value)!)]}, ${MONTHS[m - 1]} ${d}, ${y}`;
  if (m) return `${MONTHS[m - 1]} ${y}`;
  return String(y);
}

export function dateCard(doc: AnalyzedDocument, date: DateRef): string {
  const articleDate = doc.referenceDate;
  const lines = ['**Date**', ''];
  if (!date.value) {
    lines.push(`“${md(date.text)}” has no calendar value: ${
      articleDate
        ? 'it is too vague, or the text gives nothing to place it by.'
        : 'the article has no `date:` in its front matter to resolve it against (or set `articleLens.referenceDate`).'
    }`);
    return lines.join('\n');
  }
  lines.push(`${md(spell(date.value))} · \`${date.value}\``);
  if (articleDate && /^\d{4}-\d{2}-\d{2}$/.test(date.value)) {
    const days = parseIso(date.value)! - parseIso(articleDate)!;
    lines.push('', days === 0 ? 'The article’s date' : `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'} ${days < 0 ? 'before' : 'after'} the article’s date (${articleDate}${doc.annotations.meta.date ? '' : ', from the reference date setting'})`);
  }
  return lines.join('\n');
}
