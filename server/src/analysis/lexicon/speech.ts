// Words that attribute speech: verbs of saying and writing, the pronouns and descriptions that
// stand for a speaker, and the small words between a subject and its verb. General English only:
// nothing here names a person, a place or an article.

/** How a verb of saying relates to what was said. */
export interface SpeechVerb {
  lemma: string;
  /** Takes a content clause ("said (that) …"): reported speech. */
  reported: boolean;
  /** Names what it is said of before the quote ("described X as “…”", "called X “…”"). */
  describes?: boolean;
  /** Takes the addressee first ("told Sky News …", "asked officials how …"). */
  addressee?: boolean;
  /** The -ing form only introduces a clause with "that" ("noting that …", "adding that …"). */
  ingNeedsThat?: boolean;
  /** Every form needs "that" to report ("observed that …" remarks; "observed the crowd" saw). */
  needsThat?: boolean;
}

const VERBS: SpeechVerb[] = [
  // Verbs of saying, writing and announcing that take a content clause.
  { lemma: 'say', reported: true },
  { lemma: 'tell', reported: true, addressee: true },
  { lemma: 'add', reported: true, ingNeedsThat: true },
  { lemma: 'announce', reported: true },
  { lemma: 'state', reported: true },
  { lemma: 'claim', reported: true },
  { lemma: 'deny', reported: true },
  { lemma: 'argue', reported: true },
  { lemma: 'warn', reported: true, addressee: true },
  { lemma: 'explain', reported: true },
  { lemma: 'ask', reported: true, addressee: true },
  { lemma: 'report', reported: true },
  { lemma: 'insist', reported: true },
  { lemma: 'admit', reported: true },
  { lemma: 'write', reported: true },
  { lemma: 'note', reported: true, ingNeedsThat: true },
  { lemma: 'observe', reported: true, ingNeedsThat: true, needsThat: true },
  { lemma: 'assert', reported: true },
  { lemma: 'highlight', reported: true, ingNeedsThat: true },
  { lemma: 'promise', reported: true },
  { lemma: 'recommend', reported: true },
  { lemma: 'confirm', reported: true },
  { lemma: 'reveal', reported: true },
  { lemma: 'acknowledge', reported: true },
  { lemma: 'allege', reported: true },
  { lemma: 'declare', reported: true },
  { lemma: 'maintain', reported: true, ingNeedsThat: true },
  { lemma: 'contend', reported: true },
  { lemma: 'stress', reported: true, ingNeedsThat: true },
  { lemma: 'emphasize', reported: true },
  { lemma: 'emphasise', reported: true },
  { lemma: 'reiterate', reported: true },
  { lemma: 'concede', reported: true },
  { lemma: 'disclose', reported: true },
  { lemma: 'testify', reported: true },
  { lemma: 'tweet', reported: true },
  { lemma: 'comment', reported: true },
  { lemma: 'remark', reported: true },
  { lemma: 'mention', reported: true, ingNeedsThat: true },
  { lemma: 'reply', reported: true },
  { lemma: 'respond', reported: true },
  { lemma: 'predict', reported: true },
  { lemma: 'complain', reported: true },
  { lemma: 'inform', reported: true, addressee: true },
  { lemma: 'assure', reported: true, addressee: true },
  { lemma: 'remind', reported: true, addressee: true },
  { lemma: 'vow', reported: true },
  { lemma: 'pledge', reported: true },
  { lemma: 'suggest', reported: true },
  { lemma: 'caution', reported: true },
  { lemma: 'boast', reported: true },
  { lemma: 'proclaim', reported: true },
  { lemma: 'point out', reported: true },
  // Verbs that introduce quoted words but not a reported clause here.
  { lemma: 'continue', reported: false },
  { lemma: 'conclude', reported: false },
  { lemma: 'reason', reported: false },
  { lemma: 'exclaim', reported: false },
  { lemma: 'joke', reported: false },
  { lemma: 'quip', reported: false },
  { lemma: 'recall', reported: false },
  { lemma: 'recount', reported: false },
  { lemma: 'repeat', reported: false },
  { lemma: 'urge', reported: false },
  { lemma: 'plead', reported: false },
  { lemma: 'demand', reported: false },
  { lemma: 'shout', reported: false },
  { lemma: 'whisper', reported: false },
  { lemma: 'cry', reported: false },
  { lemma: 'retort', reported: false },
  { lemma: 'counter', reported: false },
  { lemma: 'answer', reported: false },
  { lemma: 'read', reported: false },
  { lemma: 'post', reported: false },
  { lemma: 'regret', reported: false },
  { lemma: 'lament', reported: false },
  { lemma: 'wonder', reported: false },
  { lemma: 'describe', reported: false, describes: true },
  { lemma: 'call', reported: false, describes: true },
  { lemma: 'dub', reported: false, describes: true },
  { lemma: 'term', reported: false, describes: true },
  { lemma: 'characterize', reported: false, describes: true },
  { lemma: 'characterise', reported: false, describes: true },
  { lemma: 'brand', reported: false, describes: true },
  { lemma: 'label', reported: false, describes: true },
  { lemma: 'hail', reported: false, describes: true },
];

