// Reported speech: the content clause of "X said (that) …", unquoted.
//
// Found per sentence from the verbs of saying (lexicon/speech.ts): the clause after the verb
// (past an addressee, "that" or an adjunct before "that"), or the sentence around a
// parenthetical attribution ("…, he added", "Institutional recipients, said Mauer, are …").
// Who said it is settled by `attributeSpeakers`, which drops a clause whose speaker the text
// does not name. Not reported speech: a quote right after the verb (that is a direct quote),
// infinitive requests ("asked X to do Y"), passives ("was told"), negations ("have not said").
import type { AnalyzedArticle } from './analyzed';
import type { Quote } from './model';
import type { Token } from './nlp';
import { ADDRESSEE_WORDS, CLAUSE_WORDS, CONNECTIVES, GROUP_PRONOUNS, PERSON_PRONOUNS, PREPOSITIONS } from './lexicon/speech';
import {
  clauseStart, isNegated, isPassive, speechVerbAt, verbGroupStart, viewParagraph,
  type ParagraphView, type Sentence,
} from './speakers';

export function findReported(doc: AnalyzedArticle, quotes: Quote[]): Quote[] {
  const out: Quote[] = [];
  const sorted = [...quotes].sort((a, b) => a.start - b.start);
  let qi = 0;
  doc.paragraphs.forEach((p, index) => {
    const mine: Quote[] = [];
    while (qi < sorted.length && sorted[qi].start < p.start) qi++;
    let k = qi;
    while (k < sorted.length && sorted[k].start < p.end) mine.push(sorted[k++]);
    const view = viewParagraph(p, index, mine);
    for (const s of view.sentences) out.push(...reportedIn(view, s));
  });
  // The article's own characters, line breaks of a wrapped paragraph included.
  for (const q of out) q.text = doc.text.slice(q.start, q.end);
  return out;
}

/** Offsets (relative to the paragraph's tokens) of names found in the paragraph. */
function nameAt(view: ParagraphView): { firstOf: Map<number, number>; lastOf: Map<number, number> } {
  const firstOf = new Map<number, number>();
  const lastOf = new Map<number, number>();
  const toks = view.tokens;
  let k = 0;
  for (const m of view.p.mentions) {
    while (k < toks.length && toks[k].end <= m.start) k++;
    if (k >= toks.length) break;
    let last = k;
    while (last + 1 < toks.length && toks[last + 1].start < m.end) last++;
    firstOf.set(k, last);
    lastOf.set(last, k);
  }
  return { firstOf, lastOf };
}

