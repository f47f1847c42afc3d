// Checks an editor runs on an article, each one a setting (`articleLens.diagnostics.<rule>`:
// off, hint or warning), answered in the pull model: the editor asks when it wants them and is
// told "unchanged" when neither the text nor the settings moved. One diagnostic per problem:
// a name spelt two ways is reported once at the rarer spelling, an article without a date once
// at its first relative date, a speaker not introduced once at the quote that first needs it.
import { createHash, randomBytes } from 'node:crypto';
import { distance } from 'fastest-levenshtein';
import {
  DiagnosticSeverity,
  type CancellationToken,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { DateRef, Mention } from '../analysis/model';
import { DIAGNOSTIC_RULES, type DiagnosticLevel, type DiagnosticRule } from '../protocol';
import { mentionsOf, normalizeName, spanRange } from './mentions';
import { unmatchedMarks } from './quoteMarks';

export const DIAGNOSTIC_SOURCE = 'Article Lens';

/** What a quick fix needs to know about its problem. */
export type Fix =
  /** Rewrite every mention spelt `from` as `to`. */
  | { kind: 'spelling'; from: string; to: string; fromCount: number; toCount: number }
  /** Give the article a `date:` in its front matter. */
  | { kind: 'date'; value: string };

export interface Problem {
  rule: DiagnosticRule;
  range: Range;
  message: string;
  related?: { range: Range; message: string }[];
  fix?: Fix;
}

/** Every problem the enabled rules find, in text order within each rule. */
export function findProblems(doc: AnalyzedDocument, levels: Record<DiagnosticRule, DiagnosticLevel>, token?: CancellationToken): Problem[] {
  const out: Problem[] = [];
  for (const rule of DIAGNOSTIC_RULES) {
    if (levels[rule] === 'off') continue;
    if (token?.isCancellationRequested) return [];
    out.push(...RULES[rule](doc));
  }
  return out;
}

export function diagnostics(doc: AnalyzedDocument, levels: Record<DiagnosticRule, DiagnosticLevel>, token?: CancellationToken): Diagnostic[] {
  return findProblems(doc, levels, token).map((p) => toDiagnostic(doc, p, levels[p.rule]));
}

export function toDiagnostic(doc: AnalyzedDocument, p: Problem, level: DiagnosticLevel): Diagnostic {
  return {
    range: p.range,
    severity: level === 'hint' ? DiagnosticSeverity.Hint : DiagnosticSeverity.Warning,
    code: p.rule,
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
    ...(p.related?.length ? { relatedInformation: p.related.map((r) => ({ location: { uri: doc.uri, range: r.range }, message: r.message })) } : {}),
  };
}

/** Differs between server processes, so a result id never outlives the server that made it. */
const SALT = randomBytes(6).toString('hex');

/** Identifies one answer: the text, the effective reference date and the rule levels. */
export function resultIdFor(doc: AnalyzedDocument, levels: Record<DiagnosticRule, DiagnosticLevel>): string {
  const h = createHash('sha1');
  h.update(SALT).update('\0').update(doc.referenceDate ?? '').update('\0').update(JSON.stringify(levels)).update('\0').update(doc.text);
  return `${doc.version}:${h.digest('hex').slice(0, 16)}`;
}

/** `textDocument/diagnostic`: the full list, or `unchanged` when the client already has it. */
export function pullDiagnostics(doc: AnalyzedDocument, params: DocumentDiagnosticParams, token: CancellationToken | undefined, levels: Record<DiagnosticRule, DiagnosticLevel>): DocumentDiagnosticReport {
  const resultId = resultIdFor(doc, levels);
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: diagnostics(doc, levels, token) };
}

const RULES: Record<DiagnosticRule, (doc: AnalyzedDocument) => Problem[]> = {
  unattributedQuote,
  unmatchedQuotationMark,
  inconsistentSpelling,
  relativeDateWithoutReference,
  speakerNotIntroduced,
};

const q = (s: string) => `“${s.replace(/\s+/g, ' ')}”`;
const times = (n: number) => (n === 1 ? '1 mention' : `${n} mentions`);
const lineOf = (doc: AnalyzedDocument, offset: number) => doc.lines.positionAt(offset).line + 1;

// ---- a quotation with no identifiable speaker ------------------------------------------------

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Direct quotes with no speaker, and partial quotes of three words or more: one or two quoted
 * words inside the writer's sentence are usually a term or scare quotes, not someone's speech.
 */