const IRREGULAR: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'written', 'writing'],
  read: ['read', 'reads', 'reading'],
  post: ['post', 'posts', 'posted', 'posting'],
};

/** base, -s, -ed, -ing with the usual spelling rules (deny -> denies, denied; argue -> arguing). */
function inflect(lemma: string): string[] {
  if (IRREGULAR[lemma]) return IRREGULAR[lemma];
  const forms = [lemma];
  const cvc = /[^aeiou][aeiou][bdgmnprt]$/.test(lemma) && !/(en|er|on|it)$/.test(lemma) || /^(regret|dub|quip|admit|commit|omit)$/.test(lemma);
  if (/[^aeiou]y$/.test(lemma)) {
    const stem = lemma.slice(0, -1);
    forms.push(`${stem}ies`, `${stem}ied`, `${lemma}ing`);
  } else if (/e$/.test(lemma)) {
    forms.push(`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`);
  } else if (/(s|sh|ch|x|z)$/.test(lemma)) {
    forms.push(`${lemma}es`, `${lemma}ed`, `${lemma}ing`);
  } else if (cvc) {
    const last = lemma[lemma.length - 1];
    forms.push(`${lemma}s`, `${lemma}${last}ed`, `${lemma}${last}ing`);
  } else {
    forms.push(`${lemma}s`, `${lemma}ed`, `${lemma}ing`);
  }
  return forms;
}

/** Every inflected form of a one-word verb of saying, lower case. */
export const SPEECH_VERB_FORMS = new Map<string, SpeechVerb>();
/** Two-word verbs ("point out"): first word -> particle -> verb. */
export const PHRASAL_SPEECH_VERBS = new Map<string, { particle: string; verb: SpeechVerb }>();
for (const v of VERBS) {
  const [head, particle] = v.lemma.split(' ');
  for (const form of inflect(head)) {
    if (particle) PHRASAL_SPEECH_VERBS.set(form, { particle, verb: v });
    else SPEECH_VERB_FORMS.set(form, v);
  }
}

/** Subject pronouns that stand for a person. */
export const PERSON_PRONOUNS = new Set(['he', 'she']);
/** Subject pronouns that stand for an organisation, a country or a group. */
export const GROUP_PRONOUNS = new Set(['it', 'they']);
/** Pronouns that never resolve to a named speaker in the writer's text. */
export const OTHER_PRONOUNS = new Set(['i', 'we', 'you', 'one', 'someone', 'somebody', 'anyone', 'nobody', 'everyone', 'who', 'which', 'that', 'this', 'these', 'those']);
/** Object pronouns and generic addressees after "told", "asked" … */
export const ADDRESSEE_WORDS = new Set(['him', 'her', 'them', 'us', 'me', 'you', 'it', 'reporters', 'journalists', 'the', 'press', 'media', 'a', 'an', 'local', 'state', 'national', 'news', 'newspaper', 'radio', 'television', 'tv', 'broadcaster', 'audience', 'crowd', 'parliament', 'lawmakers', 'officials', 'government', 'supporters', 'viewers', 'readers', 'interviewers']);

