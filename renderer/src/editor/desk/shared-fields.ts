import type * as Y from 'yjs';
import { DESK_FIELDS, deskFieldNames } from '../../../../electron/common/desk.ts';
import { draftStatuses } from '../../../../electron/common/choices.ts';
import type { DraftStatus } from '../../../../electron/common/model.ts';

/** The story's fields every collaborator shares, held in its document's desk map. */
export interface SharedFields {
  status: DraftStatus;
  assignee: string;
  slug: string;
  dateline: string;
  wordTarget: number | null;
}

/**
 * What the map holds, each value checked: a collaborator on another version of the app may
 * have written a value this one does not know, which is left out rather than shown wrong.
 */
export function readSharedFields(doc: Y.Doc, keys: Iterable<string> = deskFieldNames): Partial<SharedFields> {
  const map = doc.getMap<unknown>(DESK_FIELDS);
  const fields: Partial<SharedFields> = {};
  for (const key of keys) {
    if (!map.has(key)) continue;
    const value = map.get(key);
    if (key === 'status' && draftStatuses.includes(value as DraftStatus)) fields.status = value as DraftStatus;
    if ((key === 'assignee' || key === 'slug' || key === 'dateline') && typeof value === 'string') fields[key] = value.slice(0, 200);
    if (key === 'wordTarget' && (value === null || (Number.isInteger(value) && (value as number) > 0))) {
      fields.wordTarget = value as number | null;
    }
  }
  return fields;
}

/** Writes what changed here into the story, in one change every collaborator receives. */
export function writeSharedFields(doc: Y.Doc, patch: Partial<SharedFields>): void {
  const map = doc.getMap<unknown>(DESK_FIELDS);
  const changed = Object.entries(patch).filter(([key, value]) => value !== undefined && map.get(key) !== value);
  if (!changed.length) return;
  doc.transact(() => {
    for (const [key, value] of changed) map.set(key, value);
  });
}

/** Calls back with the fields a collaborator (or the library's copy) changed; not with this window's own. */
export function observeSharedFields(doc: Y.Doc, onChange: (patch: Partial<SharedFields>) => void): () => void {
  const map = doc.getMap<unknown>(DESK_FIELDS);
  const observer = (event: Y.YMapEvent<unknown>) => {
    if (event.transaction.local) return;
    const patch = readSharedFields(doc, event.keysChanged);
    if (Object.keys(patch).length) onChange(patch);
  };
  map.observe(observer);
  return () => map.unobserve(observer);
}

/** Whether the story has any shared field yet (a story shared before they were, or just now). */
export function hasSharedFields(doc: Y.Doc): boolean {
  return doc.getMap(DESK_FIELDS).size > 0;
}
