import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { DESK_FIELDS } from '../common/desk.ts';

/** Hocuspocus's message types that carry a document's changes (its Sync and SyncReply). */
const SYNC_TYPES = new Set([0, 4]);
/** Within a sync message: the step that answers with changes, and a plain update. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a client's message carries, if it carries one: the sync step 2 that
 * answers the server's state, or an update typed since. Anything else (awareness, auth,
 * stateless, step 1) is null. A message that does not decode throws, and the desk closes
 * that connection.
 */
export function updateIn(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (!SYNC_TYPES.has(type)) return null;
  const step = decoding.readVarUint(decoder);
  if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * The statuses an update sets on the story, read from the update's items without applying
 * it. The first value under the desk map's `status` key names its parent; a later one names
 * only the value it replaces (its origin), found in the story's document or in the update.
 */
export function statusesSetBy(update: Uint8Array, document: Y.Doc): string[] {
  const { structs } = Y.decodeUpdate(update);
  const fields = document.getMap(DESK_FIELDS);
  const statusItems = new Set<string>();
  const key = (id: Y.ID) => `${id.client}:${id.clock}`;
  const isStatus = (origin: Y.ID | null): boolean => {
    if (!origin) return false;
    if (statusItems.has(key(origin))) return true;
    try {
      const item = Y.getItem(document.store, origin);
      return item.parent === fields && item.parentSub === 'status';
    } catch {
      return false;
    }
  };
  const statuses: string[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const named = (struct.parent as unknown) === DESK_FIELDS && struct.parentSub === 'status';
    if (!named && !isStatus(struct.origin)) continue;
    statusItems.add(key(struct.id));
    for (const value of struct.content.getContent()) statuses.push(String(value));
  }
  return statuses;
}
