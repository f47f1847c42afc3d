// Values for the dates of a whole article, in one pass in text order. Relative expressions are
// counted from the article date, or inside a quote from the day the words were said when the
// text gives it; bare weekdays and month-days lean to the past unless their clause points to
// the future; anchored expressions take the date the text last stated for their anchor.
import type { AnalyzedArticle } from '../analyzed';
import type { DateRef } from '../model';
import {
  addMonths, bounds, type Day, dayOf, dayValue, format, namedDayIn, parseIso, precisionOf, rangeValue, type Value, weekday, weekStart, ymd,
} from './calendar';
import { type DateCandidate, type DateExpr, stem, type Tense, type Unit } from './grammar';
import { NAMED_DAYS } from '../lexicon/dates';

interface Item {
  c: DateCandidate;
  /** Inside quotation marks: the speaker's words, not the narrator's. */
  quoted: boolean;
  /** Index of its sentence in the paragraph. */
  sentence: number;
  value: Value | null;
  done: boolean;
}

/** Quoted stretches of a paragraph (relative offsets); an unclosed quote runs to its end. */
function quoteRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length < 2) { re.lastIndex = m.index + 1; continue; }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

export function resolveDateValues(doc: AnalyzedArticle, referenceDate: string | undefined): DateRef[] {
  const ref = parseIso(referenceDate);
  const items: Item[] = [];
  const state = new Resolver();
  for (const para of doc.paragraphs) {
    if (!para.dates.length) continue;
    const quotes = quoteRanges(para.text);
    const list: Item[] = para.dates.map((c) => {
      const rel = c.start - para.start;
      const quoted = quotes.some(([a, b]) => rel >= a && rel < b);
      return { c, quoted, sentence: sentenceOf(para, c.start), value: null, done: false };
    });
    items.push(...list);
    // The narrator's dates first, so a quote can be dated by its paragraph ("On Tuesday he said ...").
    // Sentences are learned as soon as the pass leaves them, so an anchor can be dated earlier
    // in the same paragraph ("The bombing took place in 2005. Two years after the bombing ...").
    let learnedUpTo = 0;
    for (const it of list) {
      if (it.quoted) continue;
      if (it.sentence > learnedUpTo) { state.learn(para, list, learnedUpTo, it.sentence); learnedUpTo = it.sentence; }
      state.resolve(it, list, ref);
    }
    // A quote is dated by a day the narrator gives in the sentences around it ("... today," he
    // said on Wednesday), or by the event its attribution follows ("After the match, he said").
    const afterEvent = AFTER_EVENT.test(outsideText(para.text, quotes)) ? state.lastDay() : undefined;
    for (const it of list) {
      if (!it.quoted) continue;
      const q = quotes.find(([a, b]) => it.c.start - para.start >= a && it.c.start - para.start < b)!;
      const first = sentenceOf(para, para.start + q[0]);
      const last = sentenceOf(para, para.start + Math.max(q[0], q[1] - 1));
      const around = list.find((o) => !o.quoted && o.sentence >= first && o.sentence <= last && o.value && precisionOf(o.value) === 'day' && o.c.expr.kind !== 'vague');
      const said = around ? toDay(around.value!) : afterEvent;
      state.resolve(it, list, said ?? ref);
    }
    state.learn(para, list, learnedUpTo, para.sentences.length);
  }
  // Second pass: an event named before its date is given ("day five" in the headline).
  for (const it of items) {
    if (it.value || it.c.expr.kind !== 'anchored' || !it.c.expr.event) continue;
    it.value = state.byEvent.get(it.c.expr.event) ?? null;
  }
  return items.map((it) => ({ start: it.c.start, end: it.c.end, text: it.c.text, value: format(it.value) }));
}

const AFTER_EVENT = /\b(?:after|following|at the end of)\s+the\s+(?:match|game|race|meeting|ceremony|event|hearing|session|talks|summit|vote|trial|verdict|ruling|final|debate|speech|announcement|attack|incident|fight|bout|concert|show|launch)\b/i;

function outsideText(text: string, quotes: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of quotes) { out += text.slice(at, a) + ' '; at = b; }
  return out + text.slice(at);
}

function sentenceOf(para: AnalyzedArticle['paragraphs'][number], offset: number): number {
  const s = para.sentences;
  for (let i = 0; i < s.length; i++) if (offset < s[i].end) return i;
  return s.length - 1;
}

const toDay = (v: Value): Day => dayOf(v.y, v.m ?? 1, v.d ?? 1);

