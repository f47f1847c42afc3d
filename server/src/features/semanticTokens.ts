// Semantic tokens: quotes, people, organizations, places and dates, full, by range and as
// deltas. Names and dates are painted over the quotes they stand in, so tokens never overlap,
// and a token that crosses a line break is cut at it, as LSP requires.
//
// A delta is asked for on every keystroke, so it must not cost the whole document (issue #4):
// painting is one linear pass over annotations that come in text order, into columns rather
// than an object per item, and only the items between those an edit left alone before it and
// those it only moved after it are encoded again.
import type { CancellationToken, Range, SemanticTokens, SemanticTokensDelta, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver';
import type { Category } from '../protocol';
import type { AnalyzedDocument } from '../articles';
import type { DateRef, Mention, Quote } from '../analysis/model';

export const TOKEN_TYPES = ['quote', 'person', 'organization', 'place', 'date'] as const;
/** `speaker`: the mention a quote is attributed to; `partial`/`reported`: kinds of quote; `unresolved`: a date with no calendar value. */
export const TOKEN_MODIFIERS = ['speaker', 'partial', 'reported', 'unresolved'] as const;
export const LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = typeof TOKEN_TYPES[number];
type Modifier = typeof TOKEN_MODIFIERS[number];

/** The category that switches each token type (by its index in TOKEN_TYPES) on and off. */
const CATEGORY: readonly Category[] = ['quotes', 'people', 'organizations', 'places', 'dates'];
const QUOTE = 0;
const DATE = 4;
/** A mention's token type by its entity type; a type with no token type is not painted. */
const TYPE_OF_ENTITY = new Map<string, number>([['Person', 1], ['Organization', 2], ['Place', 3]]);

interface Painted {
  start: number;
  end: number;
  type: TokenType;
  modifiers: number;
}

const bit = (m: Modifier) => 1 << TOKEN_MODIFIERS.indexOf(m);
const SPEAKER = bit('speaker');
const PARTIAL = bit('partial');
const REPORTED = bit('reported');
const UNRESOLVED = bit('unresolved');

const isBreak = (c: number) => c === 10 || c === 13;

/**
 * Spans as columns (type by its index in TOKEN_TYPES): the annotations as read, and the painted
 * items. Repainting on every keystroke then makes next to no garbage.
 */
class Strip {
  length = 0;
  start: Int32Array;
  end: Int32Array;
  type: Uint8Array;
  modifiers: Uint8Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.type = new Uint8Array(capacity);
    this.modifiers = new Uint8Array(capacity);
  }

  push(start: number, end: number, type: number, modifiers: number): void {
    if (this.length === this.start.length) this.reserve(2 * this.length + 16);
    const i = this.length++;
    this.start[i] = start;
    this.end[i] = end;
    this.type[i] = type;
    this.modifiers[i] = modifiers;
  }

  copy(from: Strip, i: number): void {
    this.push(from.start[i], from.end[i], from.type[i], from.modifiers[i]);
  }

  /** Empties the strip, keeping room for `capacity` items. */
  reset(capacity: number): this {
    this.length = 0;
    if (this.start.length < capacity) this.reserve(capacity);
    return this;
  }

  /** `into` (emptied), or a new strip, made a copy of this one. */
  copyInto(into = new Strip(this.length)): Strip {
    into.reset(this.length);
    into.start.set(this.start.subarray(0, this.length));
    into.end.set(this.end.subarray(0, this.length));
    into.type.set(this.type.subarray(0, this.length));
    into.modifiers.set(this.modifiers.subarray(0, this.length));
    into.length = this.length;
    return into;
  }

  /** Orders the items by start, stably. */
  sortByStart(): void {
    const order = Array.from({ length: this.length }, (_, k) => k).sort((a, b) => this.start[a] - this.start[b]);
    const was = this.copyInto();
    this.length = 0;
    for (const k of order) this.copy(was, k);
  }

  private reserve(capacity: number): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T, b: T) => (b.set(a.subarray(0, this.length)), b);
    this.start = grow(this.start, new Int32Array(capacity));
    this.end = grow(this.end, new Int32Array(capacity));
    this.type = grow(this.type, new Uint8Array(capacity));
    this.modifiers = grow(this.modifiers, new Uint8Array(capacity));
  }
}

/** The type of a mention whose entity type has no token type: never painted. */
const NONE = 255;

// Requests run one at a time, so one set of strips serves every paint: the annotations read
// into columns, and two for the layers painted from them (the result is in one of those).
const names = new Strip(1024);
const dated = new Strip(1024);
const quoted = new Strip(1024);
const layers = [new Strip(1024), new Strip(1024)];
let speakers = new Uint8Array(1024);

