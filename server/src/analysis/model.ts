// The annotation model: what Article Lens knows about an article, in the newsroom's words.
// Every offset is a UTF-16 code unit index into the whole file (front matter included),
// end-exclusive, exactly as JavaScript strings index text.

export interface Span {
  start: number;
  end: number;
}

export type EntityType = 'Person' | 'Organization' | 'Place';

/** One occurrence of a name in the text ("Khazali", "IRGC", "Qais al-Khazali"). */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** Index into `Annotations.entities`. */
  entity: number;
}

/** Someone or something the article names, with all the ways it names them. */
export interface Entity {
  id: number;
  type: EntityType;
  /** The fullest form of the name in the article, without title ("Qais al-Khazali"). */
  name: string;
  /** Other spellings used for the same entity ("Khazali", "IRGC"). */
  aliases: string[];
  /** Titles and roles seen beside the name ("Lieutenant General", "leader of Asa’ib Ahl al-Haq"). */
  roles: string[];
  /** Indexes into `Annotations.mentions`, in text order. */
  mentions: number[];
}

/**
 * `direct`: a whole sentence or more in quotation marks; `partial`: quoted words inside a
 * sentence of the writer's; `reported`: the content clause of "X said (that) ...", unquoted.
 */
export type QuoteKind = 'direct' | 'partial' | 'reported';

/** Who the article says spoke a quote, and the words that say so. */
export interface Speaker {
  /** Index into `Annotations.entities`. */
  entity: number;
  /** Index into `Annotations.mentions`: the mention the attribution links to. */
  mention: number;
  /** How the speaker was found: a cue in the same sentence, a pronoun, a continued turn … */
  via: 'cue' | 'pronoun' | 'description' | 'turn' | 'headline';
}

export interface Quote extends Span {
  text: string;
  kind: QuoteKind;
  speaker?: Speaker;
  /** The attribution words ("he said", "according to the Pentagon", "Khazali regretted"). */
  cue?: Span;
}

export interface DateRef extends Span {
  text: string;
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; null when the text gives no way to tell. */
  value: string | null;
}

export interface FrontMatter {
  title?: string;
  date?: string;
  source?: string;
  url?: string;
  [key: string]: string | undefined;
}

export interface Annotations {
  meta: FrontMatter;
  entities: Entity[];
  mentions: Mention[];
  quotes: Quote[];
  dates: DateRef[];
}