class Resolver {
  /** Latest narrator's dates, by precision, for anchored expressions. */
  private day?: Value;
  private month?: Value;
  private any?: Value;
  private year?: number;
  /** Words of sentences that state a date -> that date ("the attack" -> 2020-01-08). */
  readonly byNoun = new Map<string, ({ v: Value; n: number } | undefined)[]>();
  private learned = 0;
  /** Event days by name ("opening night", "day five") -> the first date the text gave them. */
  readonly byEvent = new Map<string, Value>();

  lastDay(): Day | undefined {
    return this.day ? toDay(this.day) : undefined;
  }

  resolve(it: Item, list: Item[], base: Day | undefined): void {
    if (it.done) return;
    it.done = true;
    const e = it.c.expr;
    let v: Value | null = null;
    switch (e.kind) {
      case 'vague': v = null; break;
      case 'calendar': v = this.calendar(e, it, list, base); break;
      case 'named': v = this.named(e.name, e.y, it.c.tense, base); break;
      case 'now': v = base === undefined ? null : now(e.unit, e.offset, !!e.end, base, it.c.tense); break;
      case 'season': v = season(e.season, e.offset, e.y, base); break;
      case 'ago': v = base === undefined ? null : ago(e.unit, e.min, e.max, e.dir, base); break;
      case 'stretch': v = base === undefined ? null : stretch(e.unit, e.min, e.max, e.dir, base); break;
      case 'anchored': v = this.anchored(e, it, list, base); break;
    }
    it.value = v;
    if (v && !it.quoted && e.kind !== 'vague') {
      const prec = precisionOf(v);
      if (prec === 'day') this.day = v;
      if (prec !== 'year') this.month = v;
      this.any = v;
    }
    if (e.kind === 'calendar' && e.y !== undefined) this.year = e.y;
    if (v && e.kind === 'anchored' && e.event && !this.byEvent.has(e.event)) this.byEvent.set(e.event, v);
  }

  private calendar(e: Extract<DateExpr, { kind: 'calendar' }>, it: Item, list: Item[], base: Day | undefined): Value | null {
    if (e.y !== undefined) {
      if (e.m === undefined) return e.end ? { y: e.y, m: 12 } : { y: e.y };
      return e.d === undefined ? { y: e.y, m: e.m } : { y: e.y, m: e.m, d: e.d };
    }
    if (e.m !== undefined) {
      // "January 23 - March 9 2014": the first endpoint takes the second's year
      if (it.c.rangeEnd !== undefined) {
        const other = list[it.c.rangeEnd]?.c.expr;
        if (other && other.kind === 'calendar' && other.y !== undefined && other.m !== undefined) {
          const y = e.m > other.m ? other.y - 1 : other.y;
          return e.d === undefined ? { y, m: e.m } : { y, m: e.m, d: e.d };
        }
      }
      let y: number | undefined;
      if (base !== undefined) {
        y = yearFor(e.m, e.d, base, it.c.tense, e.dir);
        // "Tuesday, October 4": the weekday picks the year when the nearest one disagrees
        if (e.d !== undefined && e.wd !== undefined && weekday(dayOf(y, e.m, e.d)) !== e.wd) {
          const by = ymd(base).y;
          const fit = [by, by - 1, by + 1].find((yy) => weekday(dayOf(yy, e.m!, e.d!)) === e.wd);
          if (fit !== undefined) y = fit;
        }
      } else y = this.year;
      if (y === undefined) return null;
      return e.d === undefined ? { y, m: e.m } : { y, m: e.m, d: e.d };
    }
    if (e.wd !== undefined) {
      if (base === undefined) return null;
      return dayValue(weekdayFrom(base, e.wd, it.c.tense, e.dir));
    }
    return null;
  }

  private named(name: string, y: number | undefined, tense: Tense | undefined, base: Day | undefined): Value | null {
    const n = NAMED_DAYS.get(name);
    if (!n) return null;
    if (y !== undefined) { const d = namedDayIn(n, y); return d === undefined ? null : dayValue(d); }
    const anchor = base ?? (this.year !== undefined ? dayOf(this.year, 7, 1) : undefined);
    if (anchor === undefined) return null;
    const { y: by } = ymd(anchor);
    const options = [by - 1, by, by + 1].map((yy) => namedDayIn(n, yy)).filter((d): d is Day => d !== undefined);
    if (!options.length) return null;
    if (base === undefined) { const d = namedDayIn(n, by); return d === undefined ? null : dayValue(d); }
    const same = namedDayIn(n, by)!;
    if (tense === 'future') return dayValue(same >= base - 30 ? same : namedDayIn(n, by + 1)!);
    if (tense === 'past') return dayValue(same <= base ? same : namedDayIn(n, by - 1)!);
    return dayValue(same <= base + 183 ? same : namedDayIn(n, by - 1)!);
  }

