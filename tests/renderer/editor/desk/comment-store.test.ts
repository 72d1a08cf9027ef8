import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DESK_COMMENTS } from '../../../../electron/common/desk.ts';
import { CommentStore, MAX_COMMENT_CHARACTERS } from '../../../../renderer/src/editor/desk/comments/comment-store.ts';

/** Two copies of one story's document that exchange every change, as two laptops through the desk. */
function twoCopies(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(b, update, 'peer'));
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(a, update, 'peer'));
  return [a, b];
}

describe('the comment threads of a shared story', () => {
  it('starts, answers, resolves and reopens a thread that both copies see alike', () => {
    const [a, b] = twoCopies();
    const ana = new CommentStore(a);
    const ben = new CommentStore(b);
    const id = ana.start('dawn.', 'Which dawn?', 'ana');
    ben.reply(id, 'Six.', 'ben');
    ana.reply(id, 'Thanks.', 'ana');
    expect(ben.list()).toEqual(ana.list());
    expect(ben.list()[0]).toMatchObject({ id, quote: 'dawn.', resolved: false });
    expect(ben.list()[0]!.comments.map((comment) => [comment.author, comment.text])).toEqual([
      ['ana', 'Which dawn?'],
      ['ben', 'Six.'],
      ['ana', 'Thanks.'],
    ]);
    ben.setResolved(id, true, 'ben');
    expect(ana.list()[0]).toMatchObject({ resolved: true, resolvedBy: 'ben' });
    ana.setResolved(id, false, 'ana');
    expect(ben.list()[0]).toMatchObject({ resolved: false, resolvedBy: 'ana' });
  });

  it('keeps both replies written at once offline', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = new CommentStore(a).start('dawn.', 'Which dawn?', 'ana');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    new CommentStore(a).reply(id, 'From Ana, offline.', 'ana');
    new CommentStore(b).reply(id, 'From Ben, offline.', 'ben');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const texts = new CommentStore(a).list()[0]!.comments.map((comment) => comment.text);
    expect(texts).toHaveLength(3);
    expect(texts).toEqual(expect.arrayContaining(['From Ana, offline.', 'From Ben, offline.']));
    expect(new CommentStore(b).list()).toEqual(new CommentStore(a).list());
  });

  it('leaves out what another app wrote wrongly, and cuts an endless comment', () => {
    const doc = new Y.Doc();
    const threads = doc.getMap(DESK_COMMENTS);
    threads.set('not-a-thread', 'hello');
    const odd = new Y.Map<unknown>();
    threads.set('odd', odd);
    odd.set('comments', new Y.Array());
    (odd.get('comments') as Y.Array<unknown>).push([42, { id: 'c', text: 'kept', author: 7 }]);
    const store = new CommentStore(doc);
    expect(store.list()).toEqual([
      {
        id: 'odd',
        quote: '',
        resolved: false,
        resolvedBy: null,
        createdAt: 0,
        comments: [{ id: 'c', text: 'kept', author: 'Someone', createdAt: 0 }],
      },
    ]);
    const id = store.start('x', 'y'.repeat(MAX_COMMENT_CHARACTERS + 10), 'ana');
    expect(store.list().find((thread) => thread.id === id)!.comments[0]!.text).toHaveLength(MAX_COMMENT_CHARACTERS);
  });
});
