import type { Highlight } from '../../../../electron/common/model.ts';
import { COLOR_LABELS } from '../../ui/labels.ts';

/**
 * The article's highlights in reading order, and apart those that no longer fit the text, so
 * nothing marked is lost when an article changes; each can be shown, edited or exported.
 */
export function HighlightsPanel({
  highlights,
  orphans,
  onShow,
  onEdit,
  onExport,
}: {
  highlights: Highlight[];
  orphans: ReadonlySet<number>;
  onShow: (id: number) => void;
  onEdit: (id: number) => void;
  onExport: () => void;
}) {
  const placed = highlights.filter((item) => !orphans.has(item.id));
  const lost = highlights.filter((item) => orphans.has(item.id));
  return (
    <section id="highlights-panel" className="highlights-panel" aria-labelledby="highlights-heading">
      <header>
        <h2 id="highlights-heading">Highlights</h2>
        <button type="button" onClick={onExport} disabled={highlights.length === 0}>
          Export as Markdown
        </button>
      </header>
      {highlights.length === 0 && (
        <p className="pane-message">Select text in the article and press h, or pick a colour, to highlight it.</p>
      )}
      <HighlightItems items={placed} onShow={onShow} onEdit={onEdit} />
      {lost.length > 0 && (
        <>
          <h3>Could not be placed in the text as it is now</h3>
          <HighlightItems items={lost} onEdit={onEdit} />
        </>
      )}
    </section>
  );
}

function HighlightItems({ items, onShow, onEdit }: { items: Highlight[]; onShow?: (id: number) => void; onEdit: (id: number) => void }) {
  if (items.length === 0) return null;
  return (
    <ul className="highlight-items">
      {items.map((item) => (
        <li key={item.id} data-color={item.color}>
          <span className="visually-hidden">{COLOR_LABELS[item.color]} highlight: </span>
          {onShow ? (
            <button type="button" className="link-button highlight-quote-text" onClick={() => onShow(item.id)}>
              {item.quote}
            </button>
          ) : (
            <span className="highlight-quote-text">{item.quote}</span>
          )}
          {item.note && <p className="highlight-note-text">{item.note}</p>}
          <button type="button" aria-label={`Edit highlight “${shorten(item.quote)}”`} onClick={() => onEdit(item.id)}>
            Edit
          </button>
        </li>
      ))}
    </ul>
  );
}

function shorten(text: string, length = 40): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
