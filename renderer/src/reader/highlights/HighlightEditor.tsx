import { useState } from 'react';
import type { Highlight, HighlightColor, HighlightPatch } from '../../../../electron/common/model.ts';
import { Dialog, FIRST_FIELD } from '../../ui/dialog.tsx';
import { COLOR_LABELS, highlightColors } from '../../ui/labels.ts';

/** One highlight: its colour and note, changed together on Save, or the highlight removed. */
export function HighlightEditor({
  highlight,
  onSave,
  onRemove,
  onClose,
}: {
  highlight: Highlight;
  onSave: (patch: HighlightPatch) => Promise<string | null>;
  onRemove: () => Promise<string | null>;
  onClose: () => void;
}) {
  const [color, setColor] = useState<HighlightColor>(highlight.color);
  const [note, setNote] = useState(highlight.note);
  // A failed save keeps the dialog, and the note typed in it, open with the reason.
  const [error, setError] = useState<string | null>(null);
  const finish = async (work: Promise<string | null>) => {
    const failure = await work;
    if (failure) setError(failure);
    else onClose();
  };
  const save = () => finish(onSave({ color, note }));
  return (
    <Dialog title="Highlight" onClose={onClose}>
      <form
        className="highlight-editor"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {error && (
          <p role="alert" className="inline-error">
            Not saved: {error}
          </p>
        )}
        <blockquote className="highlight-quote" data-color={color}>
          {highlight.quote}
        </blockquote>
        <fieldset className="highlight-colors">
          <legend>Colour</legend>
          {highlightColors.map((value) => (
            <label key={value} className="swatch-choice" data-color={value}>
              <input type="radio" name="highlight-color" value={value} checked={color === value} onChange={() => setColor(value)} />{' '}
              {COLOR_LABELS[value]}
            </label>
          ))}
        </fieldset>
        <label className="highlight-note">
          Note
          <textarea
            value={note}
            maxLength={20_000}
            rows={4}
            {...FIRST_FIELD}
            onChange={(event) => setNote(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="danger" onClick={() => void finish(onRemove())}>
            Remove highlight
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
