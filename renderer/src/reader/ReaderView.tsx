import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { Article } from '../../../electron/common/model.ts';
import { formatDate, formatReadingTime } from '../ui/format.ts';
import { restrictClasses, sanitizeArticle } from '../../../electron/common/sanitize-policy.ts';
import { librarySrcPattern } from '../../../electron/common/media-url.ts';
import { call, messageOf, transport } from '../client/api.ts';
import { mediaUrl } from '../client/media.ts';
import { TagEditor } from '../ui/TagEditor.tsx';
import { deletions, type DeletionBatch } from '../ui/deletions.ts';
import { MOD, useCommands } from '../ui/commands.ts';
import { TypographyMenu } from './TypographyMenu.tsx';
import { OverflowActions } from '../ui/OverflowActions.tsx';
import { useReadingProgress } from './progress.ts';
import { FindBar } from './find/FindBar.tsx';
import { HighlightEditor } from './highlights/HighlightEditor.tsx';
import { HighlightsPanel } from './highlights/HighlightsPanel.tsx';
import { MARK_SELECTOR, revealHighlight } from './highlights/marks.ts';
import { SelectionToolbar } from './highlights/SelectionToolbar.tsx';
import { useHighlights } from './highlights/useHighlights.ts';
import { download } from '../client/download.ts';
import type { Highlight, HighlightColor } from '../../../electron/common/model.ts';

/**
 * Stored HTML was sanitized on import; it is sanitized again here, in the browser's own DOM,
 * right before display, with the same policy. In browser mode library images are shown from
 * blob: URLs (an <img> cannot carry the session's secret), so their addresses are set later.
 */
const purify = restrictClasses(DOMPurify(window));

function sanitizeForDisplay(html: string): string {
  const clean = sanitizeArticle(purify, html);
  return transport === 'browser' ? clean.replace(librarySrcPattern(), 'data-media-id="$1"') : clean;
}

/** Fills in the browser-mode addresses of the library images in the article body. */
function useLibraryImages(container: RefObject<HTMLDivElement | null>, html: string): void {
  useEffect(() => {
    if (transport !== 'browser' || !container.current) return;
    for (const img of Array.from(container.current.querySelectorAll<HTMLImageElement>('img[data-media-id]'))) {
      void mediaUrl(Number(img.dataset.mediaId)).then(
        (url) => (img.src = url),
        () =>
          img.replaceWith(Object.assign(document.createElement('span'), { className: 'missing-image unavailable', textContent: img.alt })),
      );
    }
  }, [container, html]);
}

/** The reading view's letter keys are not theirs on a list's rows, which use letters of their own. */
const LISTS = '[role="list"]';

