/** A story's name on the newsroom desk: `story:` and an id the app chose. One rule for the desk, the contract and the window. */
export const DESK_STORY_NAME = /^story:[A-Za-z0-9_-]{8,64}$/;

/** The map of a story's desk fields in its Yjs document: one name for the desk and the window. */
export const DESK_FIELDS = 'desk';

/** The story's fields every collaborator shares, as keys of the DESK_FIELDS map. */
export const deskFieldNames = ['status', 'assignee', 'slug', 'dateline', 'wordTarget'] as const;

/** The map of a story's comment threads in its Yjs document, by thread id. */
export const DESK_COMMENTS = 'comments';

/** The statuses a reporter may set on a shared story; an editor may set any. */
export const REPORTER_STATUSES: ReadonlySet<string> = new Set(['draft', 'editing']);

/** What the desk tells a client about the person its token names, once connected (a stateless message). */
export interface DeskIdentity {
  type: 'dateline.you';
  name: string;
  role: 'reporter' | 'editor';
}

/**
 * A person's colour in the story (cursor, name chip), the same on every laptop: chosen from
 * their name, from colours that read on white and on the dark theme.
 */
const PEOPLE_COLOURS = ['#d9480f', '#1971c2', '#2b8a3e', '#ae3ec9', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'];
export function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return PEOPLE_COLOURS[hash % PEOPLE_COLOURS.length]!;
}
