import type { Outcome, Request, Status } from './messages.ts';
import { tagsFrom } from './tags.ts';

/**
 * The toolbar popup: pairing once, then the page's title, a tags field and Save; below, the
 * saves waiting for the app and those it refused, with why.
 */

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ask = <T>(request: Request) => chrome.runtime.sendMessage(request) as Promise<T>;

const statusLine = byId<HTMLParagraphElement>('status');
const say = (outcome: Outcome) => {
  statusLine.textContent = outcome.message;
  statusLine.className = outcome.ok ? '' : 'error';
};

/** The tab to save: the one the popup was opened over, or the one named (`?tab=`) when opened as a page. */
async function targetTab(): Promise<chrome.tabs.Tab | undefined> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return chrome.tabs.get(named);
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  return active;
}

async function render(): Promise<void> {
  const status = await ask<Status>({ type: 'status' });
  byId('pair').hidden = status.paired;
  byId('save').hidden = !status.paired;
  byId('unpair').hidden = !status.paired;
  if (status.refused) say({ ok: false, message: 'Dateline no longer knows this browser: pair it again with a new code.' });
  if (status.address) byId<HTMLInputElement>('address').value = status.address;
  byId('waiting').hidden = status.waiting === 0;
  byId('waiting-count').textContent = `${status.waiting} ${status.waiting === 1 ? 'save is' : 'saves are'} waiting for Dateline.`;
  const list = byId<HTMLUListElement>('failed-list');
  list.replaceChildren(
    ...status.failed.map((save) => {
      const item = document.createElement('li');
      const discard = document.createElement('button');
      discard.type = 'button';
      discard.textContent = 'Dismiss';
      discard.addEventListener('click', () => void ask<Outcome>({ type: 'discard', id: save.id }).then(render));
      item.append(`${save.title || save.url}: ${save.reason} `, discard);
      return item;
    }),
  );
  byId('failed').hidden = status.failed.length === 0;
  const tab = await targetTab();
  byId('page-title').textContent = tab?.title ?? '';
}

byId<HTMLFormElement>('pair').addEventListener('submit', (event) => {
  event.preventDefault();
  say({ ok: true, message: 'Pairing…' });
  const code = byId<HTMLInputElement>('code').value;
  const address = byId<HTMLInputElement>('address').value;
  void ask<Outcome>({ type: 'pair', code, address }).then((outcome) => {
    say(outcome);
    return render();
  });
});

byId<HTMLFormElement>('save').addEventListener('submit', (event) => {
  event.preventDefault();
  void targetTab().then(async (tab) => {
    if (tab?.id === undefined) return say({ ok: false, message: 'There is no page to save here.' });
    say({ ok: true, message: 'Saving…' });
    say(await ask<Outcome>({ type: 'save', tabId: tab.id, tags: tagsFrom(byId<HTMLInputElement>('tags').value) }));
    await render();
  });
});

byId('retry').addEventListener('click', () => void ask<Outcome>({ type: 'retry' }).then((outcome) => (say(outcome), render())));
byId('unpair').addEventListener('click', () => void ask<Outcome>({ type: 'unpair' }).then((outcome) => (say(outcome), render())));

// Opening the popup is a moment the app may be back: deliver what waits.
void ask<Outcome>({ type: 'retry' }).finally(() => void render());
