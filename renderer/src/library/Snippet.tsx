import { snippetParts } from '../../../electron/common/snippet.ts';

/** Text from the library with the words searched for marked, never parsed as HTML. */
export function Snippet({ marked, className = 'row-snippet' }: { marked: string; className?: string }) {
  return (
    <span className={className}>
      {snippetParts(marked).map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
