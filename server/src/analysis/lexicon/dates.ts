// Words of calendar time: month and weekday names, number words, units and named days. Used by
// the date grammar (`analysis/dates/grammar.ts`).

/** Month names and their abbreviations (with or without the dot), lower case -> 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8],
  ['september', 9], ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11],
  ['december', 12], ['dec', 12],
]);

/**
 * Month names of other languages written in Latin script (French, German, Spanish, Italian,
 * Portuguese, Dutch), lower case -> 1..12. Used only in full day-month-year dates ("9 mai 2023",
 * "9. Mai 2023", "9 de mayo de 2023"), where a day and a year leave no doubt, so a non-English
 * article's dates still resolve.
 */
export const FOREIGN_MONTHS: ReadonlyMap<string, number> = new Map(
  [
    'janvier janvier januar enero gennaio janeiro januari',
    'février fevrier februar febrero febbraio fevereiro februari',
    'mars märz marzo marzo março maart',
    'avril april abril aprile abril april',
    'mai mai mayo maggio maio mei',
    'juin juni junio giugno junho juni',
    'juillet juli julio luglio julho juli',
    'août aout august agosto agosto agosto augustus',
    'septembre september septiembre setiembre settembre setembro september',
    'octobre oktober octubre ottobre outubro oktober',
    'novembre november noviembre novembre novembro november',
    'décembre decembre dezember diciembre dicembre dezembro december',
  ].flatMap((names, i) => names.split(' ').map((n) => [n, i + 1] as [string, number])),
);

/** Weekday names and abbreviations, lower case -> 0 (Sunday) .. 6 (Saturday), as `Date.getUTCDay`. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['sun', 0], ['monday', 1], ['mon', 1], ['tuesday', 2], ['tue', 2], ['tues', 2],
  ['wednesday', 3], ['wed', 3], ['thursday', 4], ['thu', 4], ['thur', 4], ['thurs', 4],
  ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6],
]);

const UNITS_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS_WORDS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "two" -> 2, "twenty-five" -> 25, "a"/"an" -> 1, "a couple of" -> 2, "17" -> 17; vague amounts -> a range. */
export function numberValue(word: string): { min: number; max: number } | undefined {
  const w = word.toLowerCase().replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
  if (/^\d+(\.\d+)?$/.test(w)) { const n = Number(w); return { min: n, max: n }; }
  if (w === 'a' || w === 'an' || w === 'one') return { min: 1, max: 1 };
  if (w === 'a couple of' || w === 'a couple' || w === 'couple of') return { min: 2, max: 2 };
  if (w === 'a few' || w === 'few') return { min: 2, max: 5 };
  if (w === 'several') return { min: 3, max: 7 };
  if (w === 'a dozen' || w === 'dozen') return { min: 12, max: 12 };
  if (w === 'half a' || w === 'a half') return { min: 0.5, max: 0.5 };
  const i = UNITS_WORDS.indexOf(w);
  if (i >= 0) return { min: i, max: i };
  const m = /^([a-z]+)(?:[- ]([a-z]+))?$/.exec(w);
  if (m) {
    const t = TENS_WORDS.indexOf(m[1]);
    if (t >= 2) {
      const u = m[2] ? UNITS_WORDS.indexOf(m[2]) : 0;
      if (u >= 0 && u < 10) return { min: t * 10 + u, max: t * 10 + u };
    }
  }
  return undefined;
}

/** A regex source matching a number as words or digits (also "[Ten]", an editor's insertion). */
export const NUMBER_SOURCE =
  '(?:\\d+(?:\\.\\d+)?|\\[?(?:' +
  [...TENS_WORDS.filter(Boolean).map((t) => `${t}(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`),
    ...UNITS_WORDS.slice(1).reverse()].join('|') +
  ')\\]?|a couple of|a few|few|several|a dozen|half a|an?)';

/** Day numbers in ordinal words ("the third of May"). */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
  ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13], ['fourteenth', 14],
  ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18], ['nineteenth', 19], ['twentieth', 20],
  ['twenty-first', 21], ['twenty-second', 22], ['twenty-third', 23], ['thirtieth', 30],
]);