/** Every highlighted stretch of text, non-overlapping, in text order. */
export function paint(doc: AnalyzedDocument, enabled: Record<Category, boolean>, token?: CancellationToken): Painted[] {
  const strip = paintStrip(doc, enabled, token);
  const out: Painted[] = [];
  for (let i = 0; strip && i < strip.length; i++) {
    out.push({ start: strip.start[i], end: strip.end[i], type: TOKEN_TYPES[strip.type[i]], modifiers: strip.modifiers[i] });
  }
  return out;
}

/** `paint`'s items, in a strip the next paint reuses (copy it to keep it); undefined when cancelled. */
function paintStrip(doc: AnalyzedDocument, enabled: Record<Category, boolean>, token?: CancellationToken): Strip | undefined {
  const { mentions, dates, quotes } = doc.annotations;
  if (token?.isCancellationRequested) return undefined;
  // Each annotation is read once, into columns: reading objects of many shapes is the slow
  // part. One small function a list, so that each is optimized whole and a new shape among the
  // annotations costs one of them, not a loop that keeps being left for the interpreter. The
  // loops write the columns themselves rather than call a method an item: until the code is
  // optimized (the first keystrokes), calls are what costs.
  readQuotes(quotes, mentions.length);
  readMentions(mentions);
  readDates(dates);

  // Higher layers first: names and dates, then quotes, then reported speech beneath them.
  // Within one layer, the first of two overlapping items (by start, names before dates at the
  // same start) wins. Each list comes in text order, so the first layer is a merge, not a
  // sort; a list out of order is sorted first, stably, so the winner stays the same.
  const on = CATEGORY.map((c) => enabled[c]);
  const named = paintNamesAndDates(on, layers[0]);
  if (!on[QUOTE]) return named;
  if (token?.isCancellationRequested) return undefined;
  const withQuotes = underneath(named, false, layers[1]);
  if (token?.isCancellationRequested) return undefined;
  // The names are in `withQuotes` now, so their strip takes the last layer.
  return underneath(withQuotes, true, named);
}

function readQuotes(quotes: readonly Quote[], mentionCount: number): void {
  if (speakers.length < mentionCount) speakers = new Uint8Array(2 * mentionCount);
  else speakers.fill(0, 0, mentionCount);
  const { start, end, type, modifiers } = quoted.reset(quotes.length);
  let sorted = true;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i];
    if (q.speaker && q.speaker.mention < mentionCount) speakers[q.speaker.mention] = 1;
    start[i] = q.start;
    end[i] = q.end;
    type[i] = QUOTE;
    modifiers[i] = q.kind === 'reported' ? REPORTED : q.kind === 'partial' ? PARTIAL : 0;
    if (i > 0 && start[i - 1] > start[i]) sorted = false;
  }
  quoted.length = quotes.length;
  if (!sorted) quoted.sortByStart();
}

function readMentions(mentions: readonly Mention[]): void {
  const { start, end, type, modifiers } = names.reset(mentions.length);
  let sorted = true;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    start[i] = m.start;
    end[i] = m.end;
    type[i] = TYPE_OF_ENTITY.get(m.type) ?? NONE;
    modifiers[i] = speakers[i] ? SPEAKER : 0;
    if (i > 0 && start[i - 1] > start[i]) sorted = false;
  }
  names.length = mentions.length;
  if (!sorted) names.sortByStart();
}

function readDates(dates: readonly DateRef[]): void {
  const { start, end, type, modifiers } = dated.reset(dates.length);
  let sorted = true;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    start[i] = d.start;
    end[i] = d.end;
    type[i] = DATE;
    modifiers[i] = d.value ? 0 : UNRESOLVED;
    if (i > 0 && start[i - 1] > start[i]) sorted = false;
  }
  dated.length = dates.length;
  if (!sorted) dated.sortByStart();
}

/** The first layer, into `out`: names and dates merged in text order, those switched on. */
function paintNamesAndDates(on: readonly boolean[], out: Strip): Strip {
  const { start: outStart, end: outEnd, type: outType, modifiers: outModifiers } = out.reset(names.length + dated.length);
  let n = 0;
  let layerEnd = 0;
  for (let i = 0, j = 0; i < names.length || j < dated.length;) {
    const from = j >= dated.length || (i < names.length && names.start[i] <= dated.start[j]) ? names : dated;
    const k = from === names ? i++ : j++;
    const end = from.end[k];
    if (!on[from.type[k]] || end <= from.start[k]) continue;
    const start = Math.max(from.start[k], layerEnd);
    if (start >= end) continue;
    outStart[n] = start;
    outEnd[n] = end;
    outType[n] = from.type[k];
    outModifiers[n++] = from.modifiers[k];
    layerEnd = end;
  }
  out.length = n;
  return out;
}