export function ReaderView({
  article: initial,
  onDeleted,
  onExport,
  onFollowUp,
}: {
  article: Article;
  onDeleted: (batch: DeletionBatch) => void;
  onExport: () => void;
  onFollowUp: (excerpt: string | undefined) => void;
}) {
  const [article, setArticle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const body = useMemo(() => sanitizeForDisplay(article.html), [article.html]);
  const bodyRef = useRef<HTMLDivElement | null>(null);
  useLibraryImages(bodyRef, body);

  const update = async (patch: { favorite?: boolean; archived?: boolean; read?: boolean }) => {
    try {
      setArticle(await call('articles.update', { id: article.id, patch }));
    } catch (reason) {
      setError(messageOf(reason));
    }
  };
  const finished = useReadingProgress(bodyRef, article, () => update({ read: true }));
  const highlights = useHighlights(article.id, bodyRef, body);
  // The highlight as it was when its editor opened: if another window removes it meanwhile,
  // the editor (and the note being typed) stays until the reader has seen why it cannot save.
  const [editingHighlight, setEditingHighlight] = useState<Highlight | null>(null);
  const setEditing = (id: number) => setEditingHighlight(highlights.all.find((item) => item.id === id) ?? null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [finding, setFinding] = useState(false);
  const highlight = async (color: HighlightColor, withNote: boolean) => {
    const made = await highlights.addFromSelection(color);
    // A passage already highlighted opens its highlight, to change its colour or note.
    if (made && (withNote || made.existed)) setEditingHighlight(made.highlight);
  };
  const exportHighlights = async () => {
    try {
      const file = await call('articles.export', { id: article.id, format: 'highlights-md' });
      download(file.fileName, file.mimeType, file.data);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };
  // A follow-up quotes what the reader selected in the story, or else its lead.
  const startDraft = () => {
    const selection = window.getSelection();
    const body = document.querySelector('[data-testid="reader-body"]');
    const excerpt = selection && body && !selection.isCollapsed && body.contains(selection.anchorNode) ? selection.toString() : undefined;
    onFollowUp(excerpt);
  };

  // Deleted after a moment in which it can be undone, like a row of the list.
  const remove = () => {
    const batch = deletions.schedule([{ id: article.id, title: article.title }]);
    if (batch) onDeleted(batch);
  };

  useCommands([
    {
      id: 'reader.favorite',
      title: article.favorite ? 'Remove from favorites' : 'Add to favorites',
      section: 'Reading',
      shortcut: 'f',
      keys: { key: 'f', shift: false, notOn: LISTS },
      run: () => void update({ favorite: !article.favorite }),
    },
    {
      id: 'reader.archive',
      title: article.archived ? 'Move out of the archive' : 'Archive',
      section: 'Reading',
      shortcut: 'e',
      keys: { key: 'e', shift: false, notOn: LISTS },
      run: () => void update({ archived: !article.archived }),
    },
    {
      id: 'reader.highlight',
      title: 'Highlight the selection',
      section: 'Reading',
      shortcut: 'h',
      keys: { key: 'h', shift: false, notOn: LISTS },
      run: () => void highlight('yellow', false),
    },
    {
      id: 'reader.find',
      title: 'Find in the article',
      section: 'Reading',
      shortcut: `${MOD}F`,
      keys: { key: 'f', mod: true, shift: false, inFields: true },
      run: () => setFinding(true),
    },
    {
      id: 'reader.page',
      title: 'Page down (Shift: up)',
      section: 'Reading',
      shortcut: 'Space',
      // Space on a button or a link presses it; in a list it is the list's.
      keys: { key: ' ', notOn: 'button, a, [role="toolbar"], [role="list"]' },
      run: (event) => {
        const pane = bodyRef.current?.closest<HTMLElement>('.content-pane');
        if (!pane) return false;
        pane.scrollBy({ top: (event?.shiftKey ? -1 : 1) * pane.clientHeight * 0.9 });
      },
    },
    {
      id: 'reader.read',
      title: article.read ? 'Mark unread' : 'Mark read',
      section: 'Reading',
      run: () => void update({ read: !article.read }),
    },
    { id: 'reader.highlights', title: 'Show the article’s highlights', section: 'Reading', run: () => setPanelOpen(true) },
    { id: 'reader.draft', title: 'Start a draft from this article', section: 'Reading', run: startDraft },
    { id: 'reader.export', title: 'Export the article…', section: 'Reading', run: onExport },
    { id: 'reader.print', title: 'Print the article…', section: 'Reading', run: () => window.print() },
    { id: 'reader.delete', title: 'Delete the article', section: 'Reading', run: () => remove() },
  ]);

  // The place a story was filed from, where its source named one, stays with it.
  const details = [
    article.dateline,
    formatDate(article.publishedAt ?? article.createdAt),
    formatReadingTime(article.readingMinutes),
  ].filter(Boolean);
  return (
    <article className="reader" aria-labelledby="reader-title">
      {/* One sticky header: the find bar sits under the toolbar, never over it. */}
      <div className="reader-chrome">
        <div className="article-actions" role="toolbar" aria-label="Article actions">
          <button type="button" aria-pressed={article.read} onClick={() => update({ read: !article.read })}>
            {article.read ? 'Mark unread' : 'Mark read'}
          </button>
          <button type="button" aria-pressed={article.favorite} onClick={() => update({ favorite: !article.favorite })}>
            {article.favorite ? '★ Favorite' : '☆ Favorite'}
          </button>
          <button type="button" aria-pressed={article.archived} onClick={() => update({ archived: !article.archived })}>
            {article.archived ? 'Unarchive' : 'Archive'}
          </button>
          <button type="button" aria-expanded={panelOpen} aria-controls="highlights-panel" onClick={() => setPanelOpen(!panelOpen)}>
            Highlights{highlights.all.length ? ` (${highlights.all.length})` : ''}
          </button>
          <OverflowActions
            actions={[
              { label: 'Find', title: 'Find in article (Ctrl+F)', ariaLabel: 'Find in article', run: () => setFinding(true) },
              { label: 'Start a draft', run: startDraft },
              { label: 'Export…', run: onExport },
              { label: 'Print…', run: () => window.print() },
              { label: 'Delete', danger: true, run: remove },
            ]}
          />
          <TypographyMenu />
        </div>
        {finding && <FindBar body={bodyRef} onClose={() => setFinding(false)} />}
      </div>
      {(error || highlights.error) && (
        <p role="alert" className="inline-error">
          {error ?? highlights.error}
        </p>
      )}
      {panelOpen && (
        <HighlightsPanel
          highlights={highlights.all}
          orphans={highlights.orphans}
          onShow={(id) => revealHighlight(bodyRef.current, id)}
          onEdit={setEditing}
          onExport={() => void exportHighlights()}
        />
      )}
      {editingHighlight && (
        <HighlightEditor
          highlight={editingHighlight}
          onSave={(patch) => highlights.update(editingHighlight.id, patch)}
          onRemove={() => highlights.remove(editingHighlight.id)}
          onClose={() => setEditingHighlight(null)}
        />
      )}
      <header className="reader-header">
        <h1 id="reader-title">{article.title || 'Untitled'}</h1>
        {article.dek && <p className="dek">{article.dek}</p>}
        {article.byline && <p className="byline">By {article.byline}</p>}
        <p className="reader-meta">
          {article.sourceUrl ? (
            <a href={article.sourceUrl} target="_blank" rel="noopener noreferrer">
              {article.sourceName || hostnameOf(article.sourceUrl)}
            </a>
          ) : (
            article.sourceName && <span>{article.sourceName}</span>
          )}
          {details.map((detail) => (
            <span key={detail}>{detail}</span>
          ))}
        </p>
        <TagEditor articleId={article.id} tags={article.tags} onChange={(tags) => setArticle((current) => ({ ...current, tags }))} />
      </header>
      {article.fetchState && <SavedLinkNotice failed={article.fetchState === 'failed'} reason={article.fetchError} />}
      <div
        ref={bodyRef}
        className="reader-body"
        data-testid="reader-body"
        dangerouslySetInnerHTML={{ __html: body }}
        onClick={(event) => {
          const mark = event.target instanceof Element ? event.target.closest<HTMLElement>(MARK_SELECTOR) : null;
          if (mark && window.getSelection()?.isCollapsed !== false) setEditing(Number(mark.dataset.highlightId));
        }}
      />
      <SelectionToolbar body={bodyRef} onHighlight={(color, withNote) => void highlight(color, withNote)} />
      {finished && (
        <p className="finished-notice" role="status">
          You reached the end: marked as read.{' '}
          <button type="button" onClick={() => void update({ read: false })}>
            Undo
          </button>
        </p>
      )}
      {article.related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">More from the source</h2>
          <ul>
            {article.related.map((link, index) => (
              <li key={index}>
                {link.url ? (
                  <a href={link.url} target="_blank" rel="noopener noreferrer">
                    {link.title}
                  </a>
                ) : (
                  link.title
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

/** A saved link without its page: say so, and offer the download (the whole queue). */
function SavedLinkNotice({ failed, reason }: { failed: boolean; reason: string | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const start = () =>
    call('downloads.start', {}).then(
      () => setMessage('Downloading… the article appears here when its page has arrived.'),
      (error) => setMessage(messageOf(error)),
    );
  return (
    <div className="saved-link-notice" role="note">
      <p>{failed ? `This page could not be downloaded${reason ? `: ${reason}` : '.'}` : 'This saved link has not been downloaded yet.'}</p>
      <button type="button" onClick={() => void start()}>
        {failed ? 'Try again' : 'Download saved links'}
      </button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