function reportedIn(view: ParagraphView, s: Sentence): Quote[] {
  const out: Quote[] = [];
  const toks = view.tokens;
  const names = nameAt(view);
  let coveredUntil = -1;
  for (let k = s.first; k < s.last; k++) {
    if (view.quoteOf[k] >= 0 || k < coveredUntil) continue;
    const cv = speechVerbAt(view, k, k > s.first && /^(and|also)$/.test(toks[k - 1].lower));
    if (!cv || !cv.verb.reported) continue;
    const lo = clauseStart(view, s, k);
    const vg = verbGroupStart(view, k, lo);
    if (isPassive(view, vg, k) || isNegated(view, vg, k)) continue;
    const verb = toks[k];
    const ing = /ing$/.test(verb.lower);
    // An -ing verb reports a clause after "that", or after its own subject ("with the paper
    // reporting …", "whilst promising …"); "Writing in a blog post, X …" is an adjunct.
    if (ing && toks[cv.end]?.lower !== 'that') {
      if (cv.verb.ingNeedsThat || vg === s.first) continue;
      const before = toks[vg - 1];
      if (!/^(while|whilst|with|by)$/.test(before.lower) && !(vg >= 2 && /^(with)$/.test(toks[vg - 2].lower))) {
        if (!(vg >= 3 && toks.slice(Math.max(s.first, vg - 4), vg).some((t) => t.lower === 'with'))) continue;
      }
    }
    if (cv.verb.needsThat && toks[cv.end]?.lower !== 'that') continue;
    const cue = { start: verb.start, end: toks[cv.end - 1].end };

    // Parenthetical: ", he added." / ", said Mauer, …" / "However, he said, …".
    let attrStart = vg;
    let attrEnd = cv.end;
    const subj = vg - 1;
    if (subj >= s.first && view.quoteOf[subj] < 0 && !/[,;:]/.test(toks[subj].post)) {
      if (PERSON_PRONOUNS.has(toks[subj].lower) || GROUP_PRONOUNS.has(toks[subj].lower)) attrStart = subj;
      else if (names.lastOf.has(subj)) attrStart = names.lastOf.get(subj)!;
    }
    if (attrStart === vg) {
      const after = names.firstOf.get(cv.end);
      if (after !== undefined && (/[,.!?]/.test(toks[after].post) || after + 1 === s.last)) attrEnd = after + 1;
    }
    const commaBefore = attrStart > s.first && /,/.test(toks[attrStart - 1].post);
    const closes = /,/.test(toks[attrEnd - 1].post) || attrEnd === s.last;
    const subjectInside = attrStart < vg || attrEnd > cv.end;
    if (commaBefore && closes && subjectInside) {
      const beforePart = clause(view, s.first, attrStart);
      if (beforePart && !startsWithDirectQuote(view, s.first) && !onlyConnectives(toks, s.first, attrStart) && hasWords(s.first, attrStart, 2) && !PREPOSITIONS.has(toks[s.first].lower)) {
        out.push(reported(view, beforePart, cue));
      }
      const opens = toks[attrEnd];
      if (attrEnd < s.last && !startsWithDirectQuote(view, attrEnd) && !/^(and|but|or|then|before|after|while|as)$/.test(opens.lower) && !(opens.tags.has('Verb') && !opens.tags.has('Auxiliary') && !opens.tags.has('Copula'))) {
        const afterPart = clause(view, attrEnd, clauseEnd(view, s, attrEnd));
        if (afterPart && hasFiniteVerb(toks, attrEnd, s.last)) out.push(reported(view, afterPart, cue));
      }
      coveredUntil = s.last;
      continue;
    }

    // Forward: the clause after the verb.
    let c = cv.end;
    if (cv.verb.addressee && c < s.last && view.quoteOf[c] < 0) {
      const nameEnd = names.firstOf.get(c);
      if (nameEnd !== undefined) c = nameEnd + 1;
      else {
        let n = 0;
        while (c < s.last && n < 4 && view.quoteOf[c] < 0 && ADDRESSEE_WORDS.has(toks[c].lower) && !/[,:;]/.test(toks[c - 1].post)) { c++; n++; }
      }
    }
    // "announced on Friday that …", "explains, in a satirical fashion, that …".
    let that = -1;
    for (let t = c; t < Math.min(s.last, c + 9); t++) {
      if (view.quoteOf[t] >= 0) break;
      if (toks[t].lower === 'that') { that = t; break; }
      if (t > c && isFinite(toks[t], toks[t - 1])) break;
    }
    if (that >= 0) c = that + 1;
    else {
      if (c > k && /[,:;]/.test(toks[c - 1].post)) continue; // "said, “…”" or "said: …"
      // "explained how …": the clause without "how"; "noted what began as …" keeps its subject.
      if (c < s.last && CLAUSE_WORDS.has(toks[c].lower) && /^(how|whether|if)$/.test(toks[c].lower) && cv.verb.lemma === 'explain') c++;
    }
    if (c >= s.last || toks[c].lower === 'to') continue;
    if (view.quoteOf[c] >= 0 && view.quotes[view.quoteOf[c]].start >= toks[c - 1].end) continue; // a direct quote
    if (view.quoteOf[c] >= 0 && that < 0) continue;
    const end = clauseEnd(view, s, c);
    if (end <= c || !hasFiniteVerb(toks, c, end)) continue;
    if (that < 0 && PREPOSITIONS.has(toks[c].lower)) {
      c = subjectAfterAdjunct(view, c, end);
      // "Chen, asked about the criticism, said …": no clause after the verb.
      if (PREPOSITIONS.has(toks[c].lower)) continue;
    }
    // Without "that", the clause is a subject and its verb: "conceded a penalty which …" and
    // "announced the start of a process to …" name a thing, not what was said.
    if (that < 0 && !subjectThenVerb(view, c, end)) continue;
    if (PERSON_PRONOUNS.has(toks[c].lower) && toks[c + 1]?.lower === 'to') continue;
    const span = clause(view, c, end);
    if (span) {
      out.push(reported(view, span, cue));
      coveredUntil = end;
    }
  }
  return out;
}

const FINITE_WORDS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'does', 'did', 'do', "isn't", "wasn't", "aren't", "weren't", "won't", "can't"]);

function isFinite(t: Token, prev?: Token): boolean {
  if (prev && prev.lower === 'to') return false;
  if (FINITE_WORDS.has(t.lower)) return true;
  if (t.tags.has('Gerund') && !t.tags.has('Copula')) return false;
  return t.tags.has('PastTense') || t.tags.has('PresentTense') || t.tags.has('Modal') || t.tags.has('Copula') || t.tags.has('Auxiliary');
}

function hasFiniteVerb(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isFinite(toks[k], toks[k - 1])) return true;
  return false;
}

/**
 * "said in an interview with al-Iraqiya aired on Tuesday night the lawsuit is …": the clause
 * starts at the subject of its first auxiliary, after the adjunct.
 */
function subjectAfterAdjunct(view: ParagraphView, c: number, end: number): number {
  const toks = view.tokens;
  let aux = -1;
  for (let k = c + 1; k < end; k++) {
    if (view.quoteOf[k] >= 0) return c;
    if (FINITE_WORDS.has(toks[k].lower)) { aux = k; break; }
  }
  if (aux < 0) return c;
  let k = aux;
  while (k - 1 > c && !/[,;:]/.test(toks[k - 1].post) && /Noun|Adjective|Determiner|Value|Pronoun/.test([...toks[k - 1].tags].join()) && !PREPOSITIONS.has(toks[k - 1].lower)) {
    k--;
    if (toks[k].tags.has('Determiner') || toks[k].tags.has('Pronoun')) break;
  }
  return k < aux && (toks[k].tags.has('Determiner') || toks[k].tags.has('Pronoun')) ? k : c;
}