/**
 * `painted` (sorted, non-overlapping) with the quotes of one layer (reported speech, or the
 * others) painted into the gaps it leaves, into `out`, in one pass: the quotes come in text
 * order, so each one's search starts where the last one's stopped.
 */
function underneath(painted: Strip, reported: boolean, out: Strip): Strip {
  // Each piece of a quote ends where a painted item starts or where the quote ends.
  const { start: outStart, end: outEnd, type: outType, modifiers: outModifiers } = out.reset(2 * painted.length + quoted.length);
  const { start: paintedStart, end: paintedEnd, type: paintedType, modifiers: paintedModifiers } = painted;
  let n = 0;
  let i = 0;
  // The end of the last painted item copied: it may reach past the quote that copied it.
  let covered = 0;
  let layerEnd = 0;
  for (let k = 0; k < quoted.length; k++) {
    const modifiers = quoted.modifiers[k];
    const end = quoted.end[k];
    if ((modifiers === REPORTED) !== reported || end <= quoted.start[k]) continue;
    const start = Math.max(quoted.start[k], layerEnd);
    if (start >= end) continue;
    layerEnd = end;
    let pos = Math.max(start, covered);
    // The painted items up to the quote's end are copied in order; the gaps among them from
    // `pos` on get pieces of the quote.
    for (; i < painted.length && paintedStart[i] < end; i++) {
      if (paintedEnd[i] > pos) {
        if (paintedStart[i] > pos) {
          outStart[n] = pos;
          outEnd[n] = paintedStart[i];
          outType[n] = QUOTE;
          outModifiers[n++] = modifiers;
        }
        pos = covered = paintedEnd[i];
      }
      outStart[n] = paintedStart[i];
      outEnd[n] = paintedEnd[i];
      outType[n] = paintedType[i];
      outModifiers[n++] = paintedModifiers[i];
    }
    if (pos < end) {
      outStart[n] = pos;
      outEnd[n] = end;
      outType[n] = QUOTE;
      outModifiers[n++] = modifiers;
    }
  }
  for (; i < painted.length; i++, n++) {
    outStart[n] = paintedStart[i];
    outEnd[n] = paintedEnd[i];
    outType[n] = paintedType[i];
    outModifiers[n] = paintedModifiers[i];
  }
  out.length = n;
  return out;
}

/** LSP's relative encoding, cutting tokens at line breaks; only tokens touching `range` when given. */
export function encode(doc: AnalyzedDocument, painted: Painted[], range?: Range): number[] {
  const strip = new Strip(painted.length);
  for (const p of painted) strip.push(p.start, p.end, TOKEN_TYPES.indexOf(p.type), p.modifiers);
  return encodeStrip(doc, strip, range);
}

function encodeStrip(doc: AnalyzedDocument, strip: Strip, range?: Range): number[] {
  const data: number[] = [];
  if (!range) {
    encodeItems(doc, strip, 0, strip.length, data, undefined, 0, 0);
    return data;
  }
  const from = doc.lines.offsetAt(range.start);
  const to = doc.lines.offsetAt(range.end);
  // Painted items do not overlap, so their ends ascend with their starts.
  let lo = 0;
  let hi = strip.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strip.end[mid] <= from) lo = mid + 1;
    else hi = mid;
  }
  hi = lo;
  while (hi < strip.length && strip.start[hi] < to) hi++;
  encodeItems(doc, strip, lo, hi, data, undefined, 0, 0);
  return data;
}

/**
 * Appends the tokens of items `lo..hi` of `strip` to `data`, the first relative to a token at
 * (`line`, `character`); `at`, when given, gets at [k] where item k's tokens begin in `data`.
 * Lines are counted on from the first token, finding line breaks with `indexOf` (natively)
 * rather than looking at each character or looking each token's line up.
 */
