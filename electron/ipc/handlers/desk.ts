import { DatelineError } from '../../common/errors.ts';
import { linkDraftToStory, newStoryName, sharedDraft } from '../../library/shared-drafts.ts';
import { draftFieldsSchema } from '../../common/model.ts';
import { createDraft } from '../../library/drafts.ts';
import { base64, type Services } from './services.ts';
import type { HandlersOf } from './types.ts';

/**
 * The newsroom desk, seen from the laptop: sharing a draft, joining a story shared with
 * this person, and the shared draft's document going to and from the window. The desk's
 * socket and token stay in this process (desk-client/).
 */
export function deskHandlers({ library, desk, deskConnection, changed }: Services): HandlersOf<'desk'> {
  const deskUrl = () => {
    const connection = deskConnection();
    if (!connection) throw new DatelineError('UNSUPPORTED', 'No desk is set: add its address and your token in Settings ▸ Desk.');
    return connection.url;
  };
  return {
    'desk.info': ({ id }) => {
      const shared = sharedDraft(library, id);
      return { configured: deskConnection() !== null, story: shared?.story ?? null, joined: shared?.joined ?? false };
    },
    'desk.share': ({ id }) => {
      const shared = linkDraftToStory(library, id, { story: newStoryName(), deskUrl: deskUrl(), joined: false });
      changed([id]);
      return { story: shared.story };
    },
    'desk.join': ({ story }) => {
      const url = deskUrl();
      const id = library.write(() => {
        const draft = createDraft(library, draftFieldsSchema.parse({ title: 'Story from the desk' }));
        linkDraftToStory(library, draft.id, { story, deskUrl: url, joined: true });
        return draft.id;
      });
      changed([id]);
      return { id };
    },
    'desk.open': async ({ id }) => {
      const { state, status, story, presence } = (await desk()).open(id);
      return { story, state: base64(state), status, presence: presence && base64(presence) };
    },
    'desk.presence': async ({ id, state }) => {
      (await desk()).presence(id, state);
      return {};
    },
    'desk.push': async ({ id, update }) => {
      (await desk()).push(id, Buffer.from(update, 'base64'));
      return {};
    },
    'desk.close': async ({ id }) => {
      (await desk()).close(id);
      return {};
    },
  };
}
