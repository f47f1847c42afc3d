// Speakers: who the text says spoke each quote and each reported clause.
//
// Everything works on one paragraph's tokens at a time, in text order, carrying a little state
// from sentence to sentence (the person and the organisation last spoken of, the last speaker),
// so the whole pass is linear in the article's length. The order of preference follows the
// guidelines' SaidBy rules:
//   1. the attribution in the same sentence, before or after the quote ("“…,” said Mohib",
//      "Khazali regretted", "according to the Pentagon", "Iran described … as “…”");
//   2. a pronoun or a description standing for a named speaker ("he said" -> the person last
//      spoken of; "the Asa’ib Ahl al-Haq chief" -> the person described that way before);
//      a quote that continues the previous speaker's turn (a follow-on sentence or paragraph);
//   3. a quote in a headline or sub-headline -> the body's attribution of the same words.
// Mentions inside quoted or reported words are never used as speakers.
import type { AnalyzedArticle, AnalyzedParagraph } from './analyzed';
import type { Entity, Mention, Quote, Span, Speaker } from './model';
import { firstTokenFrom, type Token } from './nlp';
import { countryNamesOf } from './lexicon/places';
import {
  DESCRIPTION_SYNONYMS, GROUP_PRONOUNS, HEADLINE_PERSON_NOUNS, LEADER_ROLE_NOUNS,
  NEGATIONS, OTHER_PRONOUNS, PASSIVE_AUXILIARIES, PERSON_PRONOUNS, PERSON_ROLE_NOUNS, PHRASAL_SPEECH_VERBS,
  PREPOSITIONS, SPEECH_VERB_FORMS, STATE_NOUNS, VERB_GROUP_WORDS, type SpeechVerb,
} from './lexicon/speech';

// ---------------------------------------------------------------------------------------------
// Paragraph views: tokens, which quote each token is in, and sentences as the writer wrote them
// (a quote is never cut in two, and a sentence ending inside quotation marks ends there).

export interface Sentence {
  /** First token index and one past the last. */
  first: number;
  last: number;
}

export interface ParagraphView {
  index: number;
  p: AnalyzedParagraph;
  tokens: Token[];
  /** Quotes in quotation marks in this paragraph, in text order. */
  quotes: Quote[];
  /** Per token: index into `quotes`, or -1 for the writer's own words. */
  quoteOf: Int32Array;
  sentences: Sentence[];
}

const OBJECT_PRONOUNS: Record<string, string> = { him: 'he', her: 'she', them: 'they', it: 'it' };

/** "Ingram of The Globe and Mail": the name after these belongs to a longer phrase. */
const NAME_PHRASE_PREPOSITIONS = new Set(['of', 'at', 'from', 'for', 'in', 'with', 'by', 'on', 'to']);

const ABBREVIATION = /^(mr|mrs|ms|dr|prof|st|jr|sr|gen|col|lt|sgt|capt|gov|sen|rep|rev|no|vs|etc|inc|ltd|co|corp|mt|ft|fig|approx|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|[a-z])$/i;

export function viewParagraph(p: AnalyzedParagraph, index: number, quotes: Quote[]): ParagraphView {
  const tokens = p.tokens;
  const quoteOf = new Int32Array(tokens.length).fill(-1);
  let q = 0;
  for (let k = 0; k < tokens.length; k++) {
    while (q < quotes.length && quotes[q].end <= tokens[k].start) q++;
    if (q < quotes.length && quotes[q].start <= tokens[k].start && tokens[k].start < quotes[q].end) quoteOf[k] = q;
  }
  const sentences: Sentence[] = [];
  let first = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (k + 1 < tokens.length && endsSentence(tokens, quoteOf, quotes, k)) {
      sentences.push({ first, last: k + 1 });
      first = k + 1;
    }
  }
  if (first < tokens.length) sentences.push({ first, last: tokens.length });
  return { index, p, tokens, quotes, quoteOf, sentences };
}

