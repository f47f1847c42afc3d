// Calendar arithmetic on plain days (UTC, no time of day, never the machine's clock) and the
// normalized values of the guidelines: the smallest of YYYY-MM-DD, YYYY-MM, YYYY containing a span.
import type { NamedDay } from '../lexicon/dates';

/** A day as a count of days since 1970-01-01. */
export type Day = number;

const MS = 86_400_000;

export function dayOf(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS);
}

export function ymd(day: Day): { y: number; m: number; d: number } {
  const t = new Date(day * MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function weekday(day: Day): number {
  return new Date(day * MS).getUTCDay();
}

export function parseIso(value: string | undefined): Day | undefined {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!m) return undefined;
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `n` months after the day's month (negative: before), day clamped to the month's length. */
export function addMonths(day: Day, n: number): Day {
  const { y, m, d } = ymd(day);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A normalized value: what part of the calendar an expression names. */
export interface Value {
  y: number;
  m?: number;
  d?: number;
}

export type Precision = 'day' | 'month' | 'year';

export function precisionOf(v: Value): Precision {
  return v.d !== undefined ? 'day' : v.m !== undefined ? 'month' : 'year';
}

export function format(v: Value | null | undefined): string | null {
  if (!v || v.y < 1 || v.y > 9999) return null;
  if (v.m === undefined) return pad(v.y, 4);
  if (v.d === undefined) return `${pad(v.y, 4)}-${pad(v.m)}`;
  return `${pad(v.y, 4)}-${pad(v.m)}-${pad(v.d)}`;
}

export function dayValue(day: Day): Value {
  return ymd(day);
}

/** The smallest day, month or year holding every day from `a` to `b`; null across years. */
export function rangeValue(a: Day, b: Day): Value | null {
  const x = ymd(Math.min(a, b));
  const y = ymd(Math.max(a, b));
  if (x.y !== y.y) return null;
  if (x.m !== y.m) return { y: x.y };
  if (x.d !== y.d) return { y: x.y, m: x.m };
  return x;
}

/** The first and last day of a value. */
export function bounds(v: Value): [Day, Day] {
  if (v.d !== undefined && v.m !== undefined) { const d = dayOf(v.y, v.m, v.d); return [d, d]; }
  if (v.m !== undefined) return [dayOf(v.y, v.m, 1), dayOf(v.y, v.m, daysInMonth(v.y, v.m))];
  return [dayOf(v.y, 1, 1), dayOf(v.y, 12, 31)];
}

/** Monday of the week holding `day` (weeks run Monday to Sunday). */
export function weekStart(day: Day): Day {
  return day - ((weekday(day) + 6) % 7);
}

/** The `n`th given weekday (0 Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): Day {
  if (n < 0) {
    const last = dayOf(y, m, daysInMonth(y, m));
    return last - ((weekday(last) - wd + 7) % 7);
  }
  const first = dayOf(y, m, 1);
  return first + ((wd - weekday(first) + 7) % 7) + 7 * (n - 1);
}

/** Easter Sunday (Gregorian, anonymous computus). */
function easter(y: number): Day {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayOf(y, month, day);
}

/** The day a named day falls on in year `y`, if the calendar alone can tell. */
export function namedDayIn(named: NamedDay, y: number): Day | undefined {
  if (named.fixed) return dayOf(y, named.fixed[0], named.fixed[1]);
  switch (named.rule) {
    case 'easter': return easter(y);
    case 'good-friday': return easter(y) - 2;
    case 'easter-monday': return easter(y) + 1;
    case 'thanksgiving-us': return nthWeekday(y, 11, 4, 4);
    case 'memorial-us': return nthWeekday(y, 5, 1, -1);
    case 'labor-us': return nthWeekday(y, 9, 1, 1);
    case 'mlk': return nthWeekday(y, 1, 1, 3);
    case 'presidents': return nthWeekday(y, 2, 1, 3);
    case 'mothers-us': return nthWeekday(y, 5, 0, 2);
    case 'fathers': return nthWeekday(y, 6, 0, 3);
    default: return undefined;
  }
}