function unattributedQuote(doc: AnalyzedDocument): Problem[] {
  return doc.annotations.quotes
    .filter((x) => !x.speaker && x.kind !== 'reported' && (x.kind === 'direct' || (x.text.match(WORD)?.length ?? 0) >= 3))
    .map((x) => ({
      rule: 'unattributedQuote' as const,
      range: spanRange(doc, x),
      message: x.kind === 'direct'
        ? 'Quotation with no identifiable speaker: nothing in the text says who said this.'
        : 'Quoted words with no identifiable speaker: nothing in the text says whose words these are.',
    }));
}

// ---- an unmatched quotation mark -------------------------------------------------------------

function unmatchedQuotationMark(doc: AnalyzedDocument): Problem[] {
  return unmatchedMarks(doc.text, doc.bodyStart).map((m) => {
    const range = spanRange(doc, { start: m.offset, end: m.offset + m.mark.length });
    if (m.problem === 'unopened') {
      return { rule: 'unmatchedQuotationMark' as const, range, message: `Closing quotation mark ${m.mark} with no opening mark before it.` };
    }
    const message = m.mark === '"'
      ? 'Unmatched quotation mark ": the paragraph has no other " to pair it with.'
      : `Opening quotation mark ${m.mark} that is never closed: the quote runs to the end of its paragraph.`;
    return { rule: 'unmatchedQuotationMark' as const, range, message };
  });
}

// ---- one name spelt two ways ------------------------------------------------------------------

interface Spelling {
  text: string;
  key: string;
  count: number;
  first: Mention;
}

/** The largest edit distance that still reads as the same name, for the shorter name's length. */
function tolerance(length: number): number {
  return length >= 10 ? 2 : length >= 6 ? 1 : 0;
}

/** Two spellings close enough to be one name: a letter doubled, dropped, swapped or mistyped. */
export function nearSpellings(a: string, b: string): boolean {
  const x = normalizeName(a);
  const y = normalizeName(b);
  if (a === b) return false;
  const max = tolerance(Math.min(x.length, y.length));
  if (max === 0 || Math.abs(x.length - y.length) > max) return false;
  // Written alike but for case, apostrophe style or spacing: "Asa’ib" and "Asa'ib".
  if (x === y) return true;
  // Names that differ by a number are different things ("Flight 370", "Flight 371").
  if (x.replace(/\D/g, '') !== y.replace(/\D/g, '')) return false;
  // One name extended is another name: "New Zealand" and "New Zealander", "Polaroid" and "Polaroids".
  if (x.startsWith(y) || y.startsWith(x)) return false;
  // A misspelling keeps each word's first letter: "Gambia" and "Zambia" are two countries,
  // "Kowloon East" and "Kowloon West" two constituencies, "Wong Kwok-hing" and "Wong Kwok-kin" two people.
  const xs = x.split(/[\s-]+/);
  const ys = y.split(/[\s-]+/);
  if (xs.length === ys.length && xs.some((w, i) => w !== ys[i] && w[0] !== ys[i][0])) return false;
  if (x[0] !== y[0]) return false;
  return distance(x, y) <= max;
}

