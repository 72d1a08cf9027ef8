import dictionary from 'dictionary-en';
import { describe, expect, it } from 'vitest';
import { createSpeller, wordsToCheck } from '../../../renderer/src/editor/spelling/speller.ts';

/** The editor's spelling, with the dictionary the app packages (no network, no Chromium). */
describe('the speller', () => {
  const speller = createSpeller(dictionary.aff, dictionary.dic, ['Zelenskyy']);

  it('finds the misspelled words of a story and suggests the right one first', () => {
    expect(speller.misspelled(['The', 'ferry', 'crews', 'went', 'bakc', 'to', 'wrok', 'Zelenskyy', 'didn’t'])).toEqual(['bakc', 'wrok']);
    expect(speller.suggest('bakc')[0]).toBe('back');
  });

  it('learns a word the person adds', () => {
    expect(speller.misspelled(['Kherson'])).toEqual(['Kherson']);
    speller.add('Kherson');
    expect(speller.misspelled(['Kherson'])).toEqual([]);
  });

  it('checks words, not acronyms, single letters or model numbers', () => {
    expect(wordsToCheck('NATO and the UN met in Kyiv; the A320neo and F-16s flew. I saw it.').map(({ word }) => word)).toEqual([
      'and',
      'the',
      'met',
      'in',
      'Kyiv',
      'the',
      'and',
      'flew',
      'saw',
      'it',
    ]);
    expect(wordsToCheck('“We’re back,” she said.')).toEqual([
      { word: 'We’re', index: 1 },
      { word: 'back', index: 7 },
      { word: 'she', index: 14 },
      { word: 'said', index: 18 },
    ]);
  });
});
