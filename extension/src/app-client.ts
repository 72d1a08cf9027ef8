import type { CAPTURE_PATHS } from '../../electron/common/capture-wire.ts';

/** How a call to the app went: its answer, or why there was none. */
export type Answer<T> =
  | { kind: 'ok'; value: T }
  /** The app answered no, with its reason (and the HTTP status, which says whether trying again can help). */
  | { kind: 'refused'; status: number; code: string; message: string }
  /** Nothing answered: Dateline is not running (or not at that address). */
  | { kind: 'unreachable' };

/** Sends one request to the app's capture endpoint on this computer. */
export async function callApp<T>(
  address: string,
  path: (typeof CAPTURE_PATHS)[keyof typeof CAPTURE_PATHS],
  body: unknown,
  token?: string,
): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(new URL(path, address), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  let answer: { ok?: boolean; value?: T; error?: { code: string; message: string } };
  try {
    answer = await response.json();
  } catch {
    return { kind: 'refused', status: response.status, code: 'UNKNOWN', message: `Something at ${address} answered that is not Dateline.` };
  }
  if (response.ok && answer.ok) return { kind: 'ok', value: answer.value as T };
  return {
    kind: 'refused',
    status: response.status,
    code: answer.error?.code ?? 'UNKNOWN',
    message: answer.error?.message ?? `Dateline refused the request (${response.status}).`,
  };
}

/** Only this computer: the extension never sends a page anywhere else. */
export function loopbackAddress(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
    return url.origin;
  } catch {
    return null;
  }
}