function encodeItems(doc: AnalyzedDocument, strip: Strip, lo: number, hi: number, data: number[], at: Int32Array | undefined, line: number, character: number): void {
  const text = doc.text;
  // The line of the last token, where that line starts, and the next "\n" and "\r" from there.
  let lineNo = -1;
  let lineStart = 0;
  let nextLF = 0;
  let nextCR = 0;
  const next = (ch: string, from: number) => {
    const i = text.indexOf(ch, from);
    return i < 0 ? Infinity : i;
  };
  for (let k = lo; k < hi; k++) {
    if (at) at[k] = data.length;
    const end = strip.end[k];
    const type = strip.type[k];
    const modifiers = strip.modifiers[k];
    let s = strip.start[k];
    for (;;) {
      // A token never starts on a line break (not even on the "\n" of "\r\n").
      while (s < end && isBreak(text.charCodeAt(s))) s++;
      if (s >= end) break;
      if (lineNo < 0) {
        const pos = doc.lines.positionAt(s);
        lineNo = pos.line;
        lineStart = s - pos.character;
        nextLF = next('\n', s);
        nextCR = next('\r', s);
      }
      // Count the line breaks before `s` as LineIndex does: "\r\n", "\n" or "\r".
      while (nextLF < s || nextCR < s) {
        if (nextCR < nextLF) lineStart = nextCR + 1 === nextLF ? nextLF + 1 : nextCR + 1;
        else lineStart = nextLF + 1;
        lineNo++;
        if (nextLF < lineStart) nextLF = next('\n', lineStart);
        if (nextCR < lineStart) nextCR = next('\r', lineStart);
      }
      const e = Math.min(end, nextLF, nextCR);
      const ch = s - lineStart;
      data.push(lineNo - line, lineNo === line ? ch - character : ch, e - s, type, modifiers);
      line = lineNo;
      character = ch;
      s = e;
    }
  }
}

