import DOMPurify from 'dompurify';
import { useMemo, useState } from 'react';
import type { Article } from '../../../electron/common/model.ts';
import { formatDate, formatReadingTime } from '../app/format.ts';
import { call, messageOf } from '../client/api.ts';
import { TagEditor } from './TagEditor.tsx';
import { confirmAndDelete } from '../app/delete-article.ts';

/**
 * Stored HTML was sanitized on import; it is sanitized again here, in the browser's own
 * DOM, right before display. No forms, frames, styles or scripts survive either pass.
 */
function sanitizeForDisplay(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
    ALLOW_DATA_ATTR: false,
  });
}

export function ReaderView({
  article: initial,
  onDeleted,
  onExport,
  onOpen,
}: {
  article: Article;
  onDeleted: () => void;
  onExport: () => void;
  onOpen: (id: number) => void;
}) {
  const [article, setArticle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const body = useMemo(() => sanitizeForDisplay(article.html), [article.html]);

  const update = async (patch: { favorite?: boolean; archived?: boolean; read?: boolean }) => {
    try {
      setArticle(await call('articles.update', { id: article.id, patch }));
    } catch (reason) {
      setError(messageOf(reason));
    }
  };
  // A follow-up quotes what the reader selected in the story, or else its lead.
  const startDraft = async () => {
    const selection = window.getSelection();
    const body = document.querySelector('[data-testid="reader-body"]');
    const excerpt = selection && body && !selection.isCollapsed && body.contains(selection.anchorNode) ? selection.toString() : undefined;
    try {
      const draft = await call('articles.draftFrom', { id: article.id, excerpt });
      onOpen(draft.id);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const remove = async () => {
    try {
      if (await confirmAndDelete(article.id, `Delete “${article.title}” from the library?`)) onDeleted();
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const details = [formatDate(article.publishedAt ?? article.createdAt), formatReadingTime(article.readingMinutes)].filter(Boolean);
  return (
    <article className="reader" aria-labelledby="reader-title">
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
        <button type="button" onClick={() => void startDraft()}>
          Start a draft
        </button>
        <button type="button" onClick={onExport}>
          Export…
        </button>
        <button type="button" className="danger" onClick={remove}>
          Delete
        </button>
      </div>
      {error && <p role="alert" className="inline-error">{error}</p>}
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
        <TagEditor articleId={article.id} tags={article.tags} onChange={(tags) => setArticle({ ...article, tags })} />
      </header>
      <div className="reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: body }} />
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

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