/** Decade words ("the sixties") -> their decade in the century. */
export const DECADE_WORDS = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'];

/**
 * Named days. `fixed`: month and day; `rule`: computed per year (see `calendar.ts`); neither:
 * a named day the calendar alone cannot place (lunar and national days that vary), value unknown.
 */
export interface NamedDay {
  fixed?: [number, number];
  rule?: 'easter' | 'good-friday' | 'easter-monday' | 'thanksgiving-us' | 'memorial-us' | 'labor-us' | 'mlk' | 'presidents'
    | 'mothers-us' | 'fathers';
}

export const NAMED_DAYS: ReadonlyMap<string, NamedDay> = new Map<string, NamedDay>([
  ["new year's day", { fixed: [1, 1] }], ["new year's eve", { fixed: [12, 31] }],
  ['christmas day', { fixed: [12, 25] }], ['christmas eve', { fixed: [12, 24] }], ['christmas', { fixed: [12, 25] }],
  ['boxing day', { fixed: [12, 26] }], ["valentine's day", { fixed: [2, 14] }], ["st. valentine's day", { fixed: [2, 14] }],
  ['halloween', { fixed: [10, 31] }], ['fourth of july', { fixed: [7, 4] }], ["st. patrick's day", { fixed: [3, 17] }], ["saint patrick's day", { fixed: [3, 17] }],
  ["st patrick's day", { fixed: [3, 17] }], ['waitangi day', { fixed: [2, 6] }], ['australia day', { fixed: [1, 26] }],
  ['anzac day', { fixed: [4, 25] }], ['canada day', { fixed: [7, 1] }], ['bastille day', { fixed: [7, 14] }],
  ['remembrance day', { fixed: [11, 11] }], ['armistice day', { fixed: [11, 11] }], ['veterans day', { fixed: [11, 11] }],
  ["veterans' day", { fixed: [11, 11] }], ['guy fawkes night', { fixed: [11, 5] }], ['bonfire night', { fixed: [11, 5] }],
  ['may day', { fixed: [5, 1] }], ["international women's day", { fixed: [3, 8] }], ["women's day", { fixed: [3, 8] }],
  ['world aids day', { fixed: [12, 1] }], ['earth day', { fixed: [4, 22] }], ['juneteenth', { fixed: [6, 19] }],
  ['cinco de mayo', { fixed: [5, 5] }], ['holocaust remembrance day', { fixed: [1, 27] }], ['human rights day', { fixed: [12, 10] }],
  ["april fools' day", { fixed: [4, 1] }], ["april fool's day", { fixed: [4, 1] }], ['epiphany', { fixed: [1, 6] }],
  ['all saints day', { fixed: [11, 1] }], ["all saints' day", { fixed: [11, 1] }], ["st. andrew's day", { fixed: [11, 30] }],
  ["st. george's day", { fixed: [4, 23] }], ["st. david's day", { fixed: [3, 1] }], ['independence day', {}],
  ['easter sunday', { rule: 'easter' }], ['easter', { rule: 'easter' }], ['good friday', { rule: 'good-friday' }],
  ['easter monday', { rule: 'easter-monday' }], ['thanksgiving day', { rule: 'thanksgiving-us' }], ['thanksgiving', { rule: 'thanksgiving-us' }],
  ['memorial day', { rule: 'memorial-us' }], ['labor day', { rule: 'labor-us' }], ['martin luther king day', { rule: 'mlk' }],
  ['martin luther king jr. day', { rule: 'mlk' }], ['presidents day', { rule: 'presidents' }], ["presidents' day", { rule: 'presidents' }],
  ["mother's day", {}], ["father's day", { rule: 'fathers' }], ['labour day', {}], ['election day', {}], ['polling day', {}],
  ['eid al-fitr', {}], ['eid al-adha', {}], ['diwali', {}], ['yom kippur', {}], ['rosh hashanah', {}], ['hanukkah', {}],
  ['chinese new year', {}], ['lunar new year', {}], ['national day', {}], ['victory day', {}], ['ashura', {}],
]);