/** Where the last token of item `k` starts; undefined when the item is all line breaks. */
function lastTokenStart(text: string, strip: Strip, k: number): number | undefined {
  const start = strip.start[k];
  let i = strip.end[k] - 1;
  while (i >= start && isBreak(text.charCodeAt(i))) i--;
  if (i < start) return undefined;
  while (i > start && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** How many leading UTF-16 units `a` and `b` share, up to `max`. */
function commonPrefix(a: string, b: string, max: number): number {
  let i = 0;
  // Whole blocks first: comparing substrings runs natively, a loop over characters does not.
  for (let step = 4096; step > 1; step >>= 3) {
    while (i + step <= max && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  }
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many trailing UTF-16 units `a` and `b` share, up to `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (let step = 4096; step > 1; step >>= 3) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

// The comparisons of old and new items are written out, not called an item: until the code is
// optimized (the first keystrokes), calls are what costs.

/** How many leading items of `old` and `painted` are the same and end by `head`. */
function unchangedBefore(old: Strip, painted: Strip, head: number): number {
  const { start: oldStart, end: oldEnd, type: oldType, modifiers: oldModifiers } = old;
  const { start: newStart, end: newEnd, type: newType, modifiers: newModifiers } = painted;
  const most = Math.min(old.length, painted.length);
  let k = 0;
  while (
    k < most && newEnd[k] <= head && oldStart[k] === newStart[k] && oldEnd[k] === newEnd[k]
    && oldType[k] === newType[k] && oldModifiers[k] === newModifiers[k]
  ) k++;
  return k;
}

/** How many trailing items of `old`, from `oldTail` on and moved by `shift`, are those of `painted`; `before` of each are taken. */
function movedAfter(old: Strip, painted: Strip, before: number, oldTail: number, shift: number): number {
  const { start: oldStart, end: oldEnd, type: oldType, modifiers: oldModifiers } = old;
  const { start: newStart, end: newEnd, type: newType, modifiers: newModifiers } = painted;
  const most = Math.min(old.length, painted.length) - before;
  let n = 0;
  for (let i = old.length - 1, j = painted.length - 1; n < most; i--, j--, n++) {
    if (oldStart[i] < oldTail || oldStart[i] + shift !== newStart[j] || oldEnd[i] + shift !== newEnd[j]) break;
    if (oldType[i] !== newType[j] || oldModifiers[i] !== newModifiers[j]) break;
  }
  return n;
}

interface Sent {
  id: string;
  text: string;
  painted: Strip;
  /** The tokens as the client holds them: ours alone, edited in place by each delta. */
  data: number[];
  /** Where each painted item's tokens begin in `data` (an item may give none, or several), then `data.length`; maybe room to spare after. */
  at: Int32Array;
}

/**
 * Remembers the last tokens sent for each document, with the painted items and text they came
 * from, so the next request can be answered with one edit: the changed middle between the items
 * an edit left alone before it and those it only moved after it. Only that middle is encoded.
 */
export class SemanticTokensProvider {
  private readonly last = new Map<string, Sent>();
  private counter = 0;
  /** The columns of a result no longer remembered, for the next delta to reuse. */
  private spare?: { painted: Strip; at: Int32Array };

  full(doc: AnalyzedDocument, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens {
    const painted = paintStrip(doc, enabled, token);
    // Painting stops short when cancelled: answer empty and remember nothing, so that the
    // next delta still starts from what the client holds.
    if (!painted) return { data: [] };
    const data: number[] = [];
    const at = new Int32Array(painted.length + 1);
    encodeItems(doc, painted, 0, painted.length, data, at, 0, 0);
    at[painted.length] = data.length;
    const resultId = String(++this.counter);
    this.last.set(doc.uri, { id: resultId, text: doc.text, painted: painted.copyInto(), data, at });
    // A copy: ours is edited in place by later deltas, and the caller may still hold this one.
    return { resultId, data: data.slice() };
  }

  range(doc: AnalyzedDocument, range: Range, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens {
    const painted = paintStrip(doc, enabled, token);
    return { data: painted ? encodeStrip(doc, painted, range) : [] };
  }

  delta(doc: AnalyzedDocument, previousResultId: string, enabled: Record<Category, boolean>, token?: CancellationToken): SemanticTokens | SemanticTokensDelta {
    const previous = this.last.get(doc.uri);
    if (!previous || previous.id !== previousResultId) return this.full(doc, enabled, token);
    const painted = paintStrip(doc, enabled, token);
    if (!painted) return { data: [] };
    const { text: oldText, painted: old, data, at } = previous;
    const text = doc.text;
    const shift = text.length - oldText.length;
    const shortest = Math.min(oldText.length, text.length);
    const head = commonPrefix(oldText, text, shortest);
    const tail = commonSuffix(oldText, text, shortest - head);

    // Items wholly in the unchanged text before the edit encode as they did. Items wholly in
    // the unchanged text after it, moved by `shift`, do too, relative to one another: their
    // line breaks and line starts moved with them. Of their tokens only the first may change
    // (its line, or where on its line it starts, or the token before it), so the items up to
    // the first with a token (one all line breaks has none) are encoded again.
    const before = unchangedBefore(old, painted, head);
    const after = movedAfter(old, painted, before, oldText.length - tail, shift);
    let hi = painted.length - after;
    let oldHi = old.length - after;
    while (oldHi < old.length && at[oldHi] === at[oldHi + 1]) oldHi++, hi++;
    if (oldHi < old.length) oldHi++, hi++;

    // The tokens of the changed middle, relative to the last token before it.
    let line = 0;
    let character = 0;
    for (let k = before - 1; k >= 0; k--) {
      if (at[k] === at[k + 1]) continue;
      ({ line, character } = doc.lines.positionAt(lastTokenStart(text, painted, k)!));
      break;
    }
    const middle: number[] = [];
    const nextAt = this.spare && this.spare.at.length > painted.length ? this.spare.at : new Int32Array(painted.length + 1 + (painted.length >> 3));
    nextAt.set(at.subarray(0, before));
    encodeItems(doc, painted, before, hi, middle, nextAt, line, character);
    const from = at[before];
    const to = at[oldHi];
    for (let k = before; k < hi; k++) nextAt[k] += from;
    const moved = middle.length - (to - from);
    nextAt.set(at.subarray(oldHi, old.length + 1), hi);
    if (moved) for (let k = hi; k <= painted.length; k++) nextAt[k] += moved;

    // The edit: the middle, less what it shares with the old tokens at either end.
    let lead = 0;
    while (lead < middle.length && from + lead < to && middle[lead] === data[from + lead]) lead++;
    let trail = 0;
    while (trail < middle.length - lead && to - trail > from + lead && middle[middle.length - 1 - trail] === data[to - 1 - trail]) trail++;
    const edit: SemanticTokensEdit = { start: from + lead, deleteCount: to - trail - (from + lead), data: middle.slice(lead, middle.length - trail) };
    const resultId = String(++this.counter);
    this.last.set(doc.uri, { id: resultId, text, painted: painted.copyInto(this.spare?.painted), data: applied(data, edit), at: nextAt });
    this.spare = { painted: old, at };
    if (!edit.deleteCount && !edit.data!.length) return { resultId, edits: [] };
    return { resultId, edits: [edit] };
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}

/** `data` with `edit` applied: in place while the inserted part is small enough to pass as arguments. */
function applied(data: number[], edit: SemanticTokensEdit): number[] {
  const inserted = edit.data ?? [];
  if (inserted.length <= 10_000) {
    data.splice(edit.start, edit.deleteCount, ...inserted);
    return data;
  }
  return data.slice(0, edit.start).concat(inserted, data.slice(edit.start + edit.deleteCount));
}
