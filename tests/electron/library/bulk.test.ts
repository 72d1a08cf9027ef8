import { describe, expect, it } from 'vitest';
import { getArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { deleteArticles, setStates, tagArticles, untagArticles } from '../../../electron/library/bulk.ts';
import type { Library } from '../../../electron/library/library.ts';
import { listTags, setArticleTags } from '../../../electron/library/tags.ts';
import { tempLibrary } from '../../helpers/temp.ts';

function threeArticles(library: Library): number[] {
  return ['Ferry strike', 'Harbour storm', 'Rail plan'].map((title) =>
    library.write(() => insertSavedArticle(library, { title, text: `${title} text`, html: '' })),
  );
}

const states = (library: Library, id: number) => {
  const { read, favorite, archived } = getArticle(library, id);
  return { read, favorite, archived };
};

describe('bulk changes', () => {
  it('sets states on many articles and returns what undoing it needs', () => {
    const library = tempLibrary();
    const [a, b, c] = threeArticles(library) as [number, number, number];
    setStates(library, [{ id: a, favorite: true }]);
    const previous = setStates(
      library,
      [a, b].map((id) => ({ id, archived: true, read: true })),
    );
    expect(states(library, a)).toEqual({ read: true, favorite: true, archived: true });
    expect(states(library, c)).toEqual({ read: false, favorite: false, archived: false });
    setStates(library, previous);
    expect(states(library, a)).toEqual({ read: false, favorite: true, archived: false });
    expect(states(library, b)).toEqual({ read: false, favorite: false, archived: false });
  });

  it('changes nothing when one of the ids does not exist', () => {
    const library = tempLibrary();
    const [a] = threeArticles(library) as [number];
    expect(() =>
      setStates(library, [
        { id: a, read: true },
        { id: 9999, read: true },
      ]),
    ).toThrow(/9999; nothing was changed/);
    expect(states(library, a).read).toBe(false);
    expect(() => tagArticles(library, [a, 9999], 'x')).toThrow(/nothing was changed/);
    expect(listTags(library)).toEqual([]);
  });

  it('adds and removes a tag on many, reporting only the articles that changed', () => {
    const library = tempLibrary();
    const [a, b, c] = threeArticles(library) as [number, number, number];
    setArticleTags(library, a, ['transport']);
    expect(tagArticles(library, [a, b, c], 'transport')).toEqual([b, c]);
    expect(listTags(library)).toEqual([{ name: 'transport', count: 3 }]);
    // Undo of the add: only the two that did not have it lose it.
    expect(untagArticles(library, [b, c], 'transport')).toEqual([b, c]);
    expect(listTags(library)).toEqual([{ name: 'transport', count: 1 }]);
    expect(untagArticles(library, [a], 'transport')).toEqual([a]);
    expect(listTags(library)).toEqual([]);
    expect(untagArticles(library, [a], 'never-existed')).toEqual([]);
  });

  it('deletes many at once, passing over those already gone', () => {
    const library = tempLibrary();
    const [a, b, c] = threeArticles(library) as [number, number, number];
    setArticleTags(library, b, ['gone-with-it']);
    expect(deleteArticles(library, [a, b, 9999])).toEqual([a, b]);
    expect(() => getArticle(library, a)).toThrow();
    expect(getArticle(library, c).title).toBe('Rail plan');
    expect(listTags(library)).toEqual([]);
  });
});