function endsSentence(tokens: Token[], quoteOf: Int32Array, quotes: Quote[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  const q = quoteOf[k];
  if (q >= 0 && quoteOf[k + 1] === q) return false; // inside one quote
  if (q >= 0 && quotes[q].end > next.start) return false;
  if (!/^[\s"'”’»)\]]*[.!?]/.test(t.post)) return false;
  if (/[—–]|\s-\s/.test(t.post)) return false; // "…game." - Matthew Ingram
  if (ABBREVIATION.test(t.text) && !/["”’]/.test(t.post)) return false;
  return /^[\p{Lu}\p{N}"“‘'(\[]/u.test(next.pre.trim() || next.text);
}

// ---------------------------------------------------------------------------------------------
// Verbs of saying.

export interface CueVerb {
  /** Token index of the verb (the first word of "point out"). */
  at: number;
  /** One past the verb's last token. */
  end: number;
  verb: SpeechVerb;
}

/** The verb of saying at token `k`, if the word is used as a verb there. */
export function speechVerbAt(v: ParagraphView, k: number, coordinated = false): CueVerb | undefined {
  const t = v.tokens[k];
  const phrasal = PHRASAL_SPEECH_VERBS.get(t.lower);
  if (phrasal && v.tokens[k + 1]?.lower === phrasal.particle && isVerbUse(v, k)) return { at: k, end: k + 2, verb: phrasal.verb };
  const verb = SPEECH_VERB_FORMS.get(t.lower);
  if (!verb || !(coordinated || isVerbUse(v, k))) return undefined;
  return { at: k, end: k + 1, verb };
}

function isVerbUse(v: ParagraphView, k: number): boolean {
  const t = v.tokens[k];
  const prev = v.tokens[k - 1];
  if (prev && !/[,;:]/.test(prev.post) && (prev.tags.has('Determiner') || (prev.tags.has('Possessive') && prev.tags.has('Pronoun')) || prev.tags.has('Adjective'))) {
    if (!prev.tags.has('Verb')) return false; // "the report", "his statement", "a recent claim"
  }
  if (t.tags.has('Verb') || /ing$/.test(t.lower)) return true;
  return /(ed|told|said|wrote)$/.test(t.lower) && !t.tags.has('Adjective');
}

/** The verb group's first token: auxiliaries and adverbs before the verb ("has also said"). */
export function verbGroupStart(v: ParagraphView, at: number, lo: number): number {
  let k = at;
  while (k - 1 >= lo && (VERB_GROUP_WORDS.has(v.tokens[k - 1].lower) || /^\p{Ll}+ly$/u.test(v.tokens[k - 1].text)) && !/[,;:]/.test(v.tokens[k - 1].post) && v.quoteOf[k - 1] < 0) k--;
  return k;
}

/** "was told", "has been asked": the subject is spoken to, not the speaker. */
export function isPassive(v: ParagraphView, vg: number, at: number): boolean {
  if (/ing$/.test(v.tokens[at].lower)) return false;
  for (let k = vg; k < at; k++) if (PASSIVE_AUXILIARIES.has(v.tokens[k].lower)) return true;
  return false;
}

export function isNegated(v: ParagraphView, vg: number, at: number): boolean {
  for (let k = vg; k < at; k++) if (NEGATIONS.has(v.tokens[k].lower)) return true;
  return /n['’]t$/.test(v.tokens[Math.max(vg, at - 1)].lower);
}

/** First token of the clause that a verb at `at` belongs to: after a quote or a semicolon. */
export function clauseStart(v: ParagraphView, s: Sentence, at: number): number {
  for (let k = at - 1; k >= s.first; k--) {
    if (v.quoteOf[k] >= 0) return k + 1;
    if (/;/.test(v.tokens[k].post)) return k + 1;
  }
  return s.first;
}

// ---------------------------------------------------------------------------------------------
// Attribution.

interface Resolution {
  /** The speaker, when the text names one; undefined when it speaks of someone unnamed. */
  speaker?: Speaker;
  cue: Span;
}

interface Salient {
  entity: number;
  mention: number;
}

export function attributeSpeakers(doc: AnalyzedArticle, quotes: Quote[], entities: Entity[], mentions: Mention[]): Quote[] {
  const a = new Attributor(doc, quotes, entities, mentions);
  return a.run();
}

class Attributor {
  private readonly views: ParagraphView[] = [];
  /** Quotes and reported spans by paragraph, in text order. */
  private readonly items: Quote[][] = [];
  /** Per paragraph: mention indexes outside quoted and reported words, in text order. */
  private readonly visible: number[][] = [];
  /** Per paragraph: token index -> visible mention ending / starting on it. */
  private readonly mentionByLast: Map<number, number>[] = [];
  private readonly mentionByFirst: Map<number, number>[] = [];
  private readonly speakers = new Map<Quote, Speaker | undefined>();
  private readonly resolved = new Set<Quote>();

  private lastPerson?: Salient;
  private lastGroup?: Salient;
  private lastSpeaker?: Speaker;
  private lastMentionOf = new Map<number, number>();
  /** An organisation named in a resolved description -> the person it described. */
  private readonly personFor = new Map<number, Salient>();
  private readonly nameWords = new Map<string, number[]>();
  private readonly surnames = new Map<string, number>();
  private readonly surnamesByShape = new Map<string, [string, number][]>();

  constructor(
    doc: AnalyzedArticle,
    private readonly quotes: Quote[],
    private readonly entities: Entity[],
    private readonly mentions: Mention[],
  ) {
    const paragraphs = doc.paragraphs;
    const sorted = [...quotes].sort((x, y) => x.start - y.start || y.end - x.end);
    const order = mentions.map((_, i) => i).sort((x, y) => mentions[x].start - mentions[y].start);
    let qi = 0;
    let mi = 0;
    paragraphs.forEach((p, index) => {
      const mine: Quote[] = [];
      while (qi < sorted.length && sorted[qi].start < p.start) qi++;
      while (qi < sorted.length && sorted[qi].start < p.end) mine.push(sorted[qi++]);
      this.items.push(mine);
      const marked = mine.filter((q) => q.kind !== 'reported');
      const view = viewParagraph(p, index, marked);
      this.views.push(view);
      const hidden = mine;
      const vis: number[] = [];
      while (mi < order.length && mentions[order[mi]].start < p.start) mi++;
      let h = 0;
      while (mi < order.length && mentions[order[mi]].start < p.end) {
        const m = mentions[order[mi]];
        let inside = false;
        for (let k = h; k < hidden.length && hidden[k].start <= m.start; k++) {
          if (m.start >= hidden[k].start && m.end <= hidden[k].end) { inside = true; break; }
        }
        if (!inside) vis.push(order[mi]);
        mi++;
      }
      this.visible.push(vis);
      const byLast = new Map<number, number>();
      const byFirst = new Map<number, number>();
      let k = 0;
      for (const m of vis) {
        const mm = mentions[m];
        while (k < view.tokens.length && view.tokens[k].end <= mm.start) k++;
        if (k >= view.tokens.length) break;
        let last = k;
        while (last + 1 < view.tokens.length && view.tokens[last + 1].start < mm.end) last++;
        byFirst.set(k, m);
        byLast.set(last, m);
      }
      this.mentionByLast.push(byLast);
      this.mentionByFirst.push(byFirst);
    });
    const seen = new Map<string, number>();
    for (const e of entities) {
      if (e.type !== 'Person') continue;
      const words = e.name.trim().split(/\s+/);
      if (words.length < 2) continue;
      const last = words[words.length - 1].toLowerCase();
      seen.set(last, seen.has(last) && seen.get(last) !== e.id ? -1 : e.id);
    }
    for (const [k, id] of seen) {
      if (id < 0) continue;
      this.surnames.set(k, id);
      const shape = `${k[0]}${k.length}`;
      const list = this.surnamesByShape.get(shape) ?? [];
      if (list.length < 50) list.push([k, id]);
      this.surnamesByShape.set(shape, list);
    }
    entities.forEach((e) => {
      if (e.type === 'Person') return;
      for (const w of new Set(e.name.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))) {
        let list = this.nameWords.get(w);
        if (!list) this.nameWords.set(w, (list = []));
        if (list.length < 50) list.push(e.id);
      }
    });
  }

  run(): Quote[] {
    const headlineQuotes: Quote[] = [];
    let previousParagraphSpeaker: Speaker | undefined;
    for (const view of this.views) {
      const items = this.items[view.index];
      let paragraphSpeaker: Speaker | undefined;
      let lastSentenceSpeaker: Speaker | undefined;
      for (let si = 0; si < view.sentences.length; si++) {
        const s = view.sentences[si];
        const inSentence = items.filter((q) => sentenceOf(view, q.start) === si);
        let sentenceSpeaker: Speaker | undefined;
        // Reported clauses first: quoted words inside them share their speaker.
        for (const r of inSentence) {
          if (r.kind !== 'reported' || this.resolved.has(r)) continue;
          const res = this.resolveReported(view, s, r);
          this.set(r, res?.speaker, res?.cue);
          if (res?.speaker) sentenceSpeaker = res.speaker;
        }
        for (const q of inSentence) {
          if (q.kind === 'reported' || this.resolved.has(q)) continue;
          if (this.isHeadline(view, q)) {
            headlineQuotes.push(q);
            this.resolved.add(q);
            continue;
          }
          const host = inSentence.find((r) => r.kind === 'reported' && r.start <= q.start && q.end <= r.end);
          if (host) {
            this.set(q, this.speakers.get(host), host.cue);
            continue;
          }
          const res = this.resolveQuote(view, s, q);
          if (res) {
            this.set(q, res.speaker, res.cue);
            if (res.speaker) sentenceSpeaker = res.speaker;
            continue;
          }
          // No attribution in the sentence: a continued turn, or nobody.
          const qi = view.quoteOf[s.first] >= 0 ? view.quotes[view.quoteOf[s.first]] : undefined;
          const opensParagraph = si === 0 && q.start === view.p.start;
          const wholeSentence = qi === q;
          let turn: Speaker | undefined;
          if (opensParagraph && !paragraphSpeaker) turn = previousParagraphSpeaker;
          else if (q.kind === 'direct' && wholeSentence) turn = paragraphSpeaker ?? (si > 0 ? undefined : previousParagraphSpeaker);
          if (turn) {
            this.set(q, { ...turn, via: 'turn' }, undefined);
            sentenceSpeaker = turn;
          } else this.set(q, undefined, undefined);
        }
        // Speech verbs with no quote of their own still say who is being spoken of.
        const cueSpeaker = sentenceSpeaker ?? this.sentenceCueSpeaker(view, s);
        this.endSentence(view, s, cueSpeaker);
        if (sentenceSpeaker) {
          paragraphSpeaker = sentenceSpeaker;
          lastSentenceSpeaker = sentenceSpeaker;
        } else lastSentenceSpeaker = undefined;
      }
      previousParagraphSpeaker = lastSentenceSpeaker;
    }
    this.resolveHeadlines(headlineQuotes);
    return this.quotes
      .filter((q) => q.kind !== 'reported' || this.speakers.get(q))
      .map((q) => {
        const speaker = this.speakers.get(q);
        const cue = this.cues.get(q);
        const out: Quote = { start: q.start, end: q.end, text: q.text, kind: q.kind };
        if (speaker) out.speaker = speaker;
        if (cue) out.cue = cue;
        return out;
      });
  }

  private readonly cues = new Map<Quote, Span | undefined>();

  private set(q: Quote, speaker: Speaker | undefined, cue: Span | undefined): void {
    this.resolved.add(q);
    this.speakers.set(q, speaker);
    this.cues.set(q, cue);
  }

  // ----- sentence state -----

  private endSentence(view: ParagraphView, s: Sentence, speaker: Speaker | undefined): void {
    const vis = this.visible[view.index];
    const sStart = view.tokens[s.first].start;
    const sEnd = view.tokens[s.last - 1].end;
    let person: Salient | undefined;
    let group: Salient | undefined;
    for (const m of vis) {
      const mm = this.mentions[m];
      if (mm.start < sStart) continue;
      if (mm.start >= sEnd) break;
      const entity = this.speakerEntity(mm.entity);
      this.lastMentionOf.set(entity, m);
      if (this.entities[entity].type === 'Person') person ??= { entity, mention: m };
      else if (!this.isPossessive(view, mm)) group ??= { entity, mention: m };
    }
    if (speaker) {
      const sp = { entity: speaker.entity, mention: speaker.mention };
      if (this.entities[speaker.entity].type === 'Person') person = sp;
      else group = sp;
      this.lastSpeaker = speaker;
    }
    if (person) this.lastPerson = person;
    if (group) this.lastGroup = group;
  }

  private isPossessive(view: ParagraphView, m: Mention): boolean {
    const rel = m.end - view.p.start;
    return /^['’]s?\b/.test(view.p.text.slice(rel, rel + 3));
  }

  /** The speaker of the first speech verb of a sentence that has no quote (salience only). */
  private sentenceCueSpeaker(view: ParagraphView, s: Sentence): Speaker | undefined {
    for (let k = s.first; k < s.last; k++) {
      if (view.quoteOf[k] >= 0) continue;
      const cv = speechVerbAt(view, k);
      if (!cv) continue;
      const res = this.subjectOf(view, s, cv, 0);
      if (res?.speaker) return res.speaker;
    }
    return undefined;
  }

  // ----- quotes -----

  private resolveReported(view: ParagraphView, s: Sentence, r: Quote): Resolution | undefined {
    if (!r.cue) return undefined;
    const k = tokenStartingAt(view.tokens, r.cue.start);
    if (k < 0) return undefined;
    const cv = speechVerbAt(view, k, true); // findReported already took it for a verb
    if (!cv) return undefined;
    return this.subjectOf(view, s, cv, 0);
  }

  private resolveQuote(view: ParagraphView, s: Sentence, q: Quote): Resolution | undefined {
    const toks = view.tokens;
    const qIndex = view.quotes.indexOf(q);
    let qFirst = -1;
    let qLast = -1;
    for (let k = s.first; k < s.last; k++) {
      if (view.quoteOf[k] === qIndex) {
        if (qFirst < 0) qFirst = k;
        qLast = k;
      }
    }
    // Tokens after the quote up to the next quote or the sentence end.
    let afterEnd = qLast + 1;
    if (qLast >= 0) while (afterEnd < s.last && view.quoteOf[afterEnd] < 0) afterEnd++;
    const afterFrom = qLast >= 0 ? qLast + 1 : s.last;

    // 1. Right after the quote: "…,” he said", "…", said KCNA", "…" - Matthew Ingram".
    if (afterFrom < afterEnd) {
      const gap = view.p.text.slice(q.end - view.p.start, toks[afterFrom].start - view.p.start);
      if (/^\s*[—–-]\s*$/.test(gap) || /^[—–-]/.test(toks[afterFrom].pre)) {
        const m = this.mentionByFirst[view.index].get(afterFrom);
        if (m !== undefined) return { speaker: this.named(m, 'cue'), cue: spanOf(toks, afterFrom, afterFrom + 1) };
      }
      for (let k = afterFrom; k < Math.min(afterEnd, afterFrom + 6); k++) {
        const cv = speechVerbAt(view, k) ?? this.attributionVerbAt(view, q, afterFrom, k);
        if (cv) {
          const res = this.subjectOf(view, s, cv, 0);
          if (res) return res;
          break;
        }
        if (/[.;:!?]/.test(toks[k].post)) break;
      }
      // A bare name or description after a whole quote: "“…” Anonymous blogger, …".
      if (q.kind === 'direct' && qFirst === s.first) {
        let hasVerb = false;
        let k = afterFrom;
        for (; k < afterEnd; k++) {
          if (toks[k].tags.has('Verb')) hasVerb = true;
          if (/[,;:]/.test(toks[k].post)) { k++; break; }
        }
        if (!hasVerb && k - afterFrom <= 6) return this.bareAttribution(view, afterFrom, k);
      }
    }
    // "“… Scientology.” Anonymous blogger, …": a verbless name or description after a quote
    // that ends its sentence.
    if (afterFrom >= s.last && q.kind === 'direct' && qFirst === s.first) {
      const next = view.sentences[view.sentences.indexOf(s) + 1];
      if (next && view.quoteOf[next.first] < 0) {
        let hasVerb = false;
        let k = next.first;
        for (; k < next.last && view.quoteOf[k] < 0; k++) {
          if (toks[k].tags.has('Verb')) hasVerb = true;
          if (/[,;:]/.test(toks[k].post)) { k++; break; }
        }
        if (!hasVerb && k - next.first <= 6 && (k >= next.last || /[,;:]/.test(toks[k - 1].post))) return this.bareAttribution(view, next.first, k);
      }
    }
    // 2. Before the quote in the same sentence: the nearest verb of saying, "quoting X",
    //    "according to X"; then any other attribution in the sentence.
    const before = qFirst >= 0 ? qFirst : s.last;
    let according: number | undefined;
    let quoting: number | undefined;
    let nearest: CueVerb | undefined;
    for (let k = before - 1; k >= s.first; k--) {
      if (view.quoteOf[k] >= 0) continue;
      const t = toks[k];
      if (t.lower === 'according' && toks[k + 1]?.lower === 'to') { according ??= k; continue; }
      if (t.lower === 'quoting' || t.lower === 'citing') { quoting ??= k; continue; }
      if (nearest) continue;
      const cv = speechVerbAt(view, k);
      if (!cv) continue;
      const vg = verbGroupStart(view, k, s.first);
      if (isPassive(view, vg, k)) continue;
      if (/ing$/.test(t.lower) && !this.ingIntroduces(view, cv, before)) continue;
      nearest = cv;
    }
    // "… any process “must be well thought out”: “Moves …”": a quote after a colon goes on
    // with the reported words before it.
    if (before > s.first && /:\s*$/.test(view.p.text.slice(0, q.start - view.p.start))) {
      const host = this.items[view.index].find((r) => r.kind === 'reported' && r.end <= q.start && r.end >= toks[before - 1].start && this.speakers.get(r));
      if (host) return { speaker: this.speakers.get(host), cue: this.cues.get(host) ?? host };
    }
    if (quoting !== undefined) {
      const res = this.objectOf(view, s, quoting + 1, 'cue');
      if (res?.speaker) return { speaker: res.speaker, cue: { start: toks[quoting].start, end: res.cue.end } };
    }
    if (nearest) {
      const res = this.subjectOf(view, s, nearest, 0);
      if (res) return res;
    }
    // "“…”, according to a statement from the ministry."
    if (according === undefined) {
      for (let k = afterFrom; k + 1 < s.last; k++) {
        if (view.quoteOf[k] < 0 && toks[k].lower === 'according' && toks[k + 1].lower === 'to') { according = k; break; }
      }
    }
    if (according !== undefined) {
      const res = this.objectOf(view, s, according + 2, 'cue');
      if (res) return { speaker: res.speaker, cue: { start: toks[according].start, end: Math.max(res.cue.end, toks[according + 1].end) } };
    }
    // 3. An attribution after a later quote of the same sentence ("“Yes,” he said, “we will.”").
    for (let k = afterEnd; k < s.last; k++) {
      if (view.quoteOf[k] >= 0) continue;
      const cv = speechVerbAt(view, k);
      if (!cv) continue;
      const vg = verbGroupStart(view, k, s.first);
      if (isPassive(view, vg, k)) continue;
      const res = this.subjectOf(view, s, cv, 0);
      if (res) return res;
    }
    return undefined;
  }

  /** A name standing alone as the attribution ("- Matthew Ingram"); a description names nobody. */
  private bareAttribution(view: ParagraphView, from: number, to: number): Resolution {
    const m = this.mentionByLast[view.index].get(to - 1);
    const ok = m !== undefined && this.mentions[m].start <= view.tokens[from].start + 40;
    return { speaker: ok ? this.named(m, 'cue') : undefined, cue: spanOf(view.tokens, from, to) };
  }

  /** "“…,” Khazali regretted": any verb right after a name or pronoun that follows a quote ending in a comma. */
  private attributionVerbAt(view: ParagraphView, q: Quote, from: number, k: number): CueVerb | undefined {
    if (k !== from + 1 && !(this.mentionByLast[view.index].has(k - 1) && k - from <= 4)) return undefined;
    const t = view.tokens[k];
    if (!t.tags.has('Verb') || !/(PastTense|PresentTense)/.test([...t.tags].join())) return undefined;
    if (!/[,!?]["'”’]?\s*$/.test(q.text) && !/^[\s"”’]*,/.test(view.tokens[from - 1]?.post ?? '')) return undefined;
    const subj = view.tokens[k - 1];
    const isSubject = this.mentionByLast[view.index].has(k - 1) || PERSON_PRONOUNS.has(subj.lower) || GROUP_PRONOUNS.has(subj.lower);
    if (!isSubject) return undefined;
    return { at: k, end: k + 1, verb: { lemma: t.lower, reported: false } };
  }

  /** "with Boswell stating: “…”": an -ing verb of saying introduces the quote right after it. */
  private ingIntroduces(view: ParagraphView, cv: CueVerb, quoteFirst: number): boolean {
    const toks = view.tokens;
    if (/[:,]/.test(toks[cv.end - 1].post) && cv.end === quoteFirst) return true;
    if (cv.end === quoteFirst) return true;
    return false;
  }

  // ----- subjects -----

  /** Who speaks a verb of saying: its subject before it, or after it when inverted ("said Mohib"). */
  private subjectOf(view: ParagraphView, s: Sentence, cv: CueVerb, depth: number): Resolution | undefined {
    const toks = view.tokens;
    const lo = clauseStart(view, s, cv.at);
    const vg = verbGroupStart(view, cv.at, lo);
    if (isPassive(view, vg, cv.at)) return { speaker: undefined, cue: spanOf(toks, vg, cv.end) };
    const verbSpan = spanOf(toks, vg, cv.end);
    const j = vg - 1;
    const byLast = this.mentionByLast[view.index];
    const inverted = (): Resolution | undefined => {
      const res = this.objectOf(view, s, cv.end, 'cue');
      return res ? { speaker: res.speaker, cue: { start: verbSpan.start, end: res.cue.end } } : undefined;
    };
    if (j < lo) return inverted();
    const prev = toks[j];
    const commaBefore = /,/.test(prev.post);
    // A participle after a comma or "while": the subject of the main clause ("…, stating that").
    if (/ing$/.test(toks[cv.at].lower) && (commaBefore || /^(while|whilst|when|after|before|by)$/.test(prev.lower)) && depth < 2) {
      if (!byLast.has(j) && !PERSON_PRONOUNS.has(prev.lower) && !GROUP_PRONOUNS.has(prev.lower)) {
        const main = this.firstVerb(view, lo, vg);
        if (main !== undefined) {
          const res = this.subjectOf(view, s, { at: main, end: main + 1, verb: { lemma: toks[main].lower, reported: false } }, depth + 1);
          if (res) return { ...res, cue: { start: Math.min(res.cue.start, verbSpan.start), end: verbSpan.end } };
        }
      }
    }
    // A comma right before the verb closes an appositive: "Paul Dewar, an Ottawa MP, said",
    // "Cynthia Thompson, curator at the University of Arkansas, Fayetteville, said".
    if (commaBefore) {
      const appositive = this.appositiveSubject(view, lo, j + 1);
      if (appositive !== undefined) return { speaker: this.named(appositive, 'cue'), cue: { start: this.mentions[appositive].start, end: verbSpan.end } };
    }
    // A name right before the verb.
    const m = byLast.get(j);
    if (m !== undefined) {
      const chosen = this.headOfNamePhrase(view, j, m, lo);
      if (chosen !== undefined) return { speaker: this.named(chosen, 'cue'), cue: { start: this.mentions[chosen].start, end: verbSpan.end } };
    }
    if (!commaBefore) {
      if (PERSON_PRONOUNS.has(prev.lower) || GROUP_PRONOUNS.has(prev.lower)) {
        return { speaker: this.pronoun(view, s, prev.lower, j), cue: { start: prev.start, end: verbSpan.end } };
      }
      if (OTHER_PRONOUNS.has(prev.lower)) return { speaker: undefined, cue: { start: prev.start, end: verbSpan.end } };
      if (prev.lower === 'and' || prev.lower === 'or' || prev.lower === 'but') {
        if (depth >= 2) return undefined;
        const earlier = this.previousCue(view, s.first, j) ?? this.firstVerb(view, lo, j);
        if (earlier === undefined) return undefined;
        const cue: CueVerb = typeof earlier === 'number' ? { at: earlier, end: earlier + 1, verb: { lemma: toks[earlier].lower, reported: false } } : earlier;
        const res = this.subjectOf(view, s, cue, depth + 1);
        return res ? { speaker: res.speaker, cue: { start: res.cue.start, end: verbSpan.end } } : undefined;
      }
      if (prev.tags.has('Noun') || prev.tags.has('Plural') || prev.tags.has('Singular')) {
        return this.description(view, lo, j, verbSpan);
      }
      if (j === lo - 1) return inverted();
      return undefined;
    }
    // A comma right before the verb: an appositive ("Paul Dewar, an Ottawa MP, said") or an
    // inverted attribution ("Institutional recipients, said Mauer, are …").
    const appositive = this.appositiveSubject(view, lo, j);
    if (appositive !== undefined) return { speaker: this.named(appositive, 'cue'), cue: { start: this.mentions[appositive].start, end: verbSpan.end } };
    return inverted();
  }

  /** "Matthew Ingram of The Globe and Mail dubbed": the name before a prepositional phrase. */
  private headOfNamePhrase(view: ParagraphView, j: number, m: number, lo: number): number | undefined {
    const toks = view.tokens;
    const byLast = this.mentionByLast[view.index];
    let first = j;
    while (first > lo && toks[first - 1].end > this.mentions[m].start) first--;
    const before = toks[first - 1];
    if (first - 1 >= lo && before && NAME_PHRASE_PREPOSITIONS.has(before.lower) && !/,/.test(before.post)) {
      // Walk back over the prepositional phrase to the name it belongs to.
      const head = byLast.get(first - 2);
      if (head !== undefined && !/,/.test(toks[first - 2].post)) return this.headOfNamePhrase(view, first - 2, head, lo) ?? head;
      // "with Boswell stating": the name is the subject of the -ing verb; "Minister of
      // Education Stefania Giannini said": a person's name ends a title.
      return before.lower === 'with' || this.mentions[m].type === 'Person' ? m : undefined;
    }
    return m;
  }

  /** The first name followed by a comma-enclosed appositive that runs up to the verb; people first. */
  private appositiveSubject(view: ParagraphView, lo: number, j: number): number | undefined {
    const toks = view.tokens;
    const byLast = this.mentionByLast[view.index];
    let any: number | undefined;
    for (let k = lo; k < j; k++) {
      if (view.quoteOf[k] >= 0) continue;
      const m = byLast.get(k);
      if (m === undefined || !/,/.test(toks[k].post)) continue;
      const mm = this.mentions[m];
      let first = k;
      while (first > lo && toks[first - 1].end > mm.start) first--;
      if (first - 1 >= lo && PREPOSITIONS.has(toks[first - 1].lower) && toks[first - 1].lower !== 'of') continue;
      if (mm.type === 'Person') return m;
      any ??= m;
    }
    return any;
  }

  private firstVerb(view: ParagraphView, lo: number, hi: number): number | undefined {
    for (let k = lo; k < hi; k++) {
      if (view.quoteOf[k] >= 0) continue;
      const t = view.tokens[k];
      if (t.tags.has('Verb') && !t.tags.has('Auxiliary') && !t.tags.has('Copula') && !VERB_GROUP_WORDS.has(t.lower)) return k;
    }
    return undefined;
  }

  private previousCue(view: ParagraphView, lo: number, hi: number): CueVerb | undefined {
    for (let k = hi - 1; k >= lo; k--) {
      if (view.quoteOf[k] >= 0) continue;
      const cv = speechVerbAt(view, k);
      if (cv) return cv;
    }
    return undefined;
  }

  /** A name, a title and name, or a description after a verb or a preposition. */
  private objectOf(view: ParagraphView, s: Sentence, from: number, via: Speaker['via']): Resolution | undefined {
    const toks = view.tokens;
    const byFirst = this.mentionByFirst[view.index];
    for (let k = from; k < Math.min(s.last, from + 5); k++) {
      if (view.quoteOf[k] >= 0) return undefined;
      const m = byFirst.get(k);
      if (m === undefined && /^(the|a|an)$/.test(toks[k].lower) && byFirst.has(k + 1)) continue;
      if (m !== undefined) {
        // "North Korea's main news agency KCNA": a possessive name modifies what follows.
        if (this.isPossessive(view, this.mentions[m])) continue;
        let last = k;
        while (last + 1 < s.last && toks[last + 1].start < this.mentions[m].end) last++;
        // "Korean Central News Agency (KCNA)": the name in brackets right after is the same one.
        return { speaker: this.named(m, via), cue: spanOf(toks, from, last + 1) };
      }
      const t = toks[k];
      // "according to him": an object pronoun; an inverted "said he" is not news English.
      const subject = OBJECT_PRONOUNS[t.lower];
      if (k === from && subject) return { speaker: this.pronoun(view, s, subject, k), cue: spanOf(toks, k, k + 1) };
      if (k === from && (PERSON_PRONOUNS.has(t.lower) || GROUP_PRONOUNS.has(t.lower) || OTHER_PRONOUNS.has(t.lower))) return undefined;
      if (/^\p{Lu}/u.test(t.text) && !t.tags.has('Determiner') && !t.tags.has('Pronoun')) continue; // a title
      if (t.tags.has('Determiner') || t.tags.has('Adjective') || t.tags.has('Noun')) {
        // A description: up to its head noun.
        let end = k;
        while (end + 1 < s.last && view.quoteOf[end + 1] < 0 && !/[,;:.!?]/.test(toks[end].post) && !PREPOSITIONS.has(toks[end + 1].lower) && !toks[end + 1].tags.has('Verb')) end++;
        // "said councillor Helen Hayden", "said spokeswoman Jane Doe": a lowercase role, then the name.
        for (let n = k + 1; n <= end; n++) {
          const inner = byFirst.get(n);
          if (inner === undefined) continue;
          if (this.mentions[inner].type === 'Person' && !this.isPossessive(view, this.mentions[inner])) {
            let last = n;
            while (last + 1 < s.last && toks[last + 1].start < this.mentions[inner].end) last++;
            return { speaker: this.named(inner, via), cue: spanOf(toks, from, last + 1) };
          }
          break;
        }
        // "said the company's chief executive, John Smith": the name in apposition.
        const named = end + 1 < s.last && /^,\s*$/.test(toks[end].post) ? byFirst.get(end + 1) : undefined;
        if (named !== undefined && this.mentions[named].type === 'Person') {
          let last = end + 1;
          while (last + 1 < s.last && toks[last + 1].start < this.mentions[named].end) last++;
          return { speaker: this.named(named, via), cue: spanOf(toks, from, last + 1) };
        }
        return this.describedBy(view, k, end, spanOf(toks, from, end + 1));
      }
      return undefined;
    }
    return undefined;
  }

  private description(view: ParagraphView, lo: number, j: number, verbSpan: Span): Resolution {
    const toks = view.tokens;
    let first = j;
    while (first > lo && view.quoteOf[first - 1] < 0 && !/[,;:]/.test(toks[first - 1].post)) first--;
    return this.describedBy(view, first, j, { start: toks[first].start, end: verbSpan.end });
  }

  /**
   * What a description stands for: a document of a named author ("PC World's analysis", "the
   * Home Office letter"); a person described by a role ("the Asa’ib Ahl al-Haq chief", "the
   * minister"); an organisation by a word of its name ("the city" -> "Municipality of Livorno").
   */
  private describedBy(view: ParagraphView, first: number, headAt: number, cue: Span): Resolution {
    const toks = view.tokens;
    // Head: the last noun of the phrase before any "of"/"by" complement.
    let head = headAt;
    for (let k = first; k <= headAt; k++) {
      if (PREPOSITIONS.has(toks[k].lower)) { head = k - 1; break; }
    }
    const headWord = toks[Math.max(first, head)].lower.replace(/['’]s$/, '');
    const inPhrase: number[] = [];
    const byFirst = this.mentionByFirst[view.index];
    for (let k = first; k <= headAt; k++) {
      const m = byFirst.get(k);
      if (m !== undefined) inPhrase.push(m);
    }
    if (PERSON_ROLE_NOUNS.has(headWord)) {
      const person = this.personByRole(view, inPhrase, headWord, toks[first], toks[headAt].end);
      if (person) return { speaker: { entity: this.mentions[person.mention].entity, mention: person.mention, via: 'description' }, cue };
      return { speaker: undefined, cue };
    }
    // A document or an outlet of a named author: the name before the head noun ("the Home
    // Office letter", "PC World's analysis"), or right after it ("a statement from the ministry").
    const owner = inPhrase.find((m) => this.mentions[m].start < toks[Math.max(first, head)].start);
    if (owner !== undefined && this.mentions[owner].type !== 'Person') return { speaker: this.named(owner, 'description'), cue };
    const of = head + 1;
    if (head >= first && of < toks.length && /^(from|by|of)$/.test(toks[of].lower) && view.quoteOf[of] < 0) {
      const byFirst = this.mentionByFirst[view.index];
      const m = byFirst.get(of + 1) ?? (/^(the|a|an)$/.test(toks[of + 1]?.lower ?? '') ? byFirst.get(of + 2) : undefined);
      if (m !== undefined) return { speaker: this.named(m, 'description'), cue: { start: cue.start, end: Math.max(cue.end, this.mentions[m].end) } };
    }
    // A country's institution named by its demonym: "The Rwandan government said" speaks for
    // Rwanda, when the article names Rwanda.
    if (STATE_NOUNS.has(headWord)) {
      for (let k = first; k < head; k++) {
        const country = this.countryMention(countryNamesOf(toks[k].text));
        if (country !== undefined) return { speaker: this.named(country, 'description'), cue };
      }
    }
    // An organisation named by a word of its name.
    const byName = this.byNameWord(headWord);
    if (byName) return { speaker: { entity: this.mentions[byName].entity, mention: byName, via: 'description' }, cue };
    return { speaker: undefined, cue };
  }

  private personByRole(view: ParagraphView, inPhrase: number[], headWord: string, firstTok: Token, after: number): Salient | undefined {
    // An organisation in the description that an earlier description tied to a person.
    for (const m of inPhrase) {
      const known = this.personFor.get(this.mentions[m].entity);
      if (known) return this.latest(known);
    }
    // A person whose recorded roles mention the organisation or the role.
    const orgNames = inPhrase.map((m) => this.mentions[m].text.toLowerCase());
    let best: Salient | undefined;
    const key = inPhrase.map((m) => this.mentions[m].entity).join(',') + '|' + headWord;
    if (orgNames.length && !this.roleScans.has(key)) {
      this.roleScans.add(key);
      for (const e of this.entities) {
        if (e.type !== 'Person' || !e.roles.length) continue;
        const roles = e.roles.join(' ').toLowerCase();
        if (orgNames.some((o) => roles.includes(o)) && roles.includes(headWord)) {
          const mention = this.lastMentionOf.get(e.id) ?? e.mentions[0];
          best = { entity: e.id, mention };
          break;
        }
      }
    }
    if (best) return this.remember(inPhrase, best);
    // Nobody spoken of yet (a headline, an opening sentence): the next person the text names.
    if (!this.lastPerson && (HEADLINE_PERSON_NOUNS.has(headWord) || LEADER_ROLE_NOUNS.has(headWord))) {
      const next = this.nextPerson(view, after);
      if (next) return this.remember(inPhrase, next);
    }
    if (LEADER_ROLE_NOUNS.has(headWord) && /^the$/i.test(firstTok.text) && this.lastPerson) return this.remember(inPhrase, this.latest(this.lastPerson));
    return undefined;
  }

  private readonly roleScans = new Set<string>();

  private remember(inPhrase: number[], person: Salient): Salient {
    for (const m of inPhrase) if (this.mentions[m].type !== 'Person') this.personFor.set(this.mentions[m].entity, person);
    return person;
  }

  private latest(s: Salient): Salient {
    const m = this.lastMentionOf.get(s.entity);
    return m !== undefined ? { entity: s.entity, mention: m } : s;
  }

  /** The next person named outside quotes within the next few paragraphs. */
  private nextPerson(view: ParagraphView, after: number): Salient | undefined {
    for (let pi = view.index; pi < Math.min(this.views.length, view.index + 4); pi++) {
      for (const m of this.visible[pi]) {
        const mm = this.mentions[m];
        if (mm.start >= after && mm.type === 'Person') return { entity: mm.entity, mention: m };
      }
    }
    return undefined;
  }

  /** The latest mention so far of the country with one of these (lower-case) names. */
  private countryMention(names: string[]): number | undefined {
    if (!names.length) return undefined;
    let best: number | undefined;
    for (const e of this.entities) {
      if (e.type !== 'Place' || !names.includes(e.name.toLowerCase())) continue;
      const m = this.lastMentionOf.get(e.id);
      if (m !== undefined && (best === undefined || this.mentions[m].start > this.mentions[best].start)) best = m;
    }
    return best;
  }

  private byNameWord(word: string): number | undefined {
    const words = DESCRIPTION_SYNONYMS[word] ?? [word];
    let best: number | undefined;
    for (const w of words) {
      for (const id of this.nameWords.get(w) ?? []) {
        const m = this.lastMentionOf.get(id);
        if (m !== undefined && (best === undefined || this.mentions[m].start > this.mentions[best].start)) best = m;
      }
    }
    return best;
  }

  /** "he said": the person last spoken of; "it added": the organisation or country last spoken of. */
  private pronoun(view: ParagraphView, s: Sentence, word: string, at: number): Speaker | undefined {
    const person = PERSON_PRONOUNS.has(word);
    // A name earlier in the same sentence, outside quotes.
    const sStart = view.tokens[s.first].start;
    const before = view.tokens[at].start;
    for (const m of this.visible[view.index]) {
      const mm = this.mentions[m];
      if (mm.start < sStart) continue;
      if (mm.start >= before) break;
      if ((this.entities[this.speakerEntity(mm.entity)].type === 'Person') === person && !this.isPossessive(view, mm)) return this.named(m, 'pronoun');
    }
    const salient = person ? this.lastPerson : (this.lastSpeaker && this.entities[this.lastSpeaker.entity].type !== 'Person' ? { entity: this.lastSpeaker.entity, mention: this.lastSpeaker.mention } : this.lastGroup);
    if (!salient) return undefined;
    const l = this.latest(salient);
    return { entity: l.entity, mention: l.mention, via: 'pronoun' };
  }

  private named(m: number, via: Speaker['via']): Speaker {
    return { entity: this.speakerEntity(this.mentions[m].entity), mention: m, via };
  }

  /**
   * Speakers are mostly people named by their surname: a one-word name that is the last word
   * of exactly one person's full name stands for that person ("Paris claims" after "Valeska
   * Paris"), whatever type the name was given on its own.
   */
  private speakerEntity(entity: number): number {
    let mapped = this.speakerEntities.get(entity);
    if (mapped === undefined) this.speakerEntities.set(entity, (mapped = this.findSpeakerEntity(entity)));
    return mapped;
  }

  private readonly speakerEntities = new Map<number, number>();

  private findSpeakerEntity(entity: number): number {
    const e = this.entities[entity];
    if (!e || /\s/.test(e.name.trim())) return entity;
    const name = e.name.toLowerCase();
    let full = this.surnames.get(name);
    if (full === undefined && name.length >= 5) {
      // A misspelt surname ("Mauer" for Maurer, "Water" for Waters): one letter apart from
      // exactly one person's surname.
      const near = [-1, 0, 1].flatMap((d) => this.surnamesByShape.get(`${name[0]}${name.length + d}`) ?? []);
      for (const [surname, id] of near) {
        if (oneEditApart(surname, name)) {
          if (full !== undefined) { full = undefined; break; }
          full = id;
        }
      }
    }
    return full !== undefined && full !== entity ? full : entity;
  }

  // ----- headlines -----

  /** A quote in the headline, or a sub-headline that is nothing but a quote without a full stop. */
  private isHeadline(view: ParagraphView, q: Quote): boolean {
    const p = view.p;
    if (view.index === 0 && p.text.length < 250 && !/[.!?…]["'”’)\]]*$/.test(p.text)) return true;
    if (q.start !== p.start || q.end !== p.end) return false;
    return !/[.!?…]/.test(q.text.slice(1, -1).trim().slice(-1)) && q.text.length < 200;
  }

  private resolveHeadlines(headlines: Quote[]): void {
    if (!headlines.length) return;
    const isHeadline = new Set(headlines);
    const body = this.quotes.filter((q) => this.speakers.has(q) && !isHeadline.has(q)).sort((x, y) => x.start - y.start);
    for (const h of headlines) {
      const words = contentWords(h.text);
      let best: Quote | undefined;
      let bestScore = 0;
      // The body's attribution follows within a few paragraphs.
      let lo = 0;
      let hi = body.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (body[mid].start <= h.end) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < body.length && i < lo + 40; i++) {
        const b = body[i];
        const bw = contentWords(b.text);
        let shared = 0;
        for (const w of words) if (bw.has(w)) shared++;
        const score = words.size ? shared / words.size : 0;
        if (score > bestScore + 1e-9) { best = b; bestScore = score; }
        if (b.start - h.end > 20000) break;
      }
      if (best && bestScore >= 0.6) {
        const sp = this.speakers.get(best);
        this.set(h, sp ? { ...sp, via: 'headline' } : undefined, undefined);
      } else this.set(h, undefined, undefined);
    }
  }
}

function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const STOP = new Set(['the', 'a', 'an', 'of', 'in', 'on', 'to', 'and', 'or', 'for', 'is', 'are', 'was', 'were', 'be', 'it', 'that', 'this', 'with', 'as', 'at', 'by']);

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/['’]s\b/g, '').split(/[^\p{L}\p{N}-]+/u).filter((w) => w.length > 1 && !STOP.has(w)));
}

/** The sentence holding the first token at or after `offset`. */
function sentenceOf(view: ParagraphView, offset: number): number {
  const k = firstTokenFrom(view.tokens, offset);
  let lo = 0;
  let hi = view.sentences.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (view.sentences[mid].first <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function spanOf(tokens: Token[], first: number, last: number): Span {
  return { start: tokens[first].start, end: tokens[Math.max(first, last - 1)].end };
}

export function tokenStartingAt(tokens: Token[], offset: number): number {
  const lo = firstTokenFrom(tokens, offset);
  return lo < tokens.length && tokens[lo].start === offset ? lo : -1;
}

