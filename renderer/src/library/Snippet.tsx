import { snippetParts } from '../../../electron/common/snippet.ts';

export function Snippet({ marked }: { marked: string }) {
  return (
    <span className="row-snippet">
      {snippetParts(marked).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
