// Words around and inside names: what a capitalised word at a sentence start usually is when it is
// not a name, the words after a hyphen that end a name ("US-run"), possessives that stay inside a
// name ("Korean People's Army"), and the nouns next to a name that tell its type ("Kurdistan
// region", "broadcaster al-Iraqiya", "Khazali said").

/** Frequent capitalised sentence openers that are English words, not names. */
export const COMMON_WORDS = new Set(`a an the this that these those there here it its it's he she we they i you his her
their our my your one two three four five six seven eight nine ten some many most more much all any both each
every few several no not none other another such what which who whom whose when where why how if unless
although though because since while as after before during until upon about above across against along among
around at by for from in into of off on onto out over through to toward towards under up with within without
yes so but and or nor yet also however meanwhile moreover furthermore nevertheless still then thus therefore
instead indeed now today yesterday tomorrow tonight last next first second third finally later earlier
recently currently already once just only even perhaps maybe according despite following given including
asked speaking writing reports report police officials critics supporters residents hackers people
sources witnesses experts analysts authorities members students teachers parents children women men
fans players visitors attendees organisers organizers users readers viewers voters lawmakers troops
soldiers forces workers staff employees many several new old former local national international
our overall other others anyway besides unfortunately fortunately similarly likewise again altogether
sensitive breaking exclusive update updated editor note photo photos image images video`.split(/\s+/));

/** Lowercase words after a hyphen that end a name: "US-run", "Beijing-based", "Warhol-like". */
export const HYPHEN_SUFFIXES = new Set(`run led based backed born like style owned made held era bound
friendly centric linked allied aligned related oriented critic critics area wide only free themed
focused built language speaking funded sponsored controlled inspired produced designed dominated
affiliated listed registered educated trained raised native type class level size era period day week
year time based home area zone based proof ready wise ward wards ish esque winner winning winners`.split(/\s+/));

/** Possessives that stay inside a name ("Korean People's Army", "Women's Institute"). */
export const INNER_POSSESSIVES = new Set(`people's women's men's children's workers' citizens' veterans' farmers'
nations' writers' artists' consumers' teachers' doctors' traders' voters' girls' boys' ladies' mothers'
fathers' parents' students' soldiers' sailors' miners' peoples'`.split(/\s+/));

/** A lowercase noun right after a name that makes it a place: "Kurdistan region". */
export const PLACE_CUES_AFTER = new Set(`region province city town village county state district area
border borders coast island islands river valley mountains desert airport base neighbourhood
neighborhood suburb municipality governorate prefecture peninsula sea lake capital`.split(/\s+/));

/** A lowercase noun before "of" and a name that makes it a place: "province of Anbar". */
export const PLACE_CUES_BEFORE = new Set(`province city town village region state county district capital
suburb island outskirts streets resident residents native natives mayor`.split(/\s+/));

/** A person's role before "at" and a name that makes it their employer: "an analyst at Bernstein". */
export const AFFILIATION_ROLES = new Set(`analyst analysts economist economists strategist strategists researcher
researchers professor professors lecturer scientist scientists engineer engineers executive executives employee
employees staff worker workers director manager managers partner partners lawyer lawyers spokesman spokeswoman
spokesperson official officials trader traders banker bankers editor editors reporter reporters correspondent
fellow chairman chief head doctors doctor nurse nurses student students coach`.split(/\s+/));

/** A preposition of location right before an unknown one-word name that makes it a place: "near Pfaffenhofen". */
export const LOCATIVE_BEFORE = new Set(['near', 'outside', 'in', 'across', 'throughout', 'around', 'into']);

/** A lowercase noun right after a name that makes it an organisation: "the Daesh terrorist group". */
export const ORG_CUES_AFTER = new Set(`group groups organization organisation movement militia party company
firm agency network website newspaper channel broadcaster corporation band team club association
union league foundation institute ministry department government administration regime army militants
fighters forces spokesman spokeswoman spokesperson`.split(/\s+/));

/** A lowercase noun right before a name that makes it an organisation: "broadcaster al-Iraqiya". */
export const ORG_CUES_BEFORE = new Set(`broadcaster newspaper website channel network company firm group
agency daily magazine outlet band label publisher network team`.split(/\s+/));

/** Words right after a name that make it a person: "Khazali said". */
export const PERSON_CUES_AFTER = new Set(`said says told added explained asked wrote argued claimed insisted
noted stated recalled admitted warned remarked replied continued who himself herself`.split(/\s+/));

/** Prefixes before a hyphen that are never part of a name: "pro-Beijing", "anti-Pyongyang". */
export const HYPHEN_PREFIXES = new Set(`pro anti non post pre ex neo pan mid then un sub trans inter intra multi
over under semi quasi self co counter cross all`.split(/\s+/));

/** Capitalised words that are not names of anything: "the Internet", "Image: …". */
export const NOT_NAMES = new Set(`internet web online net earth heaven hell
image images photo photos picture pictures credit credits caption source sources video file map graphic
update note editor`.split(/\s+/));

/** Labels at the start of a caption or a credit line ("Image:", "Photo:", "Source:"). */
export const CAPTION_LABELS = new Set(`image images photo photos picture pictures credit credits caption
source sources video file map graphic categories category`.split(/\s+/));

/** All-capital abbreviations that are not names of organisations. */
export const NOT_ACRONYMS = new Set(`GMT UTC BST EST EDT PST PDT CET CEST AM PM BC AD BCE CE VIP CEO CFO COO CTO MP
MPS HTML HTTP HTTPS URL PDF USB DNA RNA HIV AIDS COVID SARS GDP GNP TV DVD CD PC IT AI ID PIN ATM SMS GPS
LGBT LGBTQ OK FAQ PR HR RIP PS PHD MBA BA BSC MSC MD QC KC OBE MBE CBE DIY ETA FYI ASAP AKA TBA RSVP UFO
NB II III IV VI VII VIII IX XI XII XIII XIV XV XVI XVII XVIII XIX XX XXI`.split(/\s+/));

/** Last words that make a capitalised name an event, award or product, not an entity. */
export const EVENT_HEADS = new Set(`Fair Expo Championship Championships Cup Olympics Olympiad Games Festival
Awards Award Prize Medal Trophy Day Week Month Summit Tournament Series Challenge Marathon Show Exhibition
Biennale War Revolution Election Elections Referendum Crisis Massacre Attack Attacks Agreement
Accord Accords Treaty Act Bill Law Plan Programme Program Project Initiative Scheme System Strategy Report
Declaration Charter Protocol Doctrine Rally March Parade Concert Tour Album Edition Season Era Age
Fire Fires Wildfire Blaze Storm Earthquake Quake Flood Floods Tornado Cyclone Typhoon Eruption Outbreak
Pandemic Epidemic Spill Disaster`.split(/\s+/));

/** Words that open the name of an event: "Hurricane Katrina", "Storm Ciarán", "Cyclone Idai". */
export const EVENT_FIRST = new Set(['Hurricane', 'Storm', 'Typhoon', 'Cyclone', 'Tropical', 'Operation']);
