import type { CapturedPage } from '../../electron/common/capture.ts';
import { CAPTURE_PATHS } from '../../electron/common/capture-wire.ts';
import { callApp, loopbackAddress } from './app-client.ts';
import { captureLink, capturePage } from './capture.ts';
import { deliver, isRetry } from './deliver.ts';
import type { Outcome, Request, Status } from './messages.ts';
import { read, showWaiting, update } from './store.ts';

/**
 * The extension's one worker: the context menu, the keyboard shortcut and the popup all
 * come here to save. A save goes into the extension's storage first, then to the app; if
 * the app is not running it waits there (the toolbar badge counts it) until it is.
 */

const MENU = {
  page: { id: 'save-page', title: 'Save page to Dateline', contexts: ['page', 'frame', 'image'] },
  link: { id: 'save-link', title: 'Save link to Dateline', contexts: ['link'] },
  selection: { id: 'save-selection', title: 'Save selection to Dateline as a highlight', contexts: ['selection'] },
} as const;

chrome.runtime.onInstalled.addListener(() => {
  chrome.contextMenus.removeAll(() => {
    for (const item of Object.values(MENU)) chrome.contextMenus.create({ id: item.id, title: item.title, contexts: [...item.contexts] });
  });
  void deliver();
});
chrome.runtime.onStartup.addListener(() => void deliver());
chrome.alarms.onAlarm.addListener((alarm) => {
  if (isRetry(alarm)) void deliver();
});
chrome.contextMenus.onClicked.addListener((info, tab) => void onContextMenu(info, tab));
chrome.commands.onCommand.addListener((command, tab) => {
  if (command === 'save-page' && tab?.id !== undefined) void savePage(tab.id, []);
});
chrome.runtime.onMessage.addListener((request: Request, sender, reply) => {
  // Only the extension's own pages talk to it.
  if (sender.id !== chrome.runtime.id) return false;
  answer(request).then(reply, (error: unknown) => reply({ ok: false, message: (error as Error).message } satisfies Outcome));
  return true;
});

/** What each context-menu item does. */
export async function onContextMenu(info: chrome.contextMenus.OnClickData, tab?: chrome.tabs.Tab): Promise<Outcome> {
  if (info.menuItemId === MENU.link.id && info.linkUrl) {
    const title = (info as { linkText?: string }).linkText ?? '';
    return queueAndDeliver(captureLink(info.linkUrl, title, []), 'The link');
  }
  if (tab?.id === undefined) return { ok: false, message: 'There is no page to save here.' };
  const selection = info.menuItemId === MENU.selection.id ? (info.selectionText ?? '') : undefined;
  return savePage(tab.id, [], selection);
}

export async function savePage(tabId: number, tags: string[], selection?: string): Promise<Outcome> {
  let page: CapturedPage;
  try {
    page = await capturePage(tabId, { tags, selection });
  } catch (error) {
    return flash({ ok: false, message: (error as Error).message });
  }
  return queueAndDeliver(page, 'The page');
}

async function queueAndDeliver(page: CapturedPage, what: string): Promise<Outcome> {
  await update((stored) => {
    stored.queue.push({ page, queuedAt: Date.now() });
  });
  const delivery = await deliver();
  const saved = delivery.delivered.get(page.id);
  if (saved) {
    return flash({
      ok: true,
      message: saved.duplicate
        ? `${what} was in Dateline already${saved.highlighted ? '; the selection is added as a highlight' : ''}.`
        : `Saved to Dateline${saved.highlighted ? ', with the selection as a highlight' : ''}.`,
    });
  }
  const refused = delivery.refused.get(page.id);
  if (refused) return flash({ ok: false, message: refused });
  return { ok: true, message: `${delivery.problem ?? 'Waiting for Dateline.'} (${delivery.waiting} waiting)` };
}

/** A moment's tick or cross on the toolbar button, for saves made without the popup. */
async function flash(outcome: Outcome): Promise<Outcome> {
  await chrome.action.setBadgeText({ text: outcome.ok ? '✓' : '!' });
  await chrome.action.setBadgeBackgroundColor({ color: outcome.ok ? '#2e7d32' : '#b00020' });
  await chrome.action.setTitle({ title: `Save to Dateline — ${outcome.message}` });
  setTimeout(() => void read().then((stored) => showWaiting(stored.queue.length)), 2500);
  return outcome;
}

async function answer(request: Request): Promise<Status | Outcome> {
  switch (request.type) {
    case 'status':
      return status();
    case 'save':
      return savePage(request.tabId, request.tags);
    case 'retry': {
      const delivery = await deliver();
      return { ok: delivery.problem === null, message: delivery.problem ?? `Delivered ${delivery.delivered.size}.` };
    }
    case 'discard':
      await update((stored) => {
        stored.failed = stored.failed.filter((save) => save.id !== request.id);
      });
      return { ok: true, message: '' };
    case 'unpair':
      await update((stored) => {
        stored.pairing = null;
      });
      return { ok: true, message: 'This browser is unpaired; saves made now wait until it is paired again.' };
    case 'pair':
      return pair(request.code, request.address);
  }
}

async function status(): Promise<Status> {
  const { pairing, queue, failed } = await read();
  return {
    paired: pairing !== null && !pairing.refused,
    refused: pairing?.refused ?? false,
    address: pairing?.address ?? null,
    waiting: queue.length,
    failed,
  };
}

async function pair(code: string, typedAddress: string): Promise<Outcome> {
  const address = loopbackAddress(typedAddress);
  if (!address) return { ok: false, message: 'Dateline runs on this computer: its address starts with http://127.0.0.1.' };
  const answer = await callApp<{ token: string }>(address, CAPTURE_PATHS.pair, { code, name: browserName() });
  if (answer.kind === 'unreachable') return { ok: false, message: `Dateline does not answer at ${address}: is it running?` };
  if (answer.kind === 'refused') return { ok: false, message: answer.message };
  await update((stored) => {
    stored.pairing = { address, token: answer.value.token };
  });
  const delivery = await deliver();
  const sent = delivery.delivered.size
    ? ` ${delivery.delivered.size} waiting ${delivery.delivered.size === 1 ? 'save was' : 'saves were'} delivered.`
    : '';
  return { ok: true, message: `Paired with Dateline.${sent}` };
}

/** How Settings lists this browser ("Firefox", "Google Chrome", "Chromium"). */
function browserName(): string {
  if (/firefox/i.test(navigator.userAgent)) return 'Firefox';
  const brands = (navigator as { userAgentData?: { brands: { brand: string }[] } }).userAgentData?.brands ?? [];
  const named = brands.map((item) => item.brand).find((brand) => !/not.?a.?brand|chromium/i.test(brand));
  return named ?? 'Chromium';
}

// The browser's UI calls these through the listeners above; they are reachable from the
// worker's console too, which is how the end-to-end tests press the buttons they cannot click.
Object.assign(globalThis, { datelineExtension: { savePage, onContextMenu, deliver, status } });
