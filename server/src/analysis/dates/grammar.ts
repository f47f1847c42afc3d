// The date grammar: finds, in one paragraph, every expression that places something in calendar
// time (GUIDELINES.md, `Date`) and parses it into a `DateExpr` that `resolve.ts` turns into a value.
// Rules are regular expressions over the paragraph text, checked against the tokens where a word
// is ambiguous ("May", "March", a four-digit number); overlapping matches keep the longest.
import type { Span } from '../model';
import type { Token, Tokenized } from '../nlp';
import { DECADE_WORDS, FOREIGN_MONTHS, MONTHS, NAMED_DAYS, NUMBER_SOURCE, numberValue, ORDINAL_WORDS, WEEKDAYS } from '../lexicon/dates';

export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'century';
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

export type DateExpr =
  /** A date named by the calendar, as far as the text gives it ("March 9", "2007", "Tuesday"). */
  | { kind: 'calendar'; y?: number; m?: number; d?: number; wd?: number; dir?: -1 | 0 | 1; end?: boolean }
  /** A named day ("Waitangi Day"); `y` when the text gives the year. */
  | { kind: 'named'; name: string; y?: number }
  /** A unit counted from now: today (day 0), last week (week -1), next year, year end (year 0, end). */
  | { kind: 'now'; unit: Unit; offset: number; end?: boolean }
  | { kind: 'season'; season: Season; offset: number; y?: number }
  /** A point some units before (-1) or after (+1) now: "two days ago", "a week from now". */
  | { kind: 'ago'; unit: Unit; min: number; max: number; dir: -1 | 1 }
  /** The stretch from now back (-1) or on (+1) some units: "the past 30 days", "the coming weeks". */
  | { kind: 'stretch'; unit: Unit; min: number; max: number; dir: -1 | 1 }
  /**
   * Placed from another time or event: "the next day" (day +1), "Two days after the attack"
   * (day +2 from the attack), "the evening" (day 0), "the opening night" (an event's day).
   */
  | { kind: 'anchored'; unit: Unit; offset: number; min?: number; max?: number; noun?: string; event?: string }
  /** Places something in time without saying when: "recently", "the 1960s", "the future". */
  | { kind: 'vague' };

export type Tense = 'future' | 'past';

export interface DateCandidate extends Span {
  text: string;
  expr: DateExpr;
  /** The tense of the clause around the date, where its verbs tell. */
  tense?: Tense;
  /** Index (in this paragraph's list) of a date set beside this one by a comma or dash. */
  apposition?: number;
  /** Index of the later endpoint of a range ("January 23 - March 9 2014") whose year this one shares. */
  rangeEnd?: number;
}

interface Match extends Span {
  expr: DateExpr;
}

// ---- building blocks -------------------------------------------------------------------------

const B = '(?<![\\p{L}\\p{N}])'; // word start
const E = '(?![\\p{L}\\p{N}])'; // word end
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept\\.|Sep\\.|Oct\\.|Nov\\.|Dec\\.|Jan|Feb|Aug|Sept|Oct|Nov|Dec)(?!\\p{L})';
const WD = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?!\\p{L})';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\d])(?![.,]\\d)';
const YEAR = '(\\d{4})(?!\\d)(?![.,:]\\d)';
const PART = '(morning|afternoon|evening|night)';
const NUM = `(${NUMBER_SOURCE})`;
const APPROX = '(?:(?:just|only|well|a little|little|slightly|some|roughly|about|around|approximately|nearly|almost|more than|less than|fewer than|over|under|exactly|at least|barely|precisely)\\s+)*';
/** Modifiers before a month or year, kept in the span ("early in 2016", "mid-March"). */
const MOD = '(?:(the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the first quarter of|the end of|early|late|mid|earlier in|later in|early in|late in|in early|in late|(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?)\\s+|(mid)-)?';
const SEASONS: Record<string, Season> = { spring: 'spring', summer: 'summer', autumn: 'autumn', fall: 'autumn', winter: 'winter' };
const UNIT_WORDS = '(seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|months?|years?|decades?|centuries|century)';

function unitOf(word: string): Unit | 'hour' | 'minute' {
  const w = word.toLowerCase().replace(/s$/, '');
  if (w === 'centurie' || w === 'century') return 'century';
  if (w === 'second' || w === 'minute') return 'minute';
  if (w === 'hour') return 'hour';
  if (w === 'night') return 'day';
  return w as Unit;
}

const cap = (w: string | undefined) => !!w && /^\p{Lu}/u.test(w);
const month = (w: string) => MONTHS.get(w.toLowerCase().replace(/\.$/, ''));
const wdOf = (w: string) => WEEKDAYS.get(w.toLowerCase());

interface Rule {
  re: RegExp;
  build: (m: RegExpExecArray, ctx: Ctx) => Match | Match[] | null | undefined;
}

interface Ctx {
  text: string;
  tokens: Token[];
  /** Token index at each character offset (-1 between tokens). */
  tokenAt: Int32Array;
}

const rx = (source: string) => new RegExp(source, 'giu');
const at = (m: RegExpExecArray, expr: DateExpr, start = m.index, end = m.index + m[0].length): Match => ({ start, end, expr });

