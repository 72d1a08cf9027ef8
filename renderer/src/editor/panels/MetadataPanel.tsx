import { draftStatuses } from '../../../../electron/common/choices.ts';
import type { Article, DraftStatus } from '../../../../electron/common/model.ts';
import { slugify } from '../../../../electron/common/text.ts';
import { STATUS_LABELS } from '../../ui/labels.ts';
import { TagEditor } from '../../ui/TagEditor.tsx';

export interface Metadata {
  dateline: string;
  slug: string;
  slugEdited: boolean;
  editorNote: string;
  wordTarget: number | null;
  tags: string[];
}

/** The story's status; on a shared story a reporter sees the editors' statuses but cannot choose them. */
export function StatusSelect({
  value,
  allowed,
  onChange,
}: {
  value: DraftStatus;
  allowed?: ReadonlySet<DraftStatus>;
  onChange: (status: DraftStatus) => void;
}) {
  return (
    <label className="status-select">
      <span className="visually-hidden">Story status</span>
      <select
        aria-label="Story status"
        title="Where the story stands on the desk"
        value={value}
        onChange={(event) => onChange(event.target.value as DraftStatus)}
      >
        {draftStatuses.map((status) => (
          <option key={status} value={status} disabled={allowed ? !allowed.has(status) : false}>
            {STATUS_LABELS[status]}
            {allowed && !allowed.has(status) ? ' (editors)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The newsroom's fields around the story: where, the slug, tags, the desk's note, a target. */
export function MetadataPanel({
  article,
  title,
  metadata,
  onChange,
}: {
  article: Article;
  title: string;
  metadata: Metadata;
  onChange: (patch: Partial<Metadata>) => void;
}) {
  const shownSlug = metadata.slugEdited ? metadata.slug : slugify(title);
  return (
    <details className="metadata">
      <summary>
        Story details{' '}
        <span className="count">
          · slug {shownSlug || '—'}
          {metadata.dateline ? ` · ${metadata.dateline}` : ''}
        </span>
      </summary>
      <div className="metadata-grid">
        <label>
          Dateline
          <input
            aria-label="Dateline"
            value={metadata.dateline}
            placeholder="KYIV, Ukraine —"
            onChange={(event) => onChange({ dateline: event.target.value })}
          />
        </label>
        <label>
          Slug
          <span className="slug-field">
            <input
              aria-label="Slug"
              value={shownSlug}
              onChange={(event) => onChange({ slug: event.target.value, slugEdited: event.target.value !== '' })}
              aria-describedby="slug-hint"
            />
            {metadata.slugEdited && (
              <button type="button" onClick={() => onChange({ slug: '', slugEdited: false })}>
                Follow headline
              </button>
            )}
          </span>
          <small id="slug-hint">{metadata.slugEdited ? 'Fixed by you' : 'Follows the headline'}</small>
        </label>
        <label>
          Word target
          <input
            aria-label="Word target"
            type="number"
            min={1}
            max={100000}
            value={metadata.wordTarget ?? ''}
            placeholder="None"
            onChange={(event) => onChange({ wordTarget: event.target.value ? Math.max(1, Math.round(Number(event.target.value))) : null })}
          />
        </label>
        <div className="metadata-tags">
          Tags
          <TagEditor articleId={article.id} tags={metadata.tags} onChange={(tags) => onChange({ tags })} />
        </div>
        <label className="metadata-note">
          Editor’s note <small>(for the desk; never exported in the story)</small>
          <textarea
            aria-label="Editor’s note"
            rows={2}
            value={metadata.editorNote}
            onChange={(event) => onChange({ editorNote: event.target.value })}
          />
        </label>
      </div>
    </details>
  );
}