  private anchored(e: Extract<DateExpr, { kind: 'anchored' }>, it: Item, list: Item[], base: Day | undefined): Value | null {
    // Apposition: "Opening night, January 23, 2014"; "Yesterday, day five of the World Cup"
    if (it.c.apposition !== undefined) {
      const other = list[it.c.apposition];
      if (other) {
        if (!other.done) this.resolve(other, list, base);
        if (other.value) return shift(other.value, e.unit, e.offset);
      }
    }
    let anchor: Value | undefined;
    if (e.event) return this.byEvent.get(e.event) ?? null;
    if (e.noun) {
      // the latest sentence naming the anchor that dates it finely enough for the unit
      const known = this.byNoun.get(e.noun);
      const need = e.unit === 'year' || e.unit === 'decade' || e.unit === 'century' ? 0 : e.unit === 'month' ? 1 : 2;
      let latest: { v: Value; n: number } | undefined;
      for (const x of known?.slice(need) ?? []) if (x && (!latest || x.n > latest.n)) latest = x;
      anchor = latest?.v;
      if (!anchor) return null;
    } else {
      // "the next day", "the evening", "the year before": the last date stated finely enough
      anchor = e.unit === 'year' || e.unit === 'decade' || e.unit === 'century' ? this.any : e.unit === 'month' ? this.month : this.day;
      anchor ??= base !== undefined ? dayValue(base) : undefined;
    }
    if (!anchor) return null;
    if (e.min !== undefined && e.max !== undefined && e.min !== e.max) {
      const sign = Math.sign(e.offset) || 1;
      const a = shift(anchor, e.unit, sign * e.min);
      const b = shift(anchor, e.unit, sign * e.max);
      if (!a || !b) return null;
      return rangeValue(Math.min(bounds(a)[0], bounds(b)[0]), Math.max(bounds(a)[1], bounds(b)[1]));
    }
    return shift(anchor, e.unit, e.offset);
  }

  /** After a paragraph: the words of each sentence that states a date now point to that date. */
  learn(para: AnalyzedArticle['paragraphs'][number], list: Item[], from: number, to: number): void {
    const best = new Map<number, Value>();
    const rank = (v: Value) => (v.d !== undefined ? 2 : v.m !== undefined ? 1 : 0);
    for (const it of list) {
      if (!it.value || it.c.expr.kind === 'vague' || it.sentence < from || it.sentence >= to) continue;
      const cur = best.get(it.sentence);
      if (!cur || rank(it.value) > rank(cur)) best.set(it.sentence, it.value);
    }
    for (const [s, v] of best) {
      const sent = para.sentences[s];
      if (!sent) continue;
      for (let i = sent.first; i < sent.last; i++) {
        const t = para.tokens[i];
        if (!t || !(t.tags.has('Noun') || t.tags.has('Verb')) || t.tags.has('Pronoun') || t.tags.has('Date')) continue;
        const key = stem(t.lower);
        const slots = this.byNoun.get(key) ?? [undefined, undefined, undefined];
        slots[rank(v)] = { v, n: ++this.learned };
        this.byNoun.set(key, slots);
      }
    }
  }
}

/** A value moved by `offset` units; its precision is what the moved span fills. */
function shift(v: Value, unit: Unit, offset: number): Value | null {
  const [a, b] = bounds(v);
  if (offset === 0) {
    // "that year", "that week": the unit around the anchor, never finer than the anchor
    if (unit === 'year' || unit === 'decade' || unit === 'century') return { y: v.y };
    if (unit === 'month') return v.m === undefined ? v : { y: v.y, m: v.m };
    if ((unit === 'week' || unit === 'weekend') && precisionOf(v) === 'day') { const s = weekStart(a); return rangeValue(s, s + 6); }
    return v;
  }
  switch (unit) {
    case 'day': return rangeValue(a + offset, b + offset);
    case 'week': case 'weekend': {
      if (precisionOf(v) !== 'day') return rangeValue(a + 7 * offset, b + 7 * offset);
      const s = weekStart(a + 7 * offset);
      return rangeValue(s, s + 6);
    }
    case 'month': {
      if (precisionOf(v) === 'day') { const x = ymd(addMonths(a, offset)); return { y: x.y, m: x.m }; }
      const x = addMonths(a, offset);
      const y = addMonths(b, offset);
      const yy = ymd(y);
      return rangeValue(x, dayOf(yy.y, yy.m, new Date(Date.UTC(yy.y, yy.m, 0)).getUTCDate()));
    }
    case 'year': return { y: v.y + offset };
    case 'decade': return { y: v.y + 10 * offset };
    case 'century': return { y: v.y + 100 * offset };
  }
  return null;
}