/** Words allowed between a subject and its verb: auxiliaries, modals, adverbs of time and degree. */
export const VERB_GROUP_WORDS = new Set([
  'has', 'have', 'had', 'having', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must',
  'did', 'does', 'do', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'also', 'then', 'later', 'further',
  'again', 'once', 'previously', 'earlier', 'recently', 'just', 'only', 'even', 'still', 'already', 'often',
  'repeatedly', 'publicly', 'personally', 'reportedly', 'allegedly', 'separately', 'similarly', 'likewise',
  'simply', 'firmly', 'flatly', 'strongly', 'openly', 'quickly', 'immediately', 'finally', 'first', 'last',
  'subsequently', 'now', 'today', 'yesterday', 'not', 'never', "n't", 'always', 'explicitly', 'clearly',
]);
export const PASSIVE_AUXILIARIES = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);
export const NEGATIONS = new Set(['not', 'never', "n't", 'no']);

/** Discourse words that may open a sentence before a parenthetical "he said,". */
export const CONNECTIVES = new Set([
  'however', 'but', 'and', 'so', 'still', 'yet', 'meanwhile', 'instead', 'nevertheless', 'nonetheless', 'moreover',
  'furthermore', 'indeed', 'also', 'then', 'now', 'thus', 'therefore', 'besides', 'otherwise', 'however,', 'finally',
  'first', 'second', 'third', 'likewise', 'similarly', 'accordingly', 'consequently', 'in', 'fact', 'addition',
  'particular', 'short', 'sum', 'the', 'end', 'of', 'course', 'for', 'example', 'instance', 'at', 'same', 'time',
  'on', 'other', 'hand', 'by', 'contrast',
]);

/** Heads of descriptions that stand for a person ("the Asa’ib Ahl al-Haq chief", "the minister"). */
export const PERSON_ROLE_NOUNS = new Set([
  'leader', 'chief', 'head', 'president', 'vice-president', 'chairman', 'chairwoman', 'chairperson', 'chair',
  'minister', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'ceo', 'founder', 'co-founder',
  'coach', 'manager', 'captain', 'ambassador', 'envoy', 'governor', 'mayor', 'senator', 'congressman',
  'congresswoman', 'commander', 'premier', 'chancellor', 'lawmaker', 'mp', 'professor', 'curator', 'prosecutor',
  'lawyer', 'attorney', 'judge', 'king', 'queen', 'pope', 'prince', 'princess', 'cleric', 'general', 'official',
  'executive', 'owner', 'editor', 'author', 'chairman', 'boss', 'striker', 'midfielder', 'defender', 'goalkeeper',
  'player', 'star', 'actor', 'actress', 'singer', 'artist', 'writer', 'researcher', 'scientist', 'economist',
  'analyst', 'activist', 'campaigner', 'student', 'teacher', 'doctor', 'officer', 'diplomat', 'politician',
  'candidate', 'woman', 'man', 'girl', 'boy', 'teenager', 'mother', 'father', 'wife', 'husband', 'son', 'daughter',
]);
/** Person descriptions specific enough to resolve to the person the text is about ("the chief said"). */
export const LEADER_ROLE_NOUNS = new Set([
  'leader', 'chief', 'head', 'president', 'chairman', 'chairwoman', 'chairperson', 'minister', 'secretary',
  'spokesman', 'spokeswoman', 'spokesperson', 'director', 'ceo', 'founder', 'co-founder', 'coach', 'manager',
  'captain', 'ambassador', 'envoy', 'governor', 'mayor', 'senator', 'commander', 'premier', 'chancellor',
  'cleric', 'general', 'curator', 'prosecutor', 'boss',
]);
/** Words for people in general that may name a headline's subject ("Local woman says …"). */
export const HEADLINE_PERSON_NOUNS = new Set(['woman', 'man', 'girl', 'boy', 'teenager', 'student', 'mother', 'father', 'leader', 'chief', 'official', 'minister', 'president']);

