import { useState } from 'react';
import { call, messageOf } from '../client/api.ts';

export function TagEditor({ articleId, tags, onChange }: { articleId: number; tags: string[]; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async (next: string[]) => {
    try {
      const result = await call('tags.set', { id: articleId, tags: next });
      onChange(result.tags);
      setError(null);
    } catch (reason) {
      setError(messageOf(reason));
    }
  };

  return (
    <div className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <span className="tag" key={tag}>
          {tag}
          <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => save(tags.filter((t) => t !== tag))}>
            ×
          </button>
        </span>
      ))}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const name = draft.trim();
          if (!name) return;
          setDraft('');
          void save([...tags, name]);
        }}
      >
        <input
          className="tag-input"
          aria-label="Add a tag"
          placeholder="Add tag"
          value={draft}
          maxLength={100}
          onChange={(event) => setDraft(event.target.value)}
        />
      </form>
      {error && (
        <span role="alert" className="inline-error">
          {error}
        </span>
      )}
    </div>
  );
}