function tokenIndex(ctx: Ctx, offset: number): number {
  return offset >= 0 && offset < ctx.tokenAt.length ? ctx.tokenAt[offset] : -1;
}

/** The word before `offset`, lower case ("" at the start). */
function wordBefore(ctx: Ctx, offset: number): string {
  const m = /([\p{L}\p{N}'’.-]+)[^\p{L}\p{N}]*$/u.exec(ctx.text.slice(Math.max(0, offset - 40), offset));
  return m ? m[1].toLowerCase().replace(/’/g, "'") : '';
}

function wordAfter(ctx: Ctx, offset: number): string {
  const m = /^[\s]*([\p{L}\p{N}'’-]+)/u.exec(ctx.text.slice(offset, offset + 40));
  return m ? m[1].toLowerCase() : '';
}

const PREPOSITIONS = new Set(['in', 'on', 'of', 'since', 'until', 'till', 'by', 'from', 'to', 'through', 'before', 'after', 'during', 'between', 'and', 'or', 'late', 'early', 'mid', 'last', 'next', 'this', 'that', 'every', 'each', 'as', 'for', 'around', 'about', 'throughout', 'until', 'starting', 'beginning', 'ending', 'into']);

/** "May" and "March" are months only where the words around them say so. */
function isMonthWord(ctx: Ctx, word: string, start: number, end: number): boolean {
  if (!cap(word)) return false;
  const lower = word.toLowerCase();
  // "April Ryan", "June Carter": a first name
  const next = ctx.tokens[tokenIndex(ctx, end + 1)];
  if (next && /^\s$/.test(ctx.text.slice(end, next.start)) && cap(next.text) && !next.tags.has('Date') && !next.tags.has('Value')
    && (next.tags.has('Person') || next.tags.has('LastName')) && !PREPOSITIONS.has(wordBefore(ctx, start))) return false;
  if (lower !== 'may' && lower !== 'march') return true;
  if (/^\s*,?\s*\d/.test(ctx.text.slice(end, end + 4))) return true;
  if (PREPOSITIONS.has(wordBefore(ctx, start))) return true;
  const t = ctx.tokens[tokenIndex(ctx, start)];
  if (lower === 'may') return !!t && t.tags.has('Month') && !t.tags.has('Modal') && !/^\s+(?:be|have|not|also|well|still)\b/i.test(ctx.text.slice(end, end + 8)) && !isSentenceStart(ctx, start);
  return !!t && t.tags.has('Month') && !isSentenceStart(ctx, start) && !/^\s+(?:on|to|through|against|in)\b/i.test(ctx.text.slice(end, end + 10));
}

/** Nothing but sentence punctuation or an opening quote between `offset` and the sentence before. */
function isSentenceStart(ctx: Ctx, offset: number): boolean {
  return /(?:^|[.!?:;"“”‘(—–])$/.test(ctx.text.slice(Math.max(0, offset - 4), offset).trimEnd());
}

/** Measure words after a four-digit number that make it a count rather than a year. */
const COUNT_NOUNS = /^(?:people|persons|votes|voters|euros?|dollars?|pounds?|yen|yuan|francs?|km|kilomet(?:re|er)s|met(?:re|er)s|miles|feet|ft|kg|tonnes|tons|pages|words|cases|deaths|members|students|troops|soldiers|users|times|copies|units|points|hours|minutes|seconds|days|weeks|months|years|pilgrims|visitors|employees|workers|jobs|homes|houses|acres|hectares|calories|mph|km\/h|rounds|men|women|children|cars|vehicles|m|cm|mm|g|mg|ml|l|lbs?|kw|mw|gb|mb|tb)$/;

function isYear(ctx: Ctx, value: number, start: number, end: number): boolean {
  if (value < 1000 || value > 2099) return false;
  const before = ctx.text.slice(Math.max(0, start - 2), start);
  if (/[$€£¥#№\d/]\s?$/.test(before) || /[.,]$/.test(before) && /\d[.,]$/.test(ctx.text.slice(Math.max(0, start - 2), start))) return false;
  const after = ctx.text.slice(end, end + 3);
  if (/^(?:%|\s?%|\/\d|-\d\d(?!\d)|s\b|'s\b)/.test(after) && !/^'s/.test(after)) return false;
  if (/^\s*(?:per ?cent|percent)/i.test(ctx.text.slice(end, end + 10))) return false;
  const prev = wordBefore(ctx, start);
  const next = wordAfter(ctx, end);
  if (/^(?:no\.?|number|page|pages|route|flight|room|rooms|p\.|pp\.|about|some|nearly|almost|over|under|around|approximately|than|least|only|just)$/.test(prev)) return false;
  if (COUNT_NOUNS.test(next) && !/^(?:the|a|an|its|his|her|their|our|this|that|in|of|since|'s)$/.test(prev)) return false;
  if (value < 1600 && !/^(?:in|since|of|year|by|until|from|to|and|c\.|circa|ad|bc)$/.test(prev)) return false;
  const nt = ctx.tokens[tokenIndex(ctx, start) + 1];
  // "killed 2000 protesters": a count; but "the 2014 protests", "in 2014 protests erupted"
  if (nt && nt.start >= end && nt.tags.has('Plural') && nt.tags.has('Noun') && !nt.tags.has('ProperNoun') && /^\s+$/.test(ctx.text.slice(end, nt.start))
    && !/^(?:the|a|an|its|his|her|their|our|this|that|'s|in|since|by|until|till|during|from|to|and|of|before|after)$/.test(prev)) return false;
  return true;
}

function modOf(mod: string | undefined): { end?: boolean; season?: Season } {
  if (!mod) return {};
  const l = mod.toLowerCase();
  if (l === 'the end of') return { end: true };
  const s = /(spring|summer|autumn|fall|winter)/.exec(l);
  if (s) return { season: SEASONS[s[1]] };
  return {};
}

/** Numbers as words or digits, and the vague amounts ("a few"). */
function amount(word: string): { min: number; max: number } | undefined {
  return numberValue(word.replace(/^\[|\]$/g, ''));
}

// ---- the rules -------------------------------------------------------------------------------

const RULES: Rule[] = [
  // "Thursday, February 23, 2023", "March 9 2014", "May 16"
  {
    re: rx(`${B}(?:${WD}\\s*,?\\s+)?${MONTH}\\s+${DAY}(?:\\s*,?\\s+${YEAR})?`),
    build: (m, ctx) => {
      const [, wd, mon, day, year] = m;
      const monStart = m.index + m[0].indexOf(mon, wd ? wd.length : 0);
      if (!isMonthWord(ctx, mon, monStart, monStart + mon.length)) return null;
      const d = Number(day);
      if (d < 1 || d > 31) return null;
      if (year && Number(year) < 1000) return null;
      if (wd && !cap(wd)) return null;
      return at(m, { kind: 'calendar', y: year ? Number(year) : undefined, m: month(mon), d, wd: wd ? wdOf(wd) : undefined });
    },
  },
  // "7 May 2015", "Tuesday 7 May", "the 7th of May"
  {
    re: rx(`${B}(?:${WD}\\s*,?\\s+)?(?:the\\s+)?${DAY}(?:\\s+of)?\\s+${MONTH}(?:\\s*,?\\s+${YEAR})?`),
    build: (m, ctx) => {
      const [, wd, day, mon, year] = m;
      if (!cap(mon)) return null;
      const d = Number(day);
      if (d < 1 || d > 31) return null;
      if (wd && !cap(wd)) return null;
      return at(m, { kind: 'calendar', y: year ? Number(year) : undefined, m: month(mon), d, wd: wd ? wdOf(wd) : undefined });
    },
  },
  // "the third of May"
  {
    re: rx(`${B}the\\s+(${[...ORDINAL_WORDS.keys()].join('|')})\\s+of\\s+${MONTH}(?:\\s*,?\\s+${YEAR})?`),
    build: (m) => cap(m[2]) ? at(m, { kind: 'calendar', y: m[3] ? Number(m[3]) : undefined, m: month(m[2]), d: ORDINAL_WORDS.get(m[1].toLowerCase()) }) : null,
  },
  // A season across two years ("the 2015–16 season"): one date the calendar cannot narrow
  {
    re: rx(`${B}(?:the\\s+)?(1[6-9]\\d\\d|20\\d\\d)[-–/](\\d\\d)(?![\\d%])`),
    build: (m) => (Number(m[2]) === (Number(m[1]) + 1) % 100 ? at(m, { kind: 'vague' }, m.index + (m[0].length - m[1].length - 1 - m[2].length)) : null),
  },
  // "September 2021", "early 2016", "the end of March 2015", "mid-2016", "the summer of 2016"
  {
    re: rx(`${B}${MOD}(?:${MONTH}\\s*,?\\s+)?${YEAR}`),
    build: (m, ctx) => {
      const [, modA, modB, mon, year] = m;
      const yearStart = m.index + m[0].length - year.length;
      if (mon && !cap(mon)) return null;
      if (!mon && !isYear(ctx, Number(year), yearStart, yearStart + 4)) return null;
      if (mon && (Number(year) < 1000 || Number(year) > 2099)) return null;
      const { end, season } = modOf(modA ?? modB);
      let start = m.index;
      if (modA && /^in\s/i.test(modA)) start += 3; // "in early 2016" -> "early 2016"
      if (season) return at(m, { kind: 'season', season, offset: 0, y: Number(year) }, start);
      return at(m, { kind: 'calendar', y: Number(year), m: mon ? month(mon) : undefined, end }, start);
    },
  },
  // "March", "early May", "the end of March", "last March", "next January"
  {
    re: rx(`${B}(?:(last|next|this|this past|past)\\s+|${MOD})${MONTH}`),
    build: (m, ctx) => {
      const [, rel, modA, modB, mon] = m;
      const monStart = m.index + m[0].length - mon.length;
      if (!isMonthWord(ctx, mon, monStart, monStart + mon.length) && !(rel && cap(mon))) return null;
      if (!/^(?:may|june|july)$/i.test(mon) && mon.length <= 4 && !mon.endsWith('.')) return null; // "Dec", "Oct" alone
      if (!rel && !modA && !modB && /^(?:every|each|per|a|an|any)$/.test(wordBefore(ctx, m.index))) return null; // "each April"
      const dir = rel ? (/next/i.test(rel) ? 1 : /last|past/i.test(rel) ? -1 : 0) : undefined;
      const { end } = modOf(modA ?? modB);
      let start = m.index;
      if (modA && /^in\s/i.test(modA)) start += 3;
      return at(m, { kind: 'calendar', m: month(mon), dir: dir as -1 | 0 | 1 | undefined, end }, start);
    },
  },
  // "Tuesday", "Thursday afternoon", "early Tuesday", "last Friday", "next Tuesday night"
  {
    re: rx(`${B}(?:(early|late|last|next|this|this past|past|on)\\s+)?${WD}(?:\\s+${PART})?`),
    build: (m, ctx) => {
      const [, pre, wd] = m;
      if (!cap(wd)) return null;
      if (!pre && /^(?:a|an|every|each|any|one|per|another|bloody|black|cyber|super)$/.test(wordBefore(ctx, m.index))) return null; // "on a Friday"
      if (/^\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Tribune|Star|Independent|Observer|Business|Night\s+Live|School|Service|Club|Sport|People|World)\b/.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 20))) return null; // "the Sunday Times"
      const start = pre && /^on$/i.test(pre) ? m.index + m[0].indexOf(wd) : m.index;
      const dir = pre ? (/next/i.test(pre) ? 1 : /last|past/i.test(pre) ? -1 : /this/i.test(pre) ? 0 : undefined) : undefined;
      return at(m, { kind: 'calendar', wd: wdOf(wd), dir: dir as -1 | 0 | 1 | undefined }, start);
    },
  },
  // Other languages' full dates: "9 mai 2023", "9. Mai 2023", "1er janvier 2020", "9 de mayo de 2023"
  {
    re: rx(`${B}(\\d{1,2})(?:er|º|\\.)?\\s+(?:de\\s+)?(${[...FOREIGN_MONTHS.keys()].join('|')})\\s+(?:de\\s+)?(\\d{4})${E}`),
    build: (m) => {
      const d = Number(m[1]);
      const mo = FOREIGN_MONTHS.get(m[2].toLowerCase());
      return mo && d >= 1 && d <= 31 ? at(m, { kind: 'calendar', y: Number(m[3]), m: mo, d }) : null;
    },
  },
  // ISO dates: 2015-05-07
  {
    re: rx(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`),
    build: (m) => {
      const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
      return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 ? at(m, { kind: 'calendar', y, m: mo, d }) : null;
    },
  },
  // Decades and centuries: "the 1960s", "the '60s", "the sixties", "the 20th century"
  {
    re: rx(`${B}(?:the\\s+)?(?:(?:early|late|mid)[\\s-]+)?(?:\\d{3}0s|['’]\\d0s|(?<=the\\s+)\\d0s|(?:${DECADE_WORDS.join('|')})${E}|(?:\\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\\s-]+century${E})`),
    build: (m, ctx) => {
      // "the sixties" needs its "the" (else "in his sixties" is an age)
      if (/(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)$/i.test(m[0]) && !/^the\s/i.test(m[0])) return null;
      if (/-century$/i.test(m[0]) || /^-/.test(ctx.text.slice(m.index + m[0].length))) return null; // "21st-century technology"
      return at(m, { kind: 'vague' });
    },
  },
  // "today", "earlier today", "yesterday morning", "tomorrow", "tonight", "this morning", "last night"
  {
    re: rx(`${B}(?:(earlier|later|early|late)\\s+)?(?:(the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow)(?:\\s+${PART})?|(this|last)\\s+${PART})${E}`),
    build: (m, ctx) => {
      const word = (m[2] ?? '').toLowerCase();
      // "USA Today", "the Today programme": a capital in mid-sentence makes it a name
      if (m[2] && !m[1] && cap(m[2]) && !isSentenceStart(ctx, m.index)) return null;
      let offset = 0;
      if (word === 'yesterday') offset = -1;
      else if (word === 'tomorrow') offset = 1;
      else if (word === 'the day before yesterday') offset = -2;
      else if (word === 'the day after tomorrow') offset = 2;
      else if (m[4] && /last/i.test(m[4])) offset = -1; // "last night"
      return at(m, { kind: 'now', unit: 'day', offset });
    },
  },
  // "this week", "last year", "next month", "this past week", "earlier this year", "the end of the month"
  {
    re: rx(`${B}(?:(earlier|later|early|late|the end of|the beginning of|the start of|the middle of|the rest of|the first half of|the second half of)\\s+)?(this past|this|last|next|past|coming)\\s+(week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter)${E}`),
    build: (m, ctx) => {
      const [, mod, rel, unitWord] = m;
      const r = rel.toLowerCase();
      const u = unitWord.toLowerCase();
      // "the past week", "the coming month", "the last year": stretches, below
      if (r === 'past' || r === 'coming' || /\bthe\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 4), m.index))) return null;
      const offset = r === 'next' || r === 'coming' ? 1 : r === 'last' || r === 'past' || r === 'this past' ? -1 : 0;
      if (SEASONS[u]) return at(m, { kind: 'season', season: SEASONS[u], offset });
      if (r === 'this past' && (u === 'week' || u === 'month' || u === 'year')) return at(m, { kind: 'stretch', unit: u as Unit, min: 1, max: 1, dir: -1 });
      const end = !!mod && /end/i.test(mod);
      return at(m, { kind: 'now', unit: u as Unit, offset, end });
    },
  },
  // "this season", "last season": a sports season may run across two years, so no value
  {
    re: rx(`${B}(?:this|last|next)\\s+season${E}`),
    build: (m) => at(m, { kind: 'vague' }),
  },
  // "the weekend", "over the weekend": the weekend of the article
  {
    re: rx(`${B}the\\s+weekend${E}`),
    build: (m, ctx) => /^\s+(?:before|after|of)\b/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8)) ? null : at(m, { kind: 'now', unit: 'weekend', offset: 0 }),
  },
  // "earlier in the week", "later in the month"
  {
    re: rx(`${B}(?:earlier|later|early|late)\\s+in\\s+the\\s+(week|month|year)${E}`),
    build: (m) => at(m, { kind: 'now', unit: m[1].toLowerCase() as Unit, offset: 0 }),
  },
  // "year end", "year-end", "the end of the year", "the end of the month", "the end of the week"
  {
    re: rx(`${B}(?:(?:the\\s+)?(year|month|week)[\\s-]end|(?:the\\s+)?end\\s+of\\s+(?:the\\s+)?(year|month|week))${E}`),
    build: (m, ctx) => {
      if (/^\s*(?:results?|reports?|figures?|bonus(?:es)?|accounts?|closing|review|party|sales|exams?)\b/i.test(ctx.text.slice(m.index + m[0].length))) return null;
      const u = (m[1] ?? m[2]).toLowerCase() as Unit;
      return at(m, { kind: 'now', unit: u, offset: 0, end: true });
    },
  },
  // "the past 30 days", "the past few days", "the last two years", "the coming weeks", "recent months", "the past week"
  {
    re: rx(`${B}(?:(the\\s+)(past|last|previous|coming|next|following)\\s+(?:${NUM}\\s+)?|(recent)\\s+)(days|weeks|months|years|decades|week|month|year|decade)${E}`),
    build: (m) => {
      const [, , rel, num, recent, unitWord] = m;
      const u = unitWord.toLowerCase();
      const plural = /s$/.test(u);
      const r = (rel ?? recent).toLowerCase();
      if (!plural && num) return null;
      if (!plural && (r === 'next' || r === 'following' || r === 'previous')) return null; // "the next year": anchored
      const dir = r === 'coming' || r === 'next' || r === 'following' ? 1 : -1;
      if (r === 'following' || (r === 'next' && !num) || r === 'previous') {
        // anchored stretches ("the following weeks") have no value of their own
        return at(m, { kind: 'vague' });
      }
      const n = num ? amount(num) : plural ? { min: 2, max: 5 } : { min: 1, max: 1 };
      if (!n) return null;
      return at(m, { kind: 'stretch', unit: unitOf(u) as Unit, min: n.min, max: n.max, dir });
    },
  },
  // "two days ago", "just over 24 hours ago", "nearly a decade ago", "[Ten] years ago", "decades ago", "a week from now"
  {
    re: rx(`${B}(${APPROX})(?:${NUM}\\s+(?:more\\s+)?)?${UNIT_WORDS}\\s+(ago|from now|hence|earlier|later|before|after|in advance of|prior to|following)${E}`),
    build: (m, ctx) => {
      const [, , num, unitWord, rel] = m;
      const u = unitOf(unitWord);
      const r = rel.toLowerCase();
      const plural = /s$/i.test(unitWord);
      let n = num ? amount(num) : plural ? undefined : { min: 1, max: 1 };
      if (num && !plural && n && n.max > 1) return null;
      const start = m.index; // approximators stay in the span: "just over 24 hours ago"
      if (r === 'ago' || r === 'from now' || r === 'hence') {
        if (!num && !plural) return null; // "day ago"
        if (!n) return at(m, { kind: 'vague' }, start); // "years ago", "decades ago"
        if (u === 'minute') n = { min: 0, max: 0 };
        if (u === 'hour') return at(m, { kind: 'ago', unit: 'day', min: Math.floor(n.min / 24), max: Math.floor(n.max / 24), dir: r === 'ago' ? -1 : 1 }, start);
        return at(m, { kind: 'ago', unit: u as Unit, min: n.min, max: n.max, dir: r === 'ago' ? -1 : 1 }, start);
      }
      // anchored: "Two days after the attack", "four months in advance of the competition", "two days later"
      if (u === 'minute' || u === 'hour') return null;
      if (!num || !n) return null;
      const dir = r === 'later' || r === 'after' || r === 'following' ? 1 : -1;
      let end = m.index + m[0].length;
      let noun: string | undefined;
      if (r !== 'later' && r !== 'earlier') {
        const np = nounPhraseAfter(ctx, end);
        if (!np) return null;
        end = np.end;
        noun = np.noun;
      }
      return { start, end, expr: { kind: 'anchored', unit: u as Unit, offset: dir * n.min, min: n.min, max: n.max, noun } };
    },
  },
  // "the next day", "the following week", "the previous year", "the same day", "that day", "the day before"
  {
    re: rx(`${B}(?:(earlier|later|early|late)\\s+)?(?:(the\\s+(?:next|following|previous|same|preceding)|that|the\\s+very\\s+next)\\s+(day|morning|afternoon|evening|night|week|weekend|month|year)|the\\s+(day|night|week|month|year|evening|morning)\\s+(before|after|earlier|prior)(?!\\s+(?:that|last|yesterday|tomorrow)))${E}`),
    build: (m, ctx) => {
      const [, , rel, unitA, unitB, rel2] = m;
      let offset = 0;
      let u: string;
      if (rel) {
        const r = rel.toLowerCase();
        offset = /next|following/.test(r) ? 1 : /previous|preceding/.test(r) ? -1 : 0;
        u = unitA.toLowerCase();
      } else {
        u = unitB.toLowerCase();
        offset = /after/i.test(rel2) ? 1 : -1;
        // "the day after the election": the noun phrase is the anchor
        const np = /^\s+(?:the|his|her|their|its)\s/i.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 8)) ? nounPhraseAfter(ctx, m.index + m[0].length) : undefined;
        if (np) return { start: m.index, end: np.end, expr: { kind: 'anchored', unit: unitOf(u) as Unit, offset, noun: np.noun } };
      }
      const unit = /^(morning|afternoon|evening|night)$/.test(u) ? 'day' : u;
      return at(m, { kind: 'anchored', unit: unit as Unit, offset });
    },
  },
  // "the day", "the evening", "the night", "the end of the day", "the day of the attack", "the day of Hajj"
  {
    re: rx(`${B}(?:(?:earlier|later|early|late)\\s+(?:in\\s+|on\\s+)?)?(?:the\\s+(?:end|start|beginning|rest|middle)\\s+of\\s+)?the\\s+(day|evening|night|morning|afternoon)${E}`),
    build: (m, ctx) => {
      const end = m.index + m[0].length;
      const after = ctx.text.slice(end, end + 30);
      if (/^['’]s\b/.test(after) && !/\bthe\s+(?:end|start|beginning|rest|middle)\s+of\b/i.test(m[0])) return null; // "the day's events"
      if (/^\s+(?:before|after|earlier|prior|of\s+(?:the\s+)?(?:week|month|year))\b/i.test(after)) return null;
      if (/^-/.test(after)) return null; // "the day-to-day"
      const before = ctx.text.slice(Math.max(0, m.index - 12), m.index);
      if (/\b(?:all|every|each|per|one|some|whole|during)\s+$/i.test(before)) return null;
      if (/\bat\s+$/i.test(before) && /^the\s+end\s+of\s+the\s+day$/i.test(m[0]) && /^\s*,/.test(after)) return null; // "At the end of the day, ..."
      // "the day she first met him": a relative clause, not a date the text places
      if (/^\s+(?:when|that|which|i|you|he|she|we|they|it)\b/i.test(after)) return null;
      // "the day of Hajj", "the day of the attack"
      const of = /^\s+of\s+/i.exec(after);
      if (of) {
        const np = nounPhraseAfter(ctx, end + of[0].length - 1, true);
        if (np) return { start: m.index, end: np.end, expr: { kind: 'anchored', unit: 'day', offset: 0, noun: np.noun } };
      }
      // a noun after it makes it a modifier or a compound ("the night shift", "the morning papers")
      const t = ctx.tokens[tokenIndex(ctx, end + 1)];
      if (t && /^\s$/.test(ctx.text[end] ?? '') && t.tags.has('Noun') && !t.tags.has('Date') && !t.tags.has('Pronoun') && !t.tags.has('ProperNoun') && !isCapitalLetter(t.text)) return null;
      return at(m, { kind: 'anchored', unit: 'day', offset: 0 });
    },
  },
  // Event days: "Opening night", "the opening night", "the final day", "day five"
  {
    re: rx(`${B}(?:(the)\\s+)?(opening|closing|final|first|last)\\s+(night|day|weekend|evening)${E}|${B}day\\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})${E}`),
    build: (m, ctx) => {
      const before = wordBefore(ctx, m.index);
      if (m[4]) {
        if (/^(?:a|one|per|every|each|from|since)$/.test(before)) return null;
        return at(m, { kind: 'anchored', unit: 'day', offset: 0, event: `day ${m[4].toLowerCase()}` });
      }
      const kind = m[2].toLowerCase();
      const unit = m[3].toLowerCase();
      if (!m[1] && kind === 'last') return null; // "last night" is deictic
      if (!m[1] && (kind === 'first' || kind === 'final') && !isSentenceStart(ctx, m.index)) return null; // "his first day"
      return at(m, { kind: 'anchored', unit: unit === 'weekend' ? 'weekend' : 'day', offset: 0, event: `${kind} ${unit.replace('evening', 'night')}` });
    },
  },
  // Named days: "Waitangi Day", "Christmas Eve", "Good Friday", "Christmas 2015"
  {
    re: rx(`${B}(${[...NAMED_DAYS.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/\./g, '\\.?').replace(/'/g, "['’]?").replace(/ /g, '\\s+')).join('|')})(?:\\s+${YEAR})?${E}`),
    build: (m, ctx) => {
      if (!cap(m[1])) return null;
      // "Johnnie Christmas": a surname
      const prev = ctx.tokens[tokenIndex(ctx, m.index) - 1];
      if (prev && !isSentenceStart(ctx, m.index) && (prev.tags.has('Person') || prev.tags.has('FirstName')) && /^\s+$/.test(ctx.text.slice(prev.end, m.index))) return null;
      const name = m[1].toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
      const key = [...NAMED_DAYS.keys()].find((k) => k.replace(/[.']/g, '') === name.replace(/[.']/g, '')) ?? name;
      return at(m, { kind: 'named', name: key, y: m[2] ? Number(m[2]) : undefined });
    },
  },
  // Vague: "recently", "nowadays", "lately", "these days", "the future", "the past", "last years"
  {
    re: rx(`${B}(?:recently|nowadays|lately|these\\s+days|(?<=\\bin\\s+)the\\s+(?:near\\s+|distant\\s+|recent\\s+|foreseeable\\s+)?(?:future|past)|last\\s+years|in\\s+years\\s+past|once\\s+upon\\s+a\\s+time)${E}`),
    build: (m, ctx) => {
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30);
      if (/^the\s+(?:past)$/i.test(m[0]) && /^\s+(?:\d|few|several|couple|week|month|year|day|decade)/i.test(after)) return null;
      return at(m, { kind: 'vague' });
    },
  },
];

function isCapitalLetter(w: string): boolean {
  return /^\p{Lu}/u.test(w);
}

const DETERMINERS = /^(?:the|a|an|his|her|their|its|our|this|that|these|those)$/i;

/**
 * The noun phrase starting after `offset` ("the attack", "the competition", "Hajj", "the 2014
 * protests"): a determiner (or, with `capitalOk`, a capitalised name) then up to four nouns and
 * adjectives. Its head is the last word, lower case, without a plural ending.
 */
function nounPhraseAfter(ctx: Ctx, offset: number, capitalOk = false): { end: number; noun: string } | undefined {
  let i = -1;
  for (let k = 0; k < ctx.tokens.length; k++) if (ctx.tokens[k].start >= offset) { i = k; break; }
  if (i < 0) return undefined;
  const first = ctx.tokens[i];
  if (!/^\s*$/.test(ctx.text.slice(offset, first.start))) return undefined;
  let j = i;
  if (DETERMINERS.test(first.text)) j++;
  else if (!capitalOk || !isCapitalLetter(first.text)) return undefined;
  let last = -1;
  for (let n = 0; j < ctx.tokens.length && n < 4; j++, n++) {
    const t = ctx.tokens[j];
    if (t.tags.has('Preposition') || t.tags.has('Conjunction') || t.tags.has('Pronoun') || t.tags.has('Determiner')) break;
    if (t.tags.has('Verb') && !t.tags.has('Noun') && !t.tags.has('Gerund')) break;
    if (j > i && !/^\s*$/.test(ctx.text.slice(ctx.tokens[j - 1].end, t.start))) break;
    last = j;
    if (/[,.;:!?)]/.test(t.post)) break;
  }
  if (last < 0) return undefined;
  return { end: ctx.tokens[last].end, noun: stem(ctx.tokens[last].lower) };
}

/** Plural and verb endings off: "attacks"/"attacked" -> "attack". */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && /ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 4 && /ing$/.test(w)) return w.slice(0, -3);
  if (w.length > 4 && /ed$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && /[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

// ---- the pass --------------------------------------------------------------------------------

/** Date expressions in one paragraph; offsets relative to `text`. */
export function findDateExpressions(text: string, tok: Tokenized): DateCandidate[] {
  const tokenAt = new Int32Array(text.length).fill(-1);
  tok.tokens.forEach((t, i) => { for (let k = t.start; k < t.end && k < text.length; k++) tokenAt[k] = i; });
  const ctx: Ctx = { text, tokens: tok.tokens, tokenAt };
  const found: Match[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0].length === 0) { rule.re.lastIndex++; continue; }
      const r = rule.build(m, ctx);
      if (!r) continue;
      for (const x of Array.isArray(r) ? r : [r]) found.push(trim(text, x));
    }
  }
  // Longest first, then earliest; a shorter match inside or across a longer one is dropped.
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Match[] = [];
  for (const f of found) if (f.end > f.start && !kept.some((k) => k.start < f.end && f.start < k.end)) kept.push(f);
  kept.sort((a, b) => a.start - b.start);
  const merged = mergeAdjacent(text, kept);
  const out: DateCandidate[] = merged.map((m) => ({ start: m.start, end: m.end, text: text.slice(m.start, m.end), expr: m.expr }));
  link(text, out);
  for (const c of out) c.tense = tenseAround(ctx, tok, c);
  return out;
}

/** No trailing punctuation or possessive, no leading space. */
function trim(text: string, m: Match): Match {
  let { start, end } = m;
  while (end > start && /[\s,;:!?)'"’”]/.test(text[end - 1])) end--;
  if (/['’]s$/.test(text.slice(start, end))) end -= 2;
  // keep the dot of an abbreviation ("Aug.") but not a sentence's full stop after a word or number
  if (text[end - 1] === '.' && !/(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|Jr|St)\.$/.test(text.slice(start, end))) end--;
  while (start < end && /\s/.test(text[start])) start++;
  return { ...m, start, end };
}

/**
 * "the end of the day Saturday", "the evening of January 23": an anchored time of day directly
 * followed by the day it belongs to is one expression with that day's value.
 */
function mergeAdjacent(text: string, list: Match[]): Match[] {
  const out: Match[] = [];
  for (const m of list) {
    const prev = out[out.length - 1];
    if (prev && prev.expr.kind === 'anchored' && prev.expr.offset === 0 && !prev.expr.noun && !prev.expr.event && prev.expr.unit === 'day'
      && m.expr.kind === 'calendar' && (m.expr.d !== undefined || m.expr.wd !== undefined)
      && /^\s+(?:of\s+|on\s+)?$/.test(text.slice(prev.end, m.start))) {
      out[out.length - 1] = { start: prev.start, end: m.end, expr: m.expr };
      continue;
    }
    out.push(m);
  }
  return out;
}

/** Apposition ("Opening night, January 23, 2014"; "Yesterday, day five") and shared range years. */
function link(text: string, list: DateCandidate[]): void {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i];
    const b = list[i + 1];
    const gap = text.slice(a.end, b.start);
    if (/^\s*(?:,|–|—|-|\()\s*$/.test(gap)) {
      const aOpen = a.expr.kind === 'anchored' && !a.expr.noun;
      const bOpen = b.expr.kind === 'anchored' && !b.expr.noun;
      if (aOpen && !bOpen) a.apposition = i + 1;
      else if (bOpen && !aOpen) b.apposition = i;
    }
    if (a.expr.kind === 'calendar' && a.expr.y === undefined && a.expr.m !== undefined && b.expr.kind === 'calendar' && b.expr.y !== undefined && b.expr.m !== undefined
      && /^\s*(?:-|–|—|to|through|until|till|and)\s*$/i.test(gap)) {
      a.rangeEnd = i + 1;
    }
  }
}

const FUTURE_WORDS = new Set(['will', "'ll", 'shall', 'tomorrow', 'upcoming', 'forthcoming', 'scheduled', 'slated', 'planned']);
const AHEAD_PARTICIPLES = new Set(['expected', 'forecast', 'predicted', 'due', 'set', 'poised', 'likely']);
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', "'s", "'re"]);
const TO_FUTURE = new Set(['set', 'scheduled', 'expected', 'due', 'planned', 'plans', 'plan', 'planning', 'going', 'is', 'are', 'am', 'be', 'slated', 'poised', 'intends', 'intend', 'aims', 'hopes']);

/** The tense of the verb nearest the date in its sentence: "will" or "is to" against a past verb. */
function tenseAround(ctx: Ctx, tok: Tokenized, c: DateCandidate): Tense | undefined {
  let first = -1;
  let last = -1;
  for (let i = 0; i < tok.tokens.length; i++) {
    const t = tok.tokens[i];
    if (t.end <= c.start) continue;
    if (t.start >= c.end) break;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0) return undefined;
  const s = tok.sentences[tok.tokens[first].sentence];
  if (!s) return undefined;
  const markerAt = (i: number): Tense | undefined => {
    const t = tok.tokens[i];
    const l = t.lower;
    if (FUTURE_WORDS.has(l)) return 'future';
    // "rain was expected on Tuesday", "the vote is due on Friday": looking ahead even in the past tense.
    if (AHEAD_PARTICIPLES.has(l) && BE_FORMS.has(tok.tokens[i - 1]?.lower ?? '')) return 'future';
    if (l.endsWith("'ll")) return 'future';
    if (l === 'to' && i > 0 && TO_FUTURE.has(tok.tokens[i - 1].lower) && tok.tokens[i + 1] && tok.tokens[i + 1].tags.has('Verb')) return 'future';
    if (l === 'would' || l === 'could') return undefined;
    if (t.tags.has('PastTense') || l === 'had' || l === 'was' || l === 'were' || l === 'did') {
      const p1 = tok.tokens[i - 1]?.lower;
      const p2 = tok.tokens[i - 2]?.lower;
      if (p1 === 'be' || p1 === 'will' || p1 === 'to' || p1 === 'is' || p1 === 'are' || p1 === 'am' || p1 === "'s" || p1 === "'re") return undefined;
      void p2;
      if (tok.tokens[i + 1]?.lower === 'to' && tok.tokens[i + 2]?.tags.has('Verb') && (l === 'was' || l === 'were')) return 'future';
      return 'past';
    }
    return undefined;
  };
  for (let d = 1; d < s.last - s.first; d++) {
    const before = first - d;
    const after = last + d;
    const a = after < s.last ? markerAt(after) : undefined;
    const b = before >= s.first ? markerAt(before) : undefined;
    if (a && b && a !== b) return a === 'future' || b === 'future' ? 'future' : 'past';
    if (a || b) return a ?? b;
    if (before < s.first && after >= s.last) break;
  }
  return undefined;
}