/** Other words an organisation's name may be referred to by ("the city" for "Municipality of …"). */
export const DESCRIPTION_SYNONYMS: Record<string, string[]> = {
  city: ['city', 'municipality', 'council', 'town'],
  town: ['town', 'municipality', 'council', 'city'],
  municipality: ['municipality', 'city', 'council', 'town'],
  company: ['company', 'inc', 'corp', 'corporation', 'ltd', 'group', 'plc', 'co'],
  firm: ['firm', 'inc', 'corp', 'corporation', 'ltd', 'group', 'plc', 'company'],
  ministry: ['ministry', 'department'],
  department: ['department', 'ministry'],
  university: ['university', 'college'],
  agency: ['agency'],
  church: ['church'],
  party: ['party'],
  council: ['council'],
  court: ['court'],
  police: ['police'],
  army: ['army', 'forces', 'military'],
  military: ['military', 'army', 'forces'],
  union: ['union'],
  committee: ['committee', 'commission'],
  commission: ['commission', 'committee'],
  board: ['board'],
  bank: ['bank'],
  club: ['club'],
  team: ['team'],
  school: ['school', 'academy'],
  museum: ['museum', 'gallery'],
  newspaper: ['times', 'post', 'news', 'herald', 'journal', 'guardian', 'telegraph', 'tribune', 'gazette'],
  paper: ['times', 'post', 'news', 'herald', 'journal', 'guardian', 'telegraph', 'tribune', 'gazette'],
  network: ['news', 'network', 'tv', 'broadcasting'],
  broadcaster: ['news', 'network', 'tv', 'broadcasting', 'radio'],
  foundation: ['foundation'],
  institute: ['institute'],
  association: ['association'],
  organization: ['organization', 'organisation'],
  organisation: ['organisation', 'organization'],
  group: ['group'],
};

/** Prepositions that make a name part of a longer description ("Ingram of The Globe and Mail"). */
export const PREPOSITIONS = new Set(['of', 'at', 'from', 'by', 'for', 'in', 'with', 'to', 'on', 'about', 'over', 'under', 'against', 'like', 'as', 'via', 'into', 'than']);

/** Words that start a content clause ("explained how …"). */
export const CLAUSE_WORDS = new Set(['how', 'why', 'what', 'whether', 'if', 'when', 'where', 'who', 'which']);

/** Small words allowed lower-case inside a title of a work or a name in quotation marks. */
export const TITLE_SMALL_WORDS = new Set([
  'of', 'and', 'the', 'a', 'an', 'in', 'on', 'at', 'to', 'for', 'from', 'with', 'by', 'vs', 'vs.', 'v', 'v.', 'or',
  'nor', 'de', 'del', 'la', 'le', 'les', 'du', 'des', 'von', 'van', 'der', 'den', 'di', 'da', 'el', 'al', 'bin',
  'y', 'e', 'und', '&', 'as', 'into', 'over', 'upon', 'is', 'be', 'but', 'so',
]);
/** Short answers that are speech even in capitals ("“Yes,” he said"). */
export const INTERJECTIONS = new Set([
  'yes', 'no', 'never', 'absolutely', 'thanks', 'thank', 'okay', 'ok', 'sure', 'what', 'why', 'wow', 'right',
  'exactly', 'maybe', 'please', 'hello', 'goodbye', 'bye', 'fine', 'great', 'help', 'stop', 'wait', 'indeed',
  'certainly', 'nonsense', 'rubbish', 'agreed', 'done', 'perhaps', 'welcome', 'sorry', 'oh', 'hey',
]);
/** Elisions that start with an apostrophe ("’90s", "rock ’n’ roll", "’em"). */
export const ELISION = /^['’‘](?:\d0s|\d\d\b|n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|s\b)/i;

/** Nouns for a country's institutions: "the Rwandan government", "the French foreign ministry". */
export const STATE_NOUNS = new Set(`government ministry army military authorities administration embassy cabinet
presidency parliament police navy regime state officials`.split(/\s+/));
