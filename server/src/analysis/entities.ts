// Entities: Person, Organization and Place mentions, found per paragraph and grouped into
// entities across the article.
//
// Per paragraph, a chunker walks compromise's tokens and collects runs of capitalised words
// ("Church of Scientology", "Qais al-Khazali", "Baghdad International Airport"), cleans them
// (no title, possessive, leading "the" or demonym) and types them from general lexicons (places,
// organisation and place head words, titles, compromise's name tags). Across the article,
// mentions of one entity are grouped (a surname joins the full name, an acronym the name it was
// introduced with) and the article's own evidence fixes the type of the uncertain ones.
import type { AnalyzedArticle, MentionCandidate } from './analyzed';
import type { Entity, EntityType, Mention } from './model';
import type { Token, Tokenized } from './nlp';
import { MAX_TITLE_WORDS, TITLES, WEAK_TITLES } from './lexicon/honorifics';
import { isForeignProse } from './lexicon/languages';
import {
  CAPTION_LABELS, COMMON_WORDS, EVENT_HEADS, HYPHEN_PREFIXES, HYPHEN_SUFFIXES, INNER_POSSESSIVES, NOT_ACRONYMS, NOT_NAMES,
  ORG_CUES_AFTER, ORG_CUES_BEFORE, PERSON_CUES_AFTER, PLACE_CUES_AFTER, PLACE_CUES_BEFORE,
  LOCATIVE_BEFORE, AFFILIATION_ROLES, EVENT_FIRST,
} from './lexicon/names';
import {
  AMBIGUOUS_HEADS, KNOWN_ORGS, PRODUCTS, LEADING_PARTICLES, NAME_PARTICLES, NEWSGROUP_ROOTS, ORG_FIRST, ORG_HEADS, THE_HEADS, TLDS,
} from './lexicon/organizations';
import { isEnglishWord } from './lexicon/english';
import { COMPASS, isCountry, isDemonym, isPlaceName, PLACE_FIRST, PLACE_HEADS } from './lexicon/places';

// ---------------------------------------------------------------------------------------------
// Pieces: words split at hyphens, with how each joins the one before.

type Join = 'space' | 'hyphen' | 'break';

interface Piece {
  text: string;
  start: number;
  end: number;
  tok: Token;
  /** How this piece joins the previous one in the same sentence. */
  join: Join;
  /** First word of a sentence, a quotation or a line after a colon: its capital says nothing. */
  initial: boolean;
  /** Written after a prefix and a hyphen ("pro-Beijing"): a name of one word or one place. */
  prefixed?: boolean;
  /** In a line written in Title Case, where a capital says little. */
  titleCase?: boolean;
}

/** A candidate with what the paragraph alone could not settle. */
interface Found extends MentionCandidate {
  /** A guess: kept only if the rest of the article supports it. */
  weak?: boolean;
}

const POSSESSIVE = /(?:[’']s|s[’'])$/i;

