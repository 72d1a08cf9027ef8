import type { CaptureResult } from '../../electron/common/capture.ts';
import { CAPTURE_PATHS } from '../../electron/common/capture-wire.ts';
import { callApp } from './app-client.ts';
import { read, update } from './store.ts';

export interface Delivery {
  /** The saves the app took this time, by the id each was made with. */
  delivered: Map<string, CaptureResult>;
  /** The saves refused for good, by id, with the app's reason. */
  refused: Map<string, string>;
  waiting: number;
  /** Why saves are still waiting, in words, when they are. */
  problem: string | null;
}

const RETRY_ALARM = 'deliver';

let running: Promise<Delivery> | null = null;

/**
 * Hands the waiting saves to the app, oldest first, one at a time. A save leaves the queue
 * only once the app has answered that it took it (had the answer been lost, the app knows
 * the save by its id and does not store it twice). When the app is not running, the rest
 * wait and are tried again every minute, and whenever the browser or the popup starts.
 */
export function deliver(): Promise<Delivery> {
  running ??= deliverWaiting().finally(() => (running = null));
  return running;
}

async function deliverWaiting(): Promise<Delivery> {
  const delivery: Delivery = { delivered: new Map(), refused: new Map(), waiting: 0, problem: null };
  for (;;) {
    const { queue, pairing } = await read();
    delivery.waiting = queue.length;
    const next = queue[0];
    if (!next) break;
    if (!pairing || pairing.refused) {
      delivery.problem = pairing
        ? 'Dateline no longer knows this browser: pair it again with a code from Settings ▸ Browser extension.'
        : 'Pair this browser with Dateline first: its saves wait until then.';
      break;
    }
    const answer = await callApp<CaptureResult>(pairing.address, CAPTURE_PATHS.save, next.page, pairing.token);
    if (answer.kind === 'unreachable') {
      delivery.problem = 'Dateline is not running: the page is kept here and saved when it is.';
      break;
    }
    const id = next.page.id;
    if (answer.kind === 'refused' && answer.status === 401) {
      await update((stored) => {
        if (stored.pairing) stored.pairing.refused = true;
      });
      continue;
    }
    if (answer.kind === 'refused' && (answer.status >= 500 || answer.status === 429)) {
      delivery.problem = answer.message;
      break;
    }
    await update((stored) => {
      stored.queue = stored.queue.filter((save) => save.page.id !== id);
      if (answer.kind === 'refused') stored.failed.push({ id, url: next.page.url, title: next.page.title ?? '', reason: answer.message });
    });
    if (answer.kind === 'ok') delivery.delivered.set(id, answer.value);
    else delivery.refused.set(id, answer.message);
  }
  if (delivery.waiting) await chrome.alarms.create(RETRY_ALARM, { periodInMinutes: 1 });
  else await chrome.alarms.clear(RETRY_ALARM);
  return delivery;
}

export function isRetry(alarm: chrome.alarms.Alarm): boolean {
  return alarm.name === RETRY_ALARM;
}
