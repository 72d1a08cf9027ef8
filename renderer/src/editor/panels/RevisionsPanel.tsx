import { diffWords } from 'diff';
import { useEffect, useState } from 'react';
import type { Article, Revision, RevisionSummary } from '../../../../electron/common/model.ts';
import { call, messageOf } from '../../client/api.ts';
import { SidePanel } from './SidePanel.tsx';

const REASONS: Record<RevisionSummary['reason'], string> = {
  auto: 'Autosaved version',
  status: 'Status changed',
  manual: 'Saved version',
  'before-restore': 'Before a restore',
  restore: 'Restored',
};

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The draft's history: every version with its time, length and label; any one can be read,
 * compared word by word with the text as it is now, and restored as a new version.
 */
export function RevisionsPanel({
  articleId,
  currentText,
  beforeChange,
  onRestored,
  onClose,
}: {
  articleId: number;
  currentText: () => string;
  beforeChange: () => Promise<void>;
  /** The draft as restored (the library has it already). */
  onRestored: (draft: Article) => void;
  onClose: () => void;
}) {
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [open, setOpen] = useState<Revision | null>(null);
  const [label, setLabel] = useState('');
  const [error, setError] = useState<string | null>(null);

  const reload = () => call('revisions.list', { id: articleId }).then(setRevisions, (reason) => setError(messageOf(reason)));
  useEffect(() => {
    void reload();
    // The list is reloaded explicitly after a save or restore, not whenever `reload` is new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [articleId]);

  const save = async () => {
    try {
      await beforeChange();
      await call('revisions.create', { id: articleId, label: label.trim() || undefined });
      setLabel('');
      await reload();
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  const restore = async (revision: Revision) => {
    try {
      await beforeChange();
      onRestored(await call('revisions.restore', { revisionId: revision.id }));
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  return (
    <SidePanel className="revisions" label="Version history" title="History" closeLabel="Close history" onClose={onClose}>
      <form
        className="save-version"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <input
          aria-label="Version label"
          placeholder="Label (optional)"
          value={label}
          maxLength={200}
          onChange={(event) => setLabel(event.target.value)}
        />
        <button type="submit">Save version</button>
      </form>
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
      <ol className="revision-list">
        {revisions.map((revision) => (
          <li key={revision.id}>
            <button
              type="button"
              aria-current={open?.id === revision.id ? 'true' : undefined}
              onClick={() => call('revisions.get', { revisionId: revision.id }).then(setOpen, (reason) => setError(messageOf(reason)))}
            >
              <span className="revision-label">{revision.label ?? REASONS[revision.reason]}</span>
              <span className="count">
                {time.format(new Date(revision.createdAt))} · {revision.wordCount.toLocaleString()} words
              </span>
            </button>
          </li>
        ))}
        {revisions.length === 0 && <li className="pane-message">No versions yet. One is kept every few minutes while you write.</li>}
      </ol>
      {open && (
        <section className="revision-view" aria-label="Compared with the current text">
          <h3>{open.title || 'Untitled'}</h3>
          <p className="diff-legend">
            <del>removed since</del> <ins>added since</ins>
          </p>
          <div className="diff" data-testid="revision-diff">
            {diffWords(open.text, currentText()).map((part, index) =>
              part.added ? (
                <ins key={index}>{part.value}</ins>
              ) : part.removed ? (
                <del key={index}>{part.value}</del>
              ) : (
                <span key={index}>{part.value}</span>
              ),
            )}
          </div>
          <button type="button" className="primary" onClick={() => void restore(open)}>
            Restore this version
          </button>
        </section>
      )}
    </SidePanel>
  );
}
