// Function words, to tell English prose from prose in another language. Entity detection leans
// on English capitalisation and cue words, so in another language it keeps only the names its
// gazetteers know instead of taking every capitalised noun for a name.

/** Frequent English function words. */
export const ENGLISH_FUNCTION_WORDS = new Set(`the of and to in is that for on was with he she it as at by from his her
they be has have are were this which not but or an their its had been will would who said says also than
after about into more there when we our you your them if what over these those some only such may`.split(/\s+/));

/**
 * Frequent function words of French, German, Spanish, Italian, Portuguese, Dutch, Russian and
 * Greek that are not also English words.
 */
export const FOREIGN_FUNCTION_WORDS = new Set(`le la les des du et est que une un dans pour pas sur au aux qui avec ce cette
sont été par ne plus ses leur nous vous ils elle être avait été où
der die das und ist nicht mit den dem ein eine einen zu auf sich des im von für werden wird wurde hat haben
bei nach auch sind aus oder wie
el los las y en que del por una con para es se lo al como más pero sus le ha fue sobre este esta entre cuando
il di che è per non gli della delle dei nel alla sono anche ha questo
os da não em um uma dos das ao pelo pela mais foi seu sua
het een van en niet op zijn met voor ook maar werd
и в не на что с по как это из от за к но он она они был была
και το η ο να του της σε με για τα των στο στην`.split(/\s+/));

/**
 * Whether a paragraph's words read as another language: enough foreign function words, and
 * more of them than English ones (a Title Case English headline has few function words).
 */
export function isForeignProse(words: readonly string[]): boolean {
  let english = 0;
  let foreign = 0;
  for (const w of words) {
    if (ENGLISH_FUNCTION_WORDS.has(w)) english++;
    else if (FOREIGN_FUNCTION_WORDS.has(w)) foreign++;
  }
  return foreign >= 3 && foreign > english;
}