/** The year of a month (and day) without one: the article's, leaning to the past. */
function yearFor(m: number, d: number | undefined, base: Day, tense: Tense | undefined, dir?: -1 | 0 | 1): number {
  const { y, m: bm } = ymd(base);
  if (dir === -1) return d === undefined ? (m < bm ? y : y - 1) : dayOf(y, m, d) < base ? y : y - 1;
  if (dir === 1) return d === undefined ? (m > bm ? y : y + 1) : dayOf(y, m, d) > base ? y : y + 1;
  if (d === undefined) {
    if (tense === 'future') return m < bm ? y + 1 : y;
    if (tense === 'past') return m > bm ? y - 1 : y;
    return m - bm > 6 ? y - 1 : y;
  }
  const day = dayOf(y, m, d);
  if (tense === 'future') return day < base - 60 ? y + 1 : y;
  if (tense === 'past') return day > base + 1 ? y - 1 : y;
  return day > base + 183 ? y - 1 : day < base - 300 ? y + 1 : y;
}

/** A bare weekday: the last one on or before the base day, or the next one when the text points ahead. */
function weekdayFrom(base: Day, wd: number, tense: Tense | undefined, dir?: -1 | 0 | 1): Day {
  const back = (weekday(base) - wd + 7) % 7;
  const fwd = (wd - weekday(base) + 7) % 7;
  if (dir === -1) return base - (back || 7);
  if (dir === 1) return base + (fwd || 7);
  if (tense === 'future') return base + fwd;
  return base - back;
}

function now(unit: Unit, offset: number, end: boolean, base: Day, tense: Tense | undefined): Value | null {
  const { y } = ymd(base);
  switch (unit) {
    case 'day': return dayValue(base + offset);
    case 'week': { const s = weekStart(base) + 7 * offset; return rangeValue(s, s + 6); }
    case 'weekend': {
      const wd = weekday(base);
      let sat: Day;
      if (wd === 6) sat = base;
      else if (wd === 0) sat = base - 1;
      else if (offset === 0 && (tense === 'future' || wd === 5)) sat = base + (6 - wd);
      else sat = base - (wd + 1);
      if (offset < 0 && (wd === 6 || wd === 0)) sat -= 7;
      if (offset > 0) sat = (wd === 6 || wd === 0 ? sat : base + (6 - wd)) + 7 * (offset - 1) + (wd === 6 || wd === 0 ? 7 : 0);
      return rangeValue(sat, sat + 1);
    }
    case 'month': { const d = addMonths(base, offset); const x = ymd(d); return { y: x.y, m: x.m }; }
    case 'year': return end ? { y: y + offset, m: 12 } : { y: y + offset };
    default: return null;
  }
}

function season(s: string, offset: number, y: number | undefined, base: Day | undefined): Value | null {
  if (s === 'winter' && y === undefined) return null;
  if (y !== undefined) return { y };
  if (base === undefined) return null;
  const { y: by, m } = ymd(base);
  const [first, last] = s === 'spring' ? [3, 5] : s === 'summer' ? [6, 8] : [9, 11];
  if (offset === 0) return { y: by };
  if (offset < 0) return { y: m > last ? by : by - 1 };
  return { y: m < first ? by : by + 1 };
}

function ago(unit: Unit, min: number, max: number, dir: -1 | 1, base: Day): Value | null {
  const { y } = ymd(base);
  const point = (n: number): [Day, Day] | null => {
    switch (unit) {
      case 'day': return [base + dir * Math.round(n), base + dir * Math.round(n)];
      case 'week': case 'weekend': { const s = weekStart(base + dir * 7 * Math.round(n)); return [s, s + 6]; }
      case 'month': { const d = addMonths(base, dir * Math.round(n)); const x = ymd(d); return bounds({ y: x.y, m: x.m }); }
      case 'year': return bounds({ y: y + dir * Math.round(n) });
      case 'decade': return bounds({ y: y + dir * Math.round(10 * n) });
      case 'century': return bounds({ y: y + dir * Math.round(100 * n) });
    }
    return null;
  };
  const a = point(min);
  const b = point(max);
  if (!a || !b) return null;
  return rangeValue(Math.min(a[0], b[0]), Math.max(a[1], b[1]));
}

function stretch(unit: Unit, min: number, max: number, dir: -1 | 1, base: Day): Value | null {
  void min;
  let far: Day;
  switch (unit) {
    case 'day': far = base + dir * max; break;
    case 'week': case 'weekend': far = base + dir * 7 * max; break;
    case 'month': far = addMonths(base, dir * max); break;
    case 'year': far = addMonths(base, dir * 12 * max); break;
    default: return null;
  }
  return rangeValue(Math.min(base, far), Math.max(base, far));
}