function isCap(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

function lower(s: string): string {
  return s.replace(/[’‘]/g, "'").toLowerCase();
}

function isAcronym(text: string): boolean {
  const letters = text.replace(/[.&]/g, '');
  return letters.length >= 2 && /^[\p{Lu}\d]+$/u.test(letters) && /\p{Lu}.*\p{Lu}|^\p{Lu}\d|\d\p{Lu}/u.test(letters)
    && !NOT_ACRONYMS.has(letters);
}

function stripPossessive(word: string): string {
  return word.replace(/[’']s$/i, '').replace(/s[’']$/i, 's');
}

function piecesOf(text: string, tok: Tokenized): Piece[][] {
  const out: Piece[][] = [];
  for (const s of tok.sentences) {
    const pieces: Piece[] = [];
    for (let i = s.first; i < s.last; i++) {
      const t = tok.tokens[i];
      const prev = pieces[pieces.length - 1];
      let join: Join = 'break';
      let initial = i === s.first;
      if (prev) {
        const gap = text.slice(prev.end, t.start);
        if (/^ +$/.test(gap)) join = 'space';
        else if (gap === '-' || gap === '‐') join = 'hyphen';
        // "John F. Kennedy", "Dr. Smith"
        else if (/^\. $/.test(gap) && (/^\p{Lu}$/u.test(prev.text) || TITLES.has(lower(prev.text) + '.'))) join = 'space';
        if (/[“"‘:]\s*$/.test(gap) || /^\s*['‘]/.test(gap) && !/\p{L}/u.test(gap)) initial = true;
        if (/[.!?]["”’)]*\s+$/.test(gap) && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}\.?$/u.test(prev.text) && !TITLES.has(lower(prev.text) + '.')) initial = true;
      }
      const parts = splitHyphens(t.text);
      let at = t.start;
      parts.forEach((p, k) => {
        pieces.push({ text: p, start: at, end: at + p.length, tok: t, join: k === 0 ? join : 'hyphen', initial: k === 0 && initial });
        at += p.length + 1;
      });
    }
    // A headline in Title Case: most words capitalised, small words included.
    const lowerWords = pieces.filter((p) => /^\p{Ll}{4,}/u.test(p.text)).length;
    const capitalSmallWords = pieces.filter((p, k) => k > 0 && isCap(p.text) && !p.initial && !properTags(p.tok)
      && lower(p.text) !== 'the' && (COMMON_WORDS.has(lower(p.text)) || p.tok.tags.has('Verb'))).length;
    if (pieces.length >= 4 && (lowerWords === 0 && capitalSmallWords >= 1 || lowerWords === 1 && capitalSmallWords >= 2)) {
      for (const p of pieces) p.titleCase = true;
    }
    // A piece after a prefix and a hyphen ("pro-Beijing", "anti-Pyongyang").
    for (let k = 1; k < pieces.length; k++) {
      if (pieces[k].join === 'hyphen' && HYPHEN_PREFIXES.has(lower(pieces[k - 1].text)) && !TITLES.has(lower(pieces[k].text))) {
        pieces[k].prefixed = true;
        pieces[k].initial = pieces[k - 1].initial;
      }
    }
    out.push(pieces);
  }
  return out;
}

function splitHyphens(word: string): string[] {
  if (!word.includes('-') || isWebName(word)) return [word];
  const parts = word.split('-');
  if (parts.some((p) => !p)) return [word];
  return parts;
}

function isWebName(word: string): boolean {
  const w = word.replace(/[.,;:]+$/, '');
  if (/^(https?:\/\/|www\.)/i.test(w)) return true;
  const parts = w.split('.');
  if (parts.length < 2 || parts.some((p) => !/^[\p{L}\d-]+$/u.test(p))) return false;
  if (TLDS.has(parts[parts.length - 1].toLowerCase()) && /\p{L}{2}/u.test(parts[0]) && !/^\p{Lu}$/u.test(parts[0]) && !/^\p{Lu}{1,3}$/u.test(parts[parts.length - 1])) return true;
  return parts.length >= 3 && NEWSGROUP_ROOTS.has(parts[0].toLowerCase()) && parts.every((p) => /^[a-z\d-]+$/.test(p));
}

// ---------------------------------------------------------------------------------------------
// Chunks: runs of capitalised pieces with the particles and connectors between them.

const CONNECTOR_WORDS = new Set(['of', 'for', 'the', 'and', '&', 'at', 'on']);

function isDateWord(p: Piece): boolean {
  // "Sun" in "Edmonton Sun" is no Sunday; "Mar 3" is a date.
  if (p.text.length <= 3 && p.text !== 'May' && !/^\s*\d/.test(p.tok.post)) return false;
  return p.tok.tags.has('Month') || p.tok.tags.has('WeekDay') || (p.tok.tags.has('Date') && !p.tok.tags.has('Person') && !/^\d/.test(p.text));
}

function nameLike(p: Piece, next: Piece | undefined): boolean {
  if (isCap(p.text)) {
    if (isDateWord(p) || p.tok.tags.has('Pronoun')) return false;
    if (/^[\p{Lu}.]+$/u.test(p.text) && NOT_ACRONYMS.has(p.text.replace(/\./g, ''))) return false;
    // In a Title Case headline, an English word is a name only when a lexicon or a tag says so.
    if (p.titleCase && isEnglishWord(stripPossessive(p.text)) && !properTags(p.tok) && !isPlaceName(p.text) && !KNOWN_ORGS.has(p.text)
      && !ORG_HEADS.has(p.text) && !PLACE_HEADS.has(p.text) && !COMPASS.has(p.text)) return false;
    if (next?.join === 'hyphen' && HYPHEN_PREFIXES.has(lower(p.text))) return false; // "Pro-Beijing"
    if (/^\p{Lu}$/u.test(p.text) && next?.join === 'hyphen' && /^\p{Ll}/u.test(next.text)) return false; // "T-shirt"
    if (CAPTION_LABELS.has(lower(p.text)) && /^:/.test(p.tok.post)) return false; // "Image: …"
    return true;
  }
  // "4chan", "Cloud9" style names are caught as capitalised; "501st" only before a capital.
  return false;
}

function rawChunks(pieces: Piece[]): Piece[][] {
  const chunks: Piece[][] = [];
  let i = 0;
  while (i < pieces.length) {
    const p = pieces[i];
    const next = pieces[i + 1];
    const particleStart = LEADING_PARTICLES.has(lower(p.text)) && next?.join === 'hyphen' && isCap(next.text) && !p.prefixed;
    const ordinalStart = /^\d+(st|nd|rd|th)$/i.test(p.text) && next?.join === 'space' && isCap(next.text);
    if (!(nameLike(p, next) || particleStart || ordinalStart) || isWebName(p.tok.text)) { i++; continue; }
    const chunk: Piece[] = [p];
    let j = i + 1;
    while (j < pieces.length) {
      const q = pieces[j];
      const last = chunk[chunk.length - 1];
      if (q.join === 'break' || isWebName(q.tok.text)) break;
      // A possessive ends the name ("Iraq’s Asa’ib …") unless it belongs inside ("People's Army").
      if (POSSESSIVE.test(last.text) && last.tok !== q.tok && !INNER_POSSESSIVES.has(lower(last.text))) break;
      if (chunk[0].prefixed && chunk.every((c) => c.prefixed || c.join !== 'space') && q.join === 'space') {
        // "pro-Beijing New People Party": one word after the prefix, or one place name.
        if (!isPlaceName([...chunk, q].map((c) => c.text).join(' ')) && !isPlaceName([...chunk, q, pieces[j + 1]].filter(Boolean).map((c) => c!.text).join(' '))) break;
      }
      if (nameLike(q, pieces[j + 1])) { chunk.push(q); j++; continue; }
      const lw = lower(q.text);
      // Particles and connectors: only when a capitalised word follows (at most two in a row).
      if ((NAME_PARTICLES.has(lw) || CONNECTOR_WORDS.has(lw)) && !isCap(q.text)) {
        let k = j;
        while (k < pieces.length && k - j < 2 && pieces[k].join !== 'break' && !isCap(pieces[k].text)
          && (NAME_PARTICLES.has(lower(pieces[k].text)) || CONNECTOR_WORDS.has(lower(pieces[k].text)))) k++;
        const after = pieces[k];
        if (after && k > j && after.join !== 'break' && nameLike(after, pieces[k + 1]) && !after.initial) {
          for (let m = j; m < k; m++) chunk.push(pieces[m]);
          j = k;
          continue;
        }
        break;
      }
      // A number inside a name ("Internet Explorer 6 Countdown") or after a venue ("Studio 54").
      if (/^\d+$/.test(q.text) && q.join === 'space') {
        const after = pieces[j + 1];
        if (after && after.join === 'space' && nameLike(after, pieces[j + 2])) { chunk.push(q); j++; continue; }
        if (PLACE_HEADS.has(last.text) && q.text.length <= 3) { chunk.push(q); j++; }
        break;
      }
      // A lowercase syllable after a hyphen inside a multi-part name ("Kim Jong-un", "Lee Cheuk-yan").
      if (q.join === 'hyphen' && /^\p{Ll}{1,5}$/u.test(q.text) && !HYPHEN_SUFFIXES.has(lw) && !/ed$/.test(lw)
        && isCap(last.text) && chunk.filter((c) => isCap(c.text)).length >= 2) {
        chunk.push(q); j++; continue;
      }
      break;
    }
    chunks.push(chunk);
    i = j;
  }
  return chunks;
}

// ---------------------------------------------------------------------------------------------
// Splitting a chunk into names at connectors that do not belong to a name.

function headOf(words: string[]): 'org' | 'place' | undefined {
  for (let k = words.length - 1; k >= 0; k--) {
    const w = stripPossessive(words[k]);
    if (ORG_HEADS.has(w) || ORG_FIRST.has(w)) return 'org';
    if (PLACE_HEADS.has(w) || PLACE_FIRST.has(w)) return 'place';
  }
  return undefined;
}

const SPORTS_WORDS = new Set(`match matches goal goals scored scoring score minute penalty striker midfielder
goalkeeper defender referee tournament league defeated beat draw drew equaliser equalizer header halftime
coach squad substituted booked yellow lead points cup win won game games team teams championship finals
final players player captain`.split(/\s+/));

/** Place head words that are also common surnames ("Marc Lamont Hill"). */
const SURNAME_HEADS = new Set(['Hill', 'Hills', 'Park', 'Hall', 'Lane', 'Field', 'Fields', 'Wood', 'Woods', 'Brook', 'Brooks', 'Banks', 'Rivers', 'Ford', 'Street', 'Castle', 'Church', 'Marsh', 'Ridge', 'Shore', 'Springs', 'Wells', 'Temple', 'Tower', 'Mills', 'Bay', 'Beach', 'Cove', 'Forest', 'Dale']);

const OF_NAMES = /^(Plains|Daughters|Sons|Friends|Bank|Republic|Kingdom|Isle|Isles|Gulf|Bay|Strait|Straits|Sea|Cape|Duke|Earl|Prince|Princess|Lady|Lord|Queen|King|Sisters|Brothers|Knights|Order|House|City|Town|Port|Province|State|States|Commonwealth|Federation|Union)$/;

function splitChunk(chunk: Piece[]): Piece[][] {
  const names: Piece[][] = [];
  let current: Piece[] = [];
  let usedOf = false;
  let i = 0;
  while (i < chunk.length) {
    const p = chunk[i];
    const lw = lower(p.text);
    if (CONNECTOR_WORDS.has(lw) && !isCap(p.text) && current.length) {
      let k = i;
      while (k < chunk.length && CONNECTOR_WORDS.has(lower(chunk[k].text)) && !isCap(chunk[k].text)) k++;
      const conn = chunk.slice(i, k).map((c) => lower(c.text));
      const left = current.map((c) => c.text);
      const rightPieces = chunk.slice(k, nextNameEnd(chunk, k));
      const right = rightPieces.map((c) => c.text);
      const rightPossessive = rightPieces.length > 0 && POSSESSIVE.test(rightPieces[rightPieces.length - 1].text) && isPlaceName(stripPossessive(right.join(' ')));
      let keep = false;
      if (conn[0] === '&') keep = headOf(right) !== undefined || headOf(left) !== undefined || right.length === 1 && right[0].length <= 2;
      else if (conn[0] === 'and') {
        if (conn[1] === 'the') keep = false;
        else if (usedOf) keep = !isPlaceName(right.join(' ')) && !(right.length > 1 && headOf(right) === undefined);
        else keep = headOf(left) === 'org' && ORG_HEADS.has(right[right.length - 1]) && !ORG_FIRST.has(right[0]) && right.length <= 3;
        if (left.length === 1 && left[0] === 'The' && THE_HEADS.has(right[right.length - 1])) keep = true; // "The Globe and Mail"
      } else if (conn[0] !== 'the' && !rightPossessive) {
        // of / for / at / on: inside the name when the left part has a head word.
        const h = headOf(left);
        keep = h !== undefined;
        if (conn[0] === 'at') keep = left.some((w) => /^(University|College|Campus|School)$/.test(w));
        if (conn[0] === 'on') keep = left.some((w) => /^(Council|Committee|Commission|Conference|Institute|Center|Centre|Forum)$/.test(w));
        if (!keep && conn[0] === 'of' && OF_NAMES.test(left[left.length - 1])) keep = true;
        if (keep && EVENT_HEADS.has(left[left.length - 1])) keep = false;
      }
      if (keep) {
        if (conn[0] !== '&' && conn[0] !== 'and') usedOf = true;
        current.push(...chunk.slice(i, k));
        i = k;
        continue;
      }
      names.push(current);
      current = [];
      usedOf = false;
      i = k;
      continue;
    }
    current.push(p);
    i++;
  }
  if (current.length) names.push(current);
  const out: Piece[][] = [];
  for (const n of names) for (const m of splitAtPlace(trimName(n))) out.push(...splitAfterHead(m));
  return out.filter((n) => n.length > 0);
}

function nextNameEnd(chunk: Piece[], from: number): number {
  let k = from;
  while (k < chunk.length && !(CONNECTOR_WORDS.has(lower(chunk[k].text)) && !isCap(chunk[k].text))) k++;
  return k;
}

function trimName(name: Piece[]): Piece[] {
  let a = 0;
  let b = name.length;
  const keepsEnd = (p: Piece) => isCap(p.text) || /^\d/.test(p.text) || (p.join === 'hyphen' && /^\p{Ll}+$/u.test(p.text) && !NAME_PARTICLES.has(lower(p.text)) && !CONNECTOR_WORDS.has(lower(p.text)));
  while (b > a && !keepsEnd(name[b - 1])) b--;
  while (a < b && !isCap(name[a].text) && !(LEADING_PARTICLES.has(lower(name[a].text)) && name[a + 1]?.join === 'hyphen') && !/^\d+\p{L}*$/u.test(name[a].text)) a++;
  return name.slice(a, b);
}

/** "Refugee Council Enver Solomon": an organisation's name ends at its head word. */
function splitAfterHead(name: Piece[]): Piece[][] {
  for (let h = name.length - 3; h >= 1; h--) {
    if (!ORG_HEADS.has(name[h].text) || name[h + 1].join !== 'space') continue;
    const rest = name.slice(h + 1);
    if (rest.some((p) => !isCap(p.text) && p.join !== 'hyphen' || ORG_HEADS.has(p.text) || PLACE_HEADS.has(p.text))) return [name];
    if (isPlaceName(rest.map((p) => p.text).join(' ')) || rest.some((p) => isAcronym(p.text))) return [name];
    if (!(rest[0].tok.tags.has('FirstName') || !isEnglishWord(rest[0].text))) return [name];
    return [name.slice(0, h + 1), rest];
  }
  return [name];
}

/**
 * "United States Hamdullah Mohib", "U.S. The President": a known place followed by more
 * capitalised words that are not part of a longer name is two names.
 */
function splitAtPlace(name: Piece[]): Piece[][] {
  if (name.length < 2) return [name];
  const words = name.map((p) => p.text);
  if (isPlaceName(words.join(' '))) return [name];
  for (let n = Math.min(4, name.length - 1); n >= 1; n--) {
    if (name.slice(1, n).some((p) => p.join !== 'space')) continue;
    const prefix = words.slice(0, n).join(' ');
    if (!isPlaceName(prefix) || name[n].join !== 'space') continue;
    const rest = words.slice(n);
    if (headOf(rest) || COMPASS.has(rest[0]) || isAcronym(rest[0]) && rest.length === 1 && !isPlaceName(rest[0])) return [name];
    if (EVENT_HEADS.has(rest[rest.length - 1])) return [name];
    if (n === 1 && !isCountry(prefix) && lower(rest[0]) !== 'the' && !isPlaceName(rest.join(' '))) return [name];
    return [name.slice(0, n), ...splitAtPlace(name.slice(n))];
  }
  return [name];
}

// ---------------------------------------------------------------------------------------------
// Cleaning one name: title, "the", demonym, possessive; then typing it.

const COMMON_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'Verb', 'Adjective', 'QuestionWord', 'Date', 'Value', 'Expression', 'Modal', 'Copula', 'Auxiliary', 'Negative'];

function properTags(t: Token): boolean {
  return ['Person', 'Place', 'Organization', 'FirstName', 'LastName', 'Country', 'City', 'Region'].some((tag) => t.tags.has(tag));
}

/** A capitalised word at a sentence start that is just an English word ("Hackers", "Both"). */
function commonAtStart(p: Piece): boolean {
  const lw = lower(stripPossessive(p.text));
  if (COMMON_WORDS.has(lw)) return true;
  if (TITLES.has(lw) || isPlaceName(p.text) || KNOWN_ORGS.has(p.text) || isAcronym(p.text)) return false;
  if (properTags(p.tok)) return false;
  // compromise guesses a tag for every unknown word ("Khazaly" an adverb for its -ly): a word no
  // English dictionary has is a name, whatever its guessed tag.
  if (!isEnglishWord(stripPossessive(p.text))) return false;
  return COMMON_TAGS.some((t) => p.tok.tags.has(t));
}

/** Whether the name opens with a multi-word place ("New Zealand …"). */
function startsPlace(name: Piece[]): boolean {
  for (let n = Math.min(4, name.length); n >= 2; n--) if (isPlaceName(name.slice(0, n).map((p) => stripPossessive(p.text)).join(' '))) return true;
  return false;
}

/** Length in words of the longest title starting at `from` (0 if none). */
function titleAt(name: Piece[], from: number): number {
  for (let n = Math.min(MAX_TITLE_WORDS, name.length - from); n >= 1; n--) {
    const words = name.slice(from, from + n);
    if (words.some((w, k) => k > 0 && w.join !== 'space')) continue;
    const key = words.map((w) => lower(w.text)).join(' ');
    if (TITLES.has(key) || TITLES.has(key + '.')) return n;
  }
  return 0;
}

/** Whether the words after a title are a person's name rather than the rest of another name. */
function personAfterTitle(rest: Piece[], title: string): boolean {
  if (!rest.length || !isCap(rest[0].text)) return false;
  const words = rest.map((r) => r.text);
  const restText = words.join(' ');
  if (isPlaceName(restText) || headOf(words) || KNOWN_ORGS.has(restText) || isAcronym(restText)) return false;
  if (EVENT_HEADS.has(words[words.length - 1])) return false;
  if (words.includes('of') || words.includes('for')) return false;
  // A title that is also a given name ("Dean Kamen") before one unknown word is the name.
  if (/^(dean|major|chief|father|brother|sister|saint|st\.?)$/.test(title) && rest.length === 1 && !rest[0].tok.tags.has('LastName')) return false;
  if (WEAK_TITLES.has(title) && rest.length === 1 && !(rest[0].tok.tags.has('LastName') || rest[0].tok.tags.has('Person') || rest[0].tok.tags.has('ProperNoun'))) return false;
  return true;
}

function textOf(text: string, name: Piece[]): string {
  return text.slice(name[0].start, name[name.length - 1].end);
}

interface Cleaned {
  name: Piece[];
  role?: string;
  titled: boolean;
}

/** Takes a title (and whatever stands before it) off a name: "US President Barack Obama". */
function cleanName(text: string, name: Piece[], out: Cleaned[]): void {
  // Sentence-initial capital on a common word: "Both commanders", "Hackers attack".
  while (name.length && name[0].initial && commonAtStart(name[0]) && !(name.length > 1 && lower(name[0].text) === 'the') && !startsPlace(name)
    && !(name.length === 2 && name[0].tok.tags.has('PresentTense') && !COMMON_WORDS.has(lower(name[0].text))
      && (name[1].tok.tags.has('ProperNoun') || name[1].tok.tags.has('LastName')) && !isPlaceName(stripPossessive(name[1].text)) && !KNOWN_ORGS.has(stripPossessive(name[1].text)))) {
    name = name.slice(1);
    if (name.length) name = [{ ...name[0], initial: true }, ...name.slice(1)];
  }
  if (!name.length) return;
  if (isPlaceName(name.map((p) => p.text).join(' '))) { out.push({ name, titled: false }); return; }
  // The last title in the name that a person's name follows.
  let role: string | undefined;
  let titled = false;
  for (let t = 0; t < name.length - 1; t++) {
    const n = titleAt(name, t);
    if (!n) continue;
    const title = name.slice(t, t + n).map((w) => lower(w.text)).join(' ');
    let rest = name.slice(t + n);
    // Titles in a row: "Emeritus Professor", "Shadow Home Secretary", "Prime Minister".
    let more = titleAt(rest, 0);
    while (more && rest.length > more) { rest = rest.slice(more); more = titleAt(rest, 0); }
    if (!personAfterTitle(rest, title)) continue;
    const before = name.slice(0, t);
    const roleEnd = name.length - rest.length;
    if (before.length) {
      const beforeText = before.map((w) => w.text).join(' ');
      const words = before.map((w) => w.text);
      const isEntity = isPlaceName(beforeText) || headOf(words) === 'org' || (before.length === 1 && isAcronym(before[0].text)) || KNOWN_ORGS.has(beforeText);
      if (isEntity) {
        out.push({ name: before, titled: false });
        role = textOf(text, name.slice(t, roleEnd));
      } else if (before.every((w) => isDemonym(w.text))) {
        role = textOf(text, name.slice(t, roleEnd));
      } else role = textOf(text, name.slice(0, roleEnd));
    } else role = textOf(text, name.slice(0, roleEnd));
    titled = true;
    name = rest;
    break;
  }
  // A leading "The": left out unless it opens a newspaper's name ("The Globe and Mail").
  if (name.length > 1 && lower(name[0].text) === 'the' && !THE_HEADS.has(stripPossessive(name[name.length - 1].text))) name = name.slice(1);
  // A demonym before an institution: "Greek Ministry of Culture" -> "Ministry of Culture".
  if (!titled && name.length > 1 && isDemonym(name[0].text) && name.slice(1, 3).some((w) => /^(Government|Embassy|Parliament|Ministry|Department|Cabinet|Foreign|Interior|Defence|Defense)$/.test(w.text))) {
    name = name.slice(1);
  }
  if (name.length === 1 && lower(name[0].text) === 'the') return;
  // "Afghan Ambassador", "Prime Minister": a title with no name.
  if (!titled) {
    for (let t = 0; t < name.length; t++) {
      const n = titleAt(name, t);
      if (n && t + n === name.length && name.slice(0, t).every((w) => isDemonym(w.text) || isPlaceName(w.text))) return;
      if (n && t + n === name.length && t > 0) {
        // "Ottawa New Democrat MP": keep only the place it opens with.
        for (let k = Math.min(3, t); k >= 1; k--) {
          if (isPlaceName(name.slice(0, k).map((w) => w.text).join(' '))) { out.push({ name: name.slice(0, k), titled: false }); return; }
        }
      }
    }
  }
  // A descriptor before a person's name: "Scientologist Tom Cruise", "Nonpartisan Paul Tse".
  if (!titled && name.length >= 3 && name[1].tok.tags.has('FirstName') && !name[0].tok.tags.has('FirstName')
    && (/ists?$/.test(name[0].text) || name[0].tok.tags.has('Adjective') || isDemonym(name[0].text))) {
    role = name[0].text;
    name = name.slice(1);
  }
  out.push({ name, role, titled });
}

function findNames(text: string, pieces: Piece[], out: Found[]): void {
  for (const chunk of rawChunks(pieces)) {
    for (const raw of splitChunk(chunk)) {
      const cleaned: Cleaned[] = [];
      cleanName(text, raw, cleaned);
      for (const { name, role, titled } of cleaned) {
        // Possessive at the end: "Iraq’s" -> "Iraq"; "Reuters'" stays.
        const start = name[0].start;
        let end = name[name.length - 1].end;
        const lastText = name[name.length - 1].text;
        if (!INNER_POSSESSIVES.has(lower(lastText))) {
          if (/[’']s$/i.test(lastText)) end -= 2;
          else if (/s[’']$/i.test(lastText)) end -= 1;
        }
        let span = text.slice(start, end);
        if (/\.$/.test(span) && !/(^|[.\s])\p{Lu}\.$/u.test(span) && !/\.\p{L}+\.$/u.test(span)) { span = span.slice(0, -1); end--; }
        if (!/\p{L}/u.test(span)) continue;
        const words = span.split(/[\s-]+/);
        if (words.every((w) => isDemonym(w) || COMPASS.has(w) || lower(w) === 'the') && !isPlaceName(span)) {
          // "the North", "the South": a capitalised compass word alone names a place.
          if (!(words.length === 1 && COMPASS.has(span) && /\bthe\s+$/i.test(text.slice(Math.max(0, start - 4), start)) && !name[0].initial)) continue;
        }
        if (words.length === 1 && (NOT_NAMES.has(lower(span)) || /\p{Ll}(ism|isms|phobia|ists?)$/u.test(span) && !isPlaceName(span))) continue;
        if (/^(Group|Pool|Section|Phase|Stage|Round|Level|Grade|Class|Type|Part|Chapter|Article|Room|Gate|Platform|Terminal|Figure|Table|Appendix|Question|Item)\s+(\p{Lu}|\d+|[IVX]+)$/u.test(span)) continue;
        if (!titled && words.length === 1 && (TITLES.has(lower(span)) || TITLES.has(lower(span) + '.'))) continue;
        const c = classify(text, name, span, titled, start, end);
        if (!c.type) {
          // An event or a product: names inside it that stand for an entity ("Google Science Fair").
          if (c.inner) findInner(text, name, out);
          continue;
        }
        const found: Found = { start, end, text: span, type: c.type };
        if (role) found.role = role;
        if (c.weak) found.weak = true;
        out.push(found);
      }
    }
  }
}

/** Known places, organisations and acronyms inside an event's or a product's name. */
function findInner(text: string, name: Piece[], out: Found[]): void {
  for (let i = 0; i < name.length; i++) {
    for (let n = Math.min(4, name.length - i); n >= 1; n--) {
      const part = name.slice(i, i + n);
      if (part.slice(1).some((p) => p.join !== 'space')) continue;
      const t = part.map((p) => stripPossessive(p.text)).join(' ');
      const type: EntityType | undefined = KNOWN_ORGS.has(t) || (n === 1 && isAcronym(t) && !isPlaceName(t)) ? 'Organization' : isPlaceName(t) ? 'Place' : undefined;
      if (!type) continue;
      out.push({ start: part[0].start, end: part[0].start + t.length, text: t, type });
      i += n - 1;
      break;
    }
  }
}

/** "Google Science Fair", "Fan Expo Canada", "FIFA World Cup": events, awards, products. */
function isEventName(words: string[]): boolean {
  if (words.length < 2) return false;
  if (EVENT_HEADS.has(words[words.length - 1]) || EVENT_FIRST.has(words[0])) return true;
  for (let k = 1; k < words.length - 1; k++) {
    if (EVENT_HEADS.has(words[k]) && isPlaceName(words.slice(k + 1).join(' '))) return true;
  }
  return false;
}

/** "Internet Explorer", "Google Chrome", "Windows XP", "PlayStation VR". */
function isProductName(words: string[]): boolean {
  if (PRODUCTS.has(words.join(' '))) return true;
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const rest = words.slice(n);
    if (PRODUCTS.has(words.slice(0, n).join(' ')) && rest.every((w) => isAcronym(w) || /^\d/.test(w) || /^\p{Lu}\d*$/u.test(w))) return true;
    if (PRODUCTS.has(words.slice(-n).join(' ')) && KNOWN_ORGS.has(words.slice(0, -n).join(' '))) return true;
  }
  return false;
}

interface Typed {
  type?: EntityType;
  weak?: boolean;
  /** An event's or a product's name, which may hold a name of an entity. */
  inner?: boolean;
}

function cueWords(text: string, start: number, end: number): { before?: string; beforeOf?: string; beforeAt?: string; after: string[]; possessive: boolean } {
  const b = /([a-z-]+)\s+$/.exec(text.slice(Math.max(0, start - 30), start));
  const bOf = /([a-z-]+)\s+of\s+(?:the\s+)?$/.exec(text.slice(Math.max(0, start - 40), start));
  const bAt = /([A-Za-z-]+)\s+at\s+(?:the\s+)?$/.exec(text.slice(Math.max(0, start - 40), start));
  const tail = text.slice(end, end + 40);
  const possessive = /^[’']s?\s/.test(tail);
  const a = /^(?:[’']s?)?((?:\s+[a-z][a-z-]*){1,2})/.exec(tail);
  return { before: b?.[1], beforeOf: bOf?.[1], beforeAt: bAt?.[1].toLowerCase(), after: a ? a[1].trim().split(/\s+/) : [], possessive };
}

function classify(text: string, name: Piece[], span: string, titled: boolean, start: number, end: number): Typed {
  const words = span.split(/\s+/);
  const first = words[0];
  const last = words[words.length - 1];
  if (KNOWN_ORGS.has(span)) return { type: 'Organization' };
  if (isPlaceName(span)) return { type: 'Place' };
  if (isEventName(words) || isProductName(words)) return { inner: true };
  if (titled) return { type: 'Person' };
  // Head words: "… Corps", "Ministry of …", "… Airport", "Lake …".
  const ofAt = words.findIndex((w) => w === 'of' || w === 'for' || w === 'on' || w === 'at');
  const headWord = ofAt > 0 ? words[ofAt - 1] : last;
  if (words.length > 1 && words.length <= 3 && name[0].tok.tags.has('FirstName') && SURNAME_HEADS.has(last) && ofAt < 0) return { type: 'Person' };
  if (words.length > 1) {
    if (AMBIGUOUS_HEADS.has(headWord)) {
      if (words.some((w) => /^(Art|Arts|Research|Studies|Science|Cancer|Medical|Policy|Cultural|Community|Heritage|Health)$/.test(w))) return { type: 'Organization' };
      return { type: 'Place' };
    }
    if (ORG_HEADS.has(headWord) || ORG_FIRST.has(first) || ORG_FIRST.has(headWord)) return { type: 'Organization' };
    if (PLACE_HEADS.has(headWord) || PLACE_FIRST.has(first)) return { type: 'Place' };
    if (COMPASS.has(last) && isPlaceName(words.slice(0, -1).join(' '))) return { type: 'Place' };
    if (COMPASS.has(first) && isPlaceName(words.slice(1).join(' '))) return { type: 'Place' };
    if (ofAt > 0 && OF_NAMES.test(headWord)) return { type: 'Place' };
    const anyHead = headOf(words.slice(name[0].tok.tags.has('FirstName') ? 1 : 0));
    if (anyHead === 'org') return { type: 'Organization' };
  } else if (ORG_HEADS.has(span) || ORG_FIRST.has(span)) {
    // A head word alone ("the Church", "the Party") is a short form, typed across the article.
    return { type: 'Organization', weak: true };
  }
  if (name.length === 1 && isWebName(name[0].tok.text)) return { type: 'Organization' };
  if (words.length === 1 && COMPASS.has(span)) return { type: 'Place' };
  // A credit line: "Image: Nick Moreau", "Audio: Jkthom".
  if (/\b(Image|Photo|Picture|Video|Audio|Credit|Photograph|Illustration)s?:\s*$/i.test(text.slice(Math.max(0, start - 14), start)) && !isAcronym(span) && !headOf(words)) return { type: 'Person' };
  if (words.length === 1 && isAcronym(span)) return { type: 'Organization' };
  const toks = [...new Set(name.map((p) => p.tok))].filter((t) => isCap(t.text));
  const count = (...tags: string[]) => toks.filter((t) => tags.some((tag) => t.tags.has(tag))).length;
  const firstTok = name[0].tok;
  const person = count('Person', 'FirstName', 'LastName');
  const place = count('Place');
  const org = count('Organization');
  // Cues around the name: "province of Anbar", "Kurdistan region", "broadcaster al-Iraqiya".
  const cue = cueWords(text, start, end);
  const a1 = cue.after[0];
  const a2 = cue.after[1];
  if (!cue.possessive) {
    if (a1 && PLACE_CUES_AFTER.has(a1) || a2 && PLACE_CUES_AFTER.has(a2) && !ORG_CUES_AFTER.has(a1)) return { type: 'Place' };
    if (a1 && ORG_CUES_AFTER.has(a1) || a2 && ORG_CUES_AFTER.has(a2) && !PLACE_CUES_AFTER.has(a1)) return { type: 'Organization' };
  }
  if (cue.beforeOf && PLACE_CUES_BEFORE.has(cue.beforeOf)) return { type: 'Place' };
  // "Irving, Texas": a town and its state or country.
  const comma = /^, ((?:\p{Lu}[\p{L}.]*)(?: \p{Lu}[\p{L}.]*)?)/u.exec(text.slice(end, end + 30));
  if (comma && (isPlaceName(comma[1]) || isPlaceName(comma[1].split(' ')[0])) && (words.length === 1 || person === 0) && words.length <= 3 && !isCountry(span)) return { type: 'Place' };
  if (cue.before && ORG_CUES_BEFORE.has(cue.before)) return { type: 'Organization' };
  // "an analyst at Bernstein", "researchers at Morgan Stanley": where someone works (places were typed above).
  if (cue.beforeAt && AFFILIATION_ROLES.has(cue.beforeAt)) return { type: 'Organization' };
  // compromise's tags.
  if (words.length === 1) {
    if (firstTok.tags.has('Place') && !firstTok.tags.has('Person') && !firstTok.tags.has('Organization')) return { type: 'Place', weak: !isCountry(span) };
    if (a1 && PERSON_CUES_AFTER.has(a1) && !cue.possessive) return { type: 'Person' };
    if (person === 0 && org === 0 && !cue.possessive && cue.before && LOCATIVE_BEFORE.has(cue.before)) return { type: 'Place', weak: true };
    if (org > 0 && person === 0 && !cue.possessive) return { type: 'Organization', weak: true };
    if (person > 0) return { type: 'Person', weak: !(firstTok.tags.has('LastName') || firstTok.tags.has('FirstName')) };
    return { type: 'Person', weak: true };
  }
  if (firstTok.tags.has('FirstName')) return { type: 'Person' };
  // Hyphenated given names: "Wong Kwok-kin", "Kim Jong-un", "Hwang Hee-Chan".
  if (words.length <= 3 && /^\p{Lu}\p{Ll}+-\p{L}\p{Ll}+$/u.test(last)) return { type: 'Person' };
  if (org > person && org >= place) return { type: 'Organization', weak: true };
  if (place > person && place > org && place === toks.length) return { type: 'Place', weak: true };
  const allEnglish = words.every((w) => isEnglishWord(stripPossessive(w)) || !isCap(w));
  return { type: 'Person', weak: person === 0 && (name[0].initial || allEnglish) };
}

/** Web addresses and newsgroups: "Gawker.com", "www.flag.govt.nz", "alt.religion.scientology". */
function findWebNames(tok: Tokenized, out: Found[]): void {
  for (const t of tok.tokens) {
    if (!isWebName(t.text)) continue;
    const span = t.text.replace(/[.,;:]+$/, '');
    if (/^https?:\/\//i.test(span)) continue;
    out.push({ start: t.start, end: t.start + span.length, text: span, type: 'Organization' });
  }
}

/** Names in one paragraph; offsets relative to `text`. */
export function findMentions(text: string, tok: Tokenized): MentionCandidate[] {
  const out: Found[] = [];
  for (const pieces of piecesOf(text, tok)) findNames(text, pieces, out);
  findWebNames(tok, out);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Found[] = [];
  for (const m of out) {
    const prev = kept[kept.length - 1];
    if (prev && m.start < prev.end) continue;
    kept.push(m);
  }
  addAppositiveRoles(text, kept);
  // In another language, capitals and cue words mean other things: keep only the names the
  // gazetteers know, rather than guess wildly.
  if (isForeignProse(tok.tokens.map((t) => t.lower))) return kept.filter((m) => (m.type === 'Place' && isPlaceName(m.text)) || KNOWN_ORGS.has(m.text));
  return kept;
}

/** "Abu Mahdi al-Muhandis, the second-in-command of Iraq’s Popular Mobilization Units": a role. */
function addAppositiveRoles(text: string, mentions: Found[]): void {
  for (let i = 0; i < mentions.length - 1; i++) {
    const m = mentions[i];
    if (m.type !== 'Person') continue;
    const a = /^,\s+(?:the\s+|a\s+|an\s+)?((?:[a-z][\p{L}-]*\s+){0,3}?[a-z][\p{L}-]*)\s+(of|at|for)\s+(?:the\s+)?/u.exec(text.slice(m.end, m.end + 80));
    if (!a) continue;
    let k = i + 1;
    let at = m.end + a[0].length;
    // Past a possessive place: "of Iraq’s Popular Mobilization Units".
    if (mentions[k]?.start === at && mentions[k].type === 'Place' && /^[’']s\s/.test(text.slice(mentions[k].end, mentions[k].end + 3)) && mentions[k + 1]) {
      at = mentions[k].end + text.slice(mentions[k].end).indexOf(' ') + 1;
      k++;
    }
    const org = mentions[k];
    if (!org || org.start !== at || org.type === 'Person') continue;
    const role = `${a[1]} ${a[2]} ${org.text}`;
    m.role = m.role ? m.role : role;
    if (m.role !== role) m.role = `${m.role}; ${role}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Across the article.

interface Draft extends Found {
  para: number;
}

function initialsOf(name: string): string {
  return name.split(/[\s-]+/).filter((w) => isCap(w) && !/^(Of|The|And|For)$/.test(w)).map((w) => w[0]).join('');
}

/** Groups every paragraph's mentions into entities with a canonical name and aliases. */
export function groupEntities(doc: AnalyzedArticle): { entities: Entity[]; mentions: Mention[] } {
  const drafts: Draft[] = [];
  doc.paragraphs.forEach((p, para) => {
    for (const c of p.mentions as Found[]) drafts.push({ ...c, para });
  });

  // The types each name was given with confidence.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const d of drafts) {
    if (d.weak) continue;
    let m = votes.get(d.text);
    if (!m) votes.set(d.text, (m = new Map()));
    m.set(d.type, (m.get(d.type) ?? 0) + (d.role ? 3 : 1));
  }
  const typeOf = (key: string): EntityType | undefined => {
    const m = votes.get(key);
    if (!m) return undefined;
    let best: EntityType | undefined;
    let n = 0;
    for (const [t, c] of m) if (c > n) { best = t; n = c; }
    return best;
  };
  // Words of multi-word names: "Khazali" in "Qais al-Khazali", "Church" in "Church of Scientology".
  const partOf = new Map<string, Draft>();
  const frequency = new Map<string, number>();
  for (const d of drafts) frequency.set(d.text, (frequency.get(d.text) ?? 0) + 1);
  // The fullest name wins; between two as full, the one the article uses more (a one-off
  // misspelling in a caption does not become the canonical name).
  const fuller = (a: Draft, b: Draft) => a.text.length > b.text.length
    || (a.text.length === b.text.length && (frequency.get(a.text) ?? 0) > (frequency.get(b.text) ?? 0));
  for (const d of drafts) {
    const words = d.text.split(/\s+/);
    if (words.length < 2 || d.weak && !votes.has(d.text) && words.every((w) => isEnglishWord(w))) continue;
    const parts = new Set<string>();
    if (d.type === 'Person') {
      const lastWord = words[words.length - 1];
      parts.add(lastWord);
      parts.add(lastWord.replace(/^(al|el|ad|as|ash|at|az|an|ar|bin|ibn)-/i, ''));
      if (!isPlaceName(words[0]) && !KNOWN_ORGS.has(words[0]) && !isEnglishWord(words[0])) parts.add(words[0]);
    } else {
      const head = words.find((w) => ORG_HEADS.has(w) || ORG_FIRST.has(w));
      if (head) parts.add(head);
    }
    for (const w of parts) {
      if (w === d.text) continue;
      const prev = partOf.get(w);
      if (!prev || prev.type === d.type && fuller(d, prev)) partOf.set(w, d);
    }
  }

  // Resolve each mention's type and drop the unconfirmed guesses.
  const kept: Draft[] = [];
  for (const d of drafts) {
    const single = !d.text.includes(' ');
    const full = single ? partOf.get(d.text) : undefined;
    const own = typeOf(d.text);
    if (full && full.type === 'Person' && !isCountry(d.text) && !/\b(in|at|from|to|near|into|across|via|of)\s+$/i.test(doc.text.slice(Math.max(0, d.start - 8), d.start))) {
      kept.push({ ...d, type: 'Person', weak: false });
      continue;
    }
    if (full && full.type === 'Organization' && (d.weak || own === 'Organization') && /\bthe\s+$/i.test(doc.text.slice(d.start - 4, d.start)) && !isSentenceStart(doc, d)) {
      kept.push({ ...d, type: 'Organization', weak: false });
      continue;
    }
    if (own) { kept.push({ ...d, type: own }); continue; }
    if (d.weak && (ORG_HEADS.has(d.text) || ORG_FIRST.has(d.text))) continue;
    // An unconfirmed guess survives only as a word that is no common English word.
    if (d.weak && d.text.split(/[\s-]+/).every((w) => isEnglishWord(w) || !isCap(w))) continue;
    if (d.weak && isSentenceStart(doc, d) && !d.text.includes(' ')) continue;
    kept.push(d);
  }

  // In a match report, a country stands for its team: "Sweden defeated South Korea".
  if (isSportsReport(doc)) {
    for (let i = 0; i < kept.length; i++) {
      const d = kept[i];
      if (d.type === 'Place' && (isCountry(d.text) || /^\S+ (Republic|Kingdom)$/.test(d.text) && isCountry(d.text.split(' ')[0]))) kept[i] = { ...d, type: 'Organization' };
    }
  }

  // Acronyms introduced in parentheses, or spelling out another name's initials.
  const aliasOf = new Map<string, string>();
  const typeByText = new Map<string, EntityType>();
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    if (!typeByText.has(d.text)) typeByText.set(d.text, d.type);
    if (!isAcronym(d.text) || i === 0) continue;
    const prev = kept[i - 1];
    if (/^\s*\(\s*$/.test(doc.text.slice(prev.end, d.start)) && prev.text.includes(' ')) {
      aliasOf.set(d.text, prev.text);
    }
  }
  const initials = new Map<string, string>();
  for (const d of kept) if (d.type !== 'Person' && d.text.includes(' ')) {
    const ini = initialsOf(d.text).toUpperCase();
    if (ini.length >= 2 && !initials.has(ini)) initials.set(ini, d.text);
  }
  for (let i = 0; i < kept.length; i++) {
    const d = kept[i];
    if (!isAcronym(d.text) || isPlaceName(d.text)) continue;
    const target = aliasOf.get(d.text) ?? initials.get(d.text.replace(/\./g, ''));
    if (!target) continue;
    aliasOf.set(d.text, target);
    kept[i] = { ...d, type: typeByText.get(target) ?? d.type };
  }

  addDescriptionRoles(doc, kept);

  // Build the entities.
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const byKey = new Map<string, number>();
  const nameFor = (d: Draft): string => {
    const alias = aliasOf.get(d.text);
    if (alias) return alias;
    const full = !d.text.includes(' ') ? partOf.get(d.text) : undefined;
    if (full && full.type === d.type) return full.text;
    return d.text;
  };
  for (const d of kept) {
    const name = nameFor(d);
    const key = `${d.type}:${name}`;
    let id = byKey.get(key);
    if (id === undefined) {
      id = entities.length;
      byKey.set(key, id);
      entities.push({ id, type: d.type, name, aliases: [], roles: [], mentions: [] });
    }
    const e = entities[id];
    if (d.text !== e.name && !e.aliases.includes(d.text)) e.aliases.push(d.text);
    for (const r of d.role?.split('; ') ?? []) if (!e.roles.includes(r)) e.roles.push(r);
    e.mentions.push(mentions.length);
    mentions.push({ start: d.start, end: d.end, text: d.text, type: d.type, entity: id });
  }
  return { entities, mentions };
}

/**
 * "The leader of Iraq’s Asa’ib Ahl al-Haq resistance group says …" followed by "Qais al-Khazali
 * said …": a sentence that opens with a description, then one that opens with a name, give that
 * person the description as a role.
 */
function addDescriptionRoles(doc: AnalyzedArticle, kept: Draft[]): void {
  const DESCRIPTION = /^The\s+((?:[a-z][\p{L}-]*\s+){0,2}?[a-z][\p{L}-]*)\s+of\s+(?:the\s+)?/u;
  for (let i = 0; i < kept.length; i++) {
    const org = kept[i];
    if (org.type === 'Person' || /^[’']s\s/.test(doc.text.slice(org.end, org.end + 3))) continue;
    // The sentence the mention is in, and whether it opens with "The ROLE of".
    const p = doc.paragraphs[org.para];
    const s = p.sentences.find((x) => x.start <= org.start && org.start < x.end);
    if (!s) continue;
    const d = DESCRIPTION.exec(doc.text.slice(s.start, org.start));
    if (!d) continue;
    const between = doc.text.slice(s.start + d[0].length, org.start);
    if (between && !/^\S+[’']s\s+$/.test(between)) continue;
    // The next sentence must open with a person's name.
    let idx = i + 1;
    while (idx < kept.length && kept[idx].start < s.end) idx++;
    const next = kept[idx];
    if (!next || next.type !== 'Person') continue;
    const gap = doc.text.slice(s.end, next.start);
    if (gap.length > 4 || /\p{L}/u.test(gap)) continue;
    const role = `${d[1]} of ${org.text}`;
    kept[idx] = { ...next, role: next.role ? `${next.role}; ${role}` : role };
  }
}

/** An article mostly about a match: many of its words are the words of sport. */
function isSportsReport(doc: AnalyzedArticle): boolean {
  let words = 0;
  let sport = 0;
  for (const p of doc.paragraphs) {
    for (const t of p.tokens) {
      words++;
      if (SPORTS_WORDS.has(t.lower)) sport++;
    }
  }
  return words > 0 && sport / words > 0.06;
}

/** Whether a mention opens a sentence or a quotation, where a capital says nothing. */
function isSentenceStart(doc: AnalyzedArticle, d: Draft): boolean {
  const p = doc.paragraphs[d.para];
  let lo = 0;
  let hi = p.tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (p.tokens[mid].end <= d.start) lo = mid + 1;
    else hi = mid;
  }
  const tok = p.tokens[lo];
  if (!tok) return false;
  if (lo === p.sentences[tok.sentence]?.first) return true;
  const gap = doc.text.slice(p.tokens[lo - 1].end, d.start);
  return /[“"‘:(]/.test(gap) || /[.!?]/.test(gap);
}