const RELATIVE = new Set(['which', 'who', 'whom', 'whose', 'that', 'where', 'whether', 'if', 'to', 'when', 'because', 'although', 'while']);

/** The clause's first finite verb comes before any relative word or "to". */
function subjectThenVerb(view: ParagraphView, from: number, to: number): boolean {
  const toks = view.tokens;
  for (let k = from; k < to; k++) {
    if (view.quoteOf[k] < 0 && RELATIVE.has(toks[k].lower) && k > from) return false;
    // "reported a 12% drop in revenue": after a determiner or a number, "drop" is a noun.
    if (k > from && (toks[k - 1].tags.has('Determiner') || toks[k - 1].tags.has('Value') || toks[k - 1].tags.has('Possessive')) && !FINITE_WORDS.has(toks[k].lower)) continue;
    if (isFinite(toks[k], toks[k - 1])) return true;
  }
  return false;
}

function hasWords(from: number, to: number, n: number): boolean {
  return to - from >= n;
}

function onlyConnectives(toks: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (!CONNECTIVES.has(t.lower) && !t.tags.has('Adverb') && !t.tags.has('Conjunction')) return false;
  }
  return true;
}

function startsWithDirectQuote(view: ParagraphView, k: number): boolean {
  const q = view.quoteOf[k];
  return q >= 0 && view.quotes[q].start <= view.tokens[k].start;
}

/** Where a clause starting at `from` ends: the sentence end, a colon, "and said …", a direct quote. */
function clauseEnd(view: ParagraphView, s: Sentence, from: number): number {
  const toks = view.tokens;
  for (let e = from + 1; e < s.last; e++) {
    const prev = toks[e - 1];
    if (/:/.test(prev.post)) return e;
    // ", with the paper reporting …", ", while …": another clause of the writer's.
    if (/,/.test(prev.post) && /^(with|while|whilst|as|although|though|whereas)$/.test(toks[e].lower) && view.quoteOf[e] < 0) return e;
    if (/;/.test(prev.post) && view.quoteOf[e - 1] >= 0 && view.quoteOf[e] >= 0) return e;
    const t = toks[e];
    // ", but Afghan Ambassador Mohib says …": another speaker's clause.
    if (/,/.test(prev.post) && /^(and|but|while|whereas|yet)$/.test(t.lower) && view.quoteOf[e] < 0) {
      for (let n = e + 1; n < Math.min(s.last, e + 9) && view.quoteOf[n] < 0; n++) {
        const cv = speechVerbAt(view, n);
        if (cv?.verb.reported) return e;
        if (isFinite(toks[n], toks[n - 1])) break;
      }
    }
    if ((t.lower === 'and' || t.lower === 'but') && view.quoteOf[e] < 0) {
      let n = e + 1;
      while (n < s.last && /^(also|then|later|further)$/.test(toks[n].lower)) n++;
      const cv = n < s.last ? speechVerbAt(view, n, true) : undefined;
      if (cv && cv.verb.reported) return e;
    }
    // A quote opened after a comma or a colon is the speaker's own words, not the clause.
    const q = view.quoteOf[e];
    if (q >= 0 && view.quoteOf[e - 1] !== q && /[,:]/.test(prev.post) && view.quotes[q].kind === 'direct') return e;
  }
  return s.last;
}

/** The clause's span: first to last token, with a quote's marks when it starts or ends there. */
function clause(view: ParagraphView, from: number, to: number): { start: number; end: number } | undefined {
  if (to <= from) return undefined;
  const toks = view.tokens;
  let start = toks[from].start;
  let end = toks[to - 1].end;
  const qs = view.quoteOf[from];
  if (qs >= 0 && view.quotes[qs].start < start && (from === 0 || view.quoteOf[from - 1] !== qs)) start = view.quotes[qs].start;
  const qe = view.quoteOf[to - 1];
  if (qe >= 0 && (to >= toks.length || view.quoteOf[to] !== qe) && view.quotes[qe].end > end) end = view.quotes[qe].end;
  // Trailing punctuation of the writer's sentence is not part of the clause.
  const text = view.p.text;
  const rel = (x: number) => x - view.p.start;
  while (end > start && /[\s,;:.]/.test(text[rel(end) - 1]) && !(qe >= 0 && end === view.quotes[qe].end)) end--;
  if (end <= start) return undefined;
  return { start, end };
}

function reported(view: ParagraphView, span: { start: number; end: number }, cue: { start: number; end: number }): Quote {
  const text = view.p.text.slice(span.start - view.p.start, span.end - view.p.start);
  return { start: span.start, end: span.end, text, kind: 'reported', cue };
}
