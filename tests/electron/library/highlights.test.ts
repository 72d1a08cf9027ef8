import { describe, expect, it } from 'vitest';
import { deleteArticle } from '../../../electron/library/articles.ts';
import { insertSavedArticle } from '../../../electron/library/saved-articles.ts';
import { addHighlight, deleteHighlight, findHighlights, listHighlights, updateHighlight } from '../../../electron/library/highlights.ts';
import type { Library } from '../../../electron/library/library.ts';
import { tempLibrary } from '../../helpers/temp.ts';

function article(library: Library, title = 'Harbour freezes'): number {
  return library.write(() =>
    insertSavedArticle(library, { title, text: 'The harbour froze overnight.', html: '<p>The harbour froze overnight.</p>' }),
  );
}

describe('highlights', () => {
  it('keeps a highlight with its anchor, colour and note, in reading order', () => {
    const library = tempLibrary();
    const id = article(library);
    const later = addHighlight(library, { articleId: id, quote: 'overnight', prefix: 'froze ', suffix: '.', position: 18 });
    const first = addHighlight(library, {
      articleId: id,
      quote: 'harbour',
      prefix: 'The ',
      suffix: ' froze',
      position: 4,
      color: 'green',
      note: 'Which one?',
    });
    expect(listHighlights(library, id).map((h) => [h.quote, h.color, h.note, h.position])).toEqual([
      ['harbour', 'green', 'Which one?', 4],
      ['overnight', 'yellow', '', 18],
    ]);
    expect(first.prefix).toBe('The ');
    expect(later.id).not.toBe(first.id);
  });

  it('returns the highlight already there when the same passage is marked again, making no second one', () => {
    const library = tempLibrary();
    const id = article(library);
    const first = addHighlight(library, { articleId: id, quote: 'harbour', position: 4, note: 'Which one?' });
    const again = addHighlight(library, { articleId: id, quote: 'harbour', position: 4, color: 'pink' });
    expect(again).toEqual(first);
    const elsewhere = addHighlight(library, { articleId: id, quote: 'harbour', position: 40 });
    expect(elsewhere.id).not.toBe(first.id);
    expect(listHighlights(library, id)).toHaveLength(2);
  });

  it('recolours and edits the note, and finds it by the note and by the quote', () => {
    const library = tempLibrary();
    const id = article(library);
    const { id: highlightId } = addHighlight(library, { articleId: id, quote: 'harbour froze' });
    const changed = updateHighlight(library, highlightId, { color: 'pink', note: 'Ask the port authority' });
    expect([changed.color, changed.note]).toEqual(['pink', 'Ask the port authority']);
    expect(updateHighlight(library, highlightId, { note: 'Ask the harbourmaster' }).color).toBe('pink');

    const byNote = findHighlights(library, { query: 'harbourmaster' });
    expect(byNote.total).toBe(1);
    expect(byNote.items[0]).toMatchObject({ articleTitle: 'Harbour freezes', markedNote: 'Ask the <mark>harbourmaster</mark>' });
    expect(findHighlights(library, { query: 'froze' }).items[0]?.markedQuote).toBe('harbour <mark>froze</mark>');
    expect(findHighlights(library, { query: 'authority' }).total).toBe(0);
  });

  it('lists every highlight newest first, escaped for display', () => {
    const library = tempLibrary();
    const a = article(library, 'First');
    const b = article(library, 'Second');
    addHighlight(library, { articleId: a, quote: '<b>old</b>' }, 1000);
    addHighlight(library, { articleId: b, quote: 'new' }, 2000);
    const all = findHighlights(library, {});
    expect(all.total).toBe(2);
    expect(all.items.map((h) => [h.articleTitle, h.markedQuote])).toEqual([
      ['Second', 'new'],
      ['First', '&lt;b&gt;old&lt;/b&gt;'],
    ]);
  });

  it('removes a highlight from the list and from search, and goes with its article', () => {
    const library = tempLibrary();
    const id = article(library);
    const { id: one } = addHighlight(library, { articleId: id, quote: 'harbour', note: 'ferries stopped' });
    addHighlight(library, { articleId: id, quote: 'overnight', note: 'ferries again' });
    expect(deleteHighlight(library, one).articleId).toBe(id);
    expect(findHighlights(library, { query: 'ferries' }).total).toBe(1);
    deleteArticle(library, id);
    expect(findHighlights(library, {}).total).toBe(0);
    expect(findHighlights(library, { query: 'ferries' }).total).toBe(0);
  });

  it('refuses highlights on missing articles, unknown colours and empty quotes, storing nothing', () => {
    const library = tempLibrary();
    const id = article(library);
    expect(() => addHighlight(library, { articleId: 999, quote: 'x' })).toThrow(/no article with id 999/);
    expect(() => addHighlight(library, { articleId: id, quote: '   ' })).toThrow(/Select some text/);
    expect(() => addHighlight(library, { articleId: id, quote: 'x', color: 'red' as 'yellow' })).toThrow();
    expect(() => updateHighlight(library, 42, { note: 'x' })).toThrow(/no highlight with id 42/);
    expect(findHighlights(library, {}).total).toBe(0);
  });

  it('treats any search text as words, never as FTS5 syntax', () => {
    const library = tempLibrary();
    const id = article(library);
    addHighlight(library, { articleId: id, quote: 'harbour', note: 'NEAR("a" b) * ^' });
    for (const query of ['"', 'NEAR(', '*', '^b', 'a OR', '-']) expect(() => findHighlights(library, { query })).not.toThrow();
  });
});
