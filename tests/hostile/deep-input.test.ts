import { describe, expect, it } from 'vitest';
import { importFiles } from '../../electron/import/pipeline.ts';
import { createDispatcher } from '../../electron/ipc/dispatcher.ts';
import { createDraft } from '../../electron/library/drafts.ts';
import { tempLibrary, testAppInfo } from '../helpers/temp.ts';

/** A list nested `levels` deep, as a serialized Lexical state (built as text: too deep for JSON.stringify). */
export function nestedListState(levels: number): string {
  const open = '{"type":"list","listType":"bullet","tag":"ul","version":1,"children":[{"type":"listitem","version":1,"children":[';
  const text = '{"type":"text","text":"deep","format":0,"version":1}';
  return `{"root":{"type":"root","version":1,"children":[${open.repeat(levels)}${text}${']}]}'.repeat(levels)}]}}`;
}

function setUp() {
  const library = tempLibrary();
  const dispatch = createDispatcher({ library, app: testAppInfo, emit: () => undefined });
  return { library, dispatch };
}

describe('input nested beyond what the editor opens', () => {
  it('a draft state 2,000 levels deep is refused at the contract in a sentence', async () => {
    const { library, dispatch } = setUp();
    const { id } = createDraft(library, { title: 'Deep' });
    const result = await dispatch('articles.save', { id, patch: { editorState: nestedListState(2000) }, expectedRevision: 1 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/nests more than 64 levels/) },
    });
  });

  it('a state as deep as real stories go is stored', async () => {
    const { library, dispatch } = setUp();
    const { id } = createDraft(library, { title: 'Nested lists' });
    expect(await dispatch('articles.save', { id, patch: { editorState: nestedListState(20) }, expectedRevision: 1 })).toMatchObject({
      ok: true,
    });
  });

  it('a Markdown file of quotes nested 20,000 deep fails with our sentence, not the parser’s', async () => {
    const library = tempLibrary();
    const summary = await importFiles(library, [
      { path: 'deep.md', read: async () => Buffer.from(`# Deep\n\n${'>'.repeat(20_000)} words\n`) },
      {
        path: 'lists.md',
        read: async () => Buffer.from(`# Lists\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')}\n`),
      },
    ]);
    expect(summary.failed.map((failure) => failure.path)).toContain('deep.md');
    expect(summary.failed.length + summary.imported.length).toBe(2);
    for (const failure of summary.failed) {
      expect(failure.error.message).not.toMatch(/call stack|Please report|https?:\/\//i);
      expect(failure.error.message).toMatch(/[.!?]$/);
    }
  });
});

describe('characters that mean nothing in a search', () => {
  it('a NUL or other control character is searched as a space, never a syntax error', async () => {
    const { library, dispatch } = setUp();
    createDraft(library, { title: 'Harbour strike', editorNote: 'ferry crews' });
    for (const query of ['harbour\u0000', '"harbour\u0000strike"', '\u0000', 'tag:\u0000x', 'har\u0007bour -\u001b']) {
      const result = await dispatch('search.query', { query });
      expect(result, JSON.stringify(query)).toMatchObject({ ok: true });
    }
  });
});
