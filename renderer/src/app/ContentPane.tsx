import { lazy, Suspense, useEffect, useState } from 'react';
import type { Article } from '../../../electron/common/model.ts';
import { call, messageOf, subscribe } from '../client/api.ts';
import { ReaderView } from '../reader/ReaderView.tsx';
import { PaneBoundary } from './PaneBoundary.tsx';
import type { DeletionBatch } from '../ui/deletions.ts';

/**
 * The editor (Lexical and its plugins, most of the window's code) loads when a draft is first
 * opened: reading the library never waits for it.
 */
const DraftEditor = lazy(() => import('../editor/DraftEditor.tsx').then(({ DraftEditor }) => ({ default: DraftEditor })));

/** Opens the selected article: drafts in the editor, saved articles in the reading view. */
interface Props {
  id: number | null;
  /** A draft just made here, which starts with the cursor in its headline. */
  freshDraft: number | null;
  /** What the pane is waiting for when it has nothing open yet, such as a draft being made. */
  waiting?: string | null;
  focusMode: boolean;
  onDeleted: (batch: DeletionBatch) => void;
  onExport: () => void;
  /** Starts a follow-up draft of the article open, quoting the excerpt (or its lead). */
  onFollowUp: (id: number, excerpt: string | undefined) => void;
  onFocusMode: () => void;
}

export function ContentPane({ id, freshDraft, waiting = null, focusMode, onDeleted, onExport, onFollowUp, onFocusMode }: Props) {
  const [loaded, setLoaded] = useState<Article | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Until the newly chosen article has come, the one open before is not shown even for a
  // moment: a tag or headline typed at once would land on it.
  const article = loaded?.id === id ? loaded : null;
  // Bumped to load the article afresh, as after a version is restored.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    setLoaded(null);
    setError(null);
    if (id === null) return;
    let current = true;
    call('articles.get', { id }).then(
      (value) => current && setLoaded(value),
      (reason) => current && setError(messageOf(reason)),
    );
    return () => {
      current = false;
    };
  }, [id, generation]);

  // A saved link open while it downloads shows its page, or why it failed, once that is known.
  const waitingLink = article?.kind === 'saved' && article.fetchState !== null;
  useEffect(() => {
    if (!waitingLink || id === null) return;
    return subscribe('library.changed', ({ ids }) => {
      if (!ids || ids.includes(id)) call('articles.get', { id }).then(setLoaded, () => undefined);
    });
  }, [waitingLink, id]);

  return (
    <main className="content-pane" aria-label="Article">
      {id === null && (
        <p className="pane-message centered" role={waiting ? 'status' : undefined}>
          {waiting ?? 'Choose an article to read, or start a new draft.'}
        </p>
      )}
      {error && (
        <p className="pane-message centered" role="alert">
          {error}
        </p>
      )}
      {article?.kind === 'saved' && (
        <PaneBoundary what="This article" resetKey={article.id}>
          <ReaderView
            key={`${article.id}:${article.fetchState}:${article.fetchError}`}
            article={article}
            onDeleted={onDeleted}
            onExport={onExport}
            onFollowUp={(excerpt) => onFollowUp(article.id, excerpt)}
          />
        </PaneBoundary>
      )}
      {article?.kind === 'draft' && (
        <PaneBoundary what="This draft" resetKey={`${article.id}:${generation}`}>
          <Suspense fallback={<p className="pane-message centered">Opening the editor…</p>}>
            <DraftEditor
              key={`${article.id}:${generation}`}
              draft={article}
              focusMode={focusMode}
              fresh={article.id === freshDraft}
              onDeleted={onDeleted}
              onExport={onExport}
              onFocusMode={onFocusMode}
              onRestored={() => setGeneration((n) => n + 1)}
            />
          </Suspense>
        </PaneBoundary>
      )}
    </main>
  );
}
