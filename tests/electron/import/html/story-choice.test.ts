import { describe, expect, it } from 'vitest';
import { betterExtraction } from '../../../../electron/import/html/story-choice.ts';

const story = 'The ferry crews walked out on Monday over pay, and the harbour stayed shut until talks resumed late on Wednesday. '.repeat(
  4,
);
const carousel =
  'Watch the latest clips from around the region, the weather, the traffic and the weekend football with our reporters. '.repeat(4);
const extraction = (text: string) => ({ content: `<p>${text}</p>`, textContent: text });

describe('choosing between the story read with and without its related blocks', () => {
  it('keeps the page as it came when taking the blocks out made the story take in what is around it', () => {
    const asItCame = extraction(story);
    expect(betterExtraction(extraction(carousel + story), asItCame)).toBe(asItCame);
  });

  it('keeps the blocks out when the two differ a little, or are different containers', () => {
    const withoutBlocks = extraction(story);
    expect(betterExtraction(withoutBlocks, extraction(`${story} More News`))).toBe(withoutBlocks);
    const sidebar = extraction(carousel);
    expect(betterExtraction(extraction(story + story), sidebar)).toEqual(extraction(story + story));
    expect(betterExtraction(withoutBlocks, null)).toBe(withoutBlocks);
  });
});
