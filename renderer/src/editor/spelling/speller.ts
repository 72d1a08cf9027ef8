import nspell from 'nspell';

/**
 * Spelling, from a Hunspell dictionary packaged with the app (the `dictionary-en` package):
 * it works offline and fetches nothing, where Chromium's own spell checker would download its
 * dictionaries on Linux. Runs in a worker (speller-worker.ts): loading a dictionary takes a
 * second of work that the editor must not wait for.
 */
export interface Speller {
  /** Which of `words` the dictionary does not know. */
  misspelled(words: readonly string[]): string[];
  /** Its best guesses for a word, most likely first. */
  suggest(word: string): string[];
  /** A word the person told us is right (a name, a place). */
  add(word: string): void;
}

export function createSpeller(aff: string | Uint8Array, dic: string | Uint8Array, personal: readonly string[] = []): Speller {
  const dictionary = nspell(aff, dic);
  for (const word of personal) dictionary.add(word);
  const known = (word: string) => dictionary.correct(word) || dictionary.correct(word.toLowerCase());
  return {
    misspelled: (words) => words.filter((word) => !known(asTyped(word))),
    suggest: (word) => dictionary.suggest(asTyped(word)).slice(0, 6),
    add: (word) => void dictionary.add(asTyped(word)),
  };
}

/** The dictionary spells apostrophes straight; editors type them curly. */
const asTyped = (word: string) => word.replace(/’/g, "'");

/** A word of a text and where it starts. */
export interface WordAt {
  word: string;
  index: number;
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;

/**
 * The words of a text worth checking: not initials or acronyms in capitals (NATO, UN), not
 * words glued to digits (a model number), not a single letter.
 */
export function wordsToCheck(text: string): WordAt[] {
  const words: WordAt[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const before = text[match.index - 1] ?? '';
    const after = text[match.index + word.length] ?? '';
    if (word.length < 2 || word === word.toUpperCase() || /\d/.test(before + after)) continue;
    words.push({ word, index: match.index });
  }
  return words;
}