function inconsistentSpelling(doc: AnalyzedDocument): Problem[] {
  const { mentions, entities } = doc.annotations;
  const byText = new Map<string, Spelling>();
  for (const m of mentions) {
    if (!entities[m.entity]) continue;
    const text = m.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const s = byText.get(text);
    if (s) {
      s.count++;
      if (m.start < s.first.start) s.first = m;
    } else {
      byText.set(text, { text, key: normalizeName(text), count: 1, first: m });
    }
  }
  // Group spellings that are near one another; each group's most used spelling (the first
  // written, on a tie) is the one the others are reported against.
  const list = [...byText.values()].sort((a, b) => a.first.start - b.first.start);
  const parent = list.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      if (nearSpellings(list[i].text, list[j].text)) parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, Spelling[]>();
  list.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  const out: Problem[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const main = [...group].sort((a, b) => b.count - a.count || a.first.start - b.first.start)[0];
    for (const s of group) {
      if (s === main) continue;
      out.push({
        rule: 'inconsistentSpelling',
        range: spanRange(doc, s.first),
        message: `One name spelt two ways: ${q(s.text)} (${times(s.count)}) and ${q(main.text)} (${times(main.count)}, first on line ${lineOf(doc, main.first.start)}).`,
        related: [{ range: spanRange(doc, main.first), message: `Spelt ${q(main.text)} here.` }],
        fix: { kind: 'spelling', from: s.text, to: main.text, fromCount: s.count, toCount: main.count },
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

// ---- a relative date in an article with no reference date --------------------------------

const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\\.?';
const UNIT = `(?:day|week|weekend|fortnight|month|year|decade|century|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|${WEEKDAY}|${MONTH})s?`;
/** A date counted from the day of writing: "Tuesday night", "last week", "two days ago", "March 3". */
const RELATIVE = new RegExp(
  '(?<![\\p{L}\\p{N}])(?:' + [
    'yesterday', 'today', 'tonight', 'tomorrow', `${WEEKDAY}s?`, 'ago', 'from now', 'hence',
    `(?:last|next|this|past|coming|previous|current)\\s+(?:[\\p{L}\\p{N}-]+\\s+)?${UNIT}`,
    `${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?`, `\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}`,
    `(?:january|february|march|april|may|june|july|august|september|october|november|december)`,
    '(?:spring|summer|autumn|winter)',
  ].join('|') + ')(?![\\p{L}\\p{N}])',
  'iu',
);
/** Counted from another time the article gives: "the next day", "two days after the attack". */
const ANCHORED = /\bthe\s+(?:next|following|previous|same)\b|\b(?:after|before|since)\s+(?:the|that|this|his|her|their)\b/i;

/** A date with no value that a reference date would have placed: no year of its own, counted from now. */
export function isRelativeDate(d: DateRef): boolean {
  return d.value === null && !/\d{4}/.test(d.text) && RELATIVE.test(d.text) && !ANCHORED.test(d.text);
}

function relativeDateWithoutReference(doc: AnalyzedDocument): Problem[] {
  if (doc.referenceDate) return [];
  const relative = doc.annotations.dates.filter(isRelativeDate).sort((a, b) => a.start - b.start);
  if (!relative.length) return [];
  const [first, ...rest] = relative;
  const stated = doc.annotations.meta.date;
  const why = stated
    ? `the front matter’s date ${q(stated)} is not written YYYY-MM-DD`
    : 'the article has no date. Add “date: YYYY-MM-DD” to its front matter, or set articleLens.referenceDate';
  const others = rest.length ? ` (nor can ${rest.length === 1 ? '1 other relative date' : `${rest.length} other relative dates`})` : '';
  return [{
    rule: 'relativeDateWithoutReference',
    range: spanRange(doc, first),
    message: `${q(first.text)} cannot be placed on the calendar${others}: ${why}.`,
    related: rest.slice(0, 20).map((d) => ({ range: spanRange(doc, d), message: `${q(d.text)} is relative too.` })),
    fix: { kind: 'date', value: latestStatedDay(doc) ?? 'YYYY-MM-DD' },
  }];
}

/** The latest full date the article states with its year ("January 8, 2020"). */
function latestStatedDay(doc: AnalyzedDocument): string | undefined {
  let best: string | undefined;
  for (const d of doc.annotations.dates) {
    if (d.value && /^\d{4}-\d{2}-\d{2}$/.test(d.value) && /\d{4}/.test(d.text) && (!best || d.value > best)) best = d.value;
  }
  return best;
}

// ---- a speaker quoted before being introduced ----------------------------------------------

/**
 * A quote attributed through a short form of a name ("Khazali") when no earlier mention gave
 * the full name ("Qais al-Khazali"). Reported once per speaker, at the first such quote.
 */
function speakerNotIntroduced(doc: AnalyzedDocument): Problem[] {
  const { quotes, entities, mentions } = doc.annotations;
  const done = new Set<number>();
  const out: Problem[] = [];
  for (const x of [...quotes].sort((a, b) => a.start - b.start)) {
    const sp = x.speaker;
    if (!sp || done.has(sp.entity)) continue;
    const entity = entities[sp.entity];
    const mention = mentions[sp.mention];
    if (!entity || !mention) continue;
    const full = normalizeName(entity.name);
    const isFull = (m: Mention) => normalizeName(m.text).includes(full);
    if (isFull(mention)) continue;
    const all = mentionsOf(doc, entity);
    if (all.some((m) => m.start <= mention.start && isFull(m))) continue;
    done.add(sp.entity);
    const introduced = all.find(isFull);
    out.push({
      rule: 'speakerNotIntroduced',
      range: spanRange(doc, mention),
      message: `${q(mention.text)} is quoted before the article introduces ${q(entity.name)} by full name${introduced ? ` (first on line ${lineOf(doc, introduced.start)})` : ''}.`,
      related: [
        { range: spanRange(doc, x), message: 'The quote attributed to them.' },
        ...(introduced ? [{ range: spanRange(doc, introduced), message: `The full name ${q(entity.name)}.` }] : []),
      ],
    });
  }
  return out;
}
