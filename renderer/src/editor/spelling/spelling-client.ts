/** What the window asks the spelling worker, and what it answers. */
export type SpellingRequest =
  | { kind: 'start'; personal: string[] }
  | { kind: 'check'; id: number; words: string[] }
  | { kind: 'suggest'; id: number; word: string }
  | { kind: 'add'; word: string };

export interface SpellingReply {
  id: number;
  words: string[];
}

const PERSONAL_KEY = 'dateline.spelling.added';

/** Words the person added, kept in this window's storage. */
function personalWords(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(PERSONAL_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((word): word is string => typeof word === 'string').slice(0, 10_000) : [];
  } catch {
    return [];
  }
}

let worker: Worker | null = null;
let nextId = 1;
/** Questions out, each answered with the worker's words, or null when the worker failed. */
const waiting = new Map<number, (words: string[] | null) => void>();
/** What the worker said of each word already asked: true when it is misspelled. */
const verdicts = new Map<string, boolean>();

function speller(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./speller-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<SpellingReply>) => {
    waiting.get(event.data.id)?.(event.data.words);
    waiting.delete(event.data.id);
  };
  // A worker that cannot start or breaks leaves no question waiting: no word is marked, and
  // the menu says it has no suggestions, rather than "Looking…" for ever. The next question
  // starts a new one.
  worker.onerror = () => {
    for (const answer of waiting.values()) answer(null);
    waiting.clear();
    worker?.terminate();
    worker = null;
  };
  worker.postMessage({ kind: 'start', personal: personalWords() } satisfies SpellingRequest);
  return worker;
}

function ask(request: { kind: 'check'; words: string[] } | { kind: 'suggest'; word: string }): Promise<string[] | null> {
  const id = nextId++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    speller().postMessage({ ...request, id } satisfies SpellingRequest);
  });
}

/** Which of `words` are misspelled; each word is asked of the worker once per window. */
export async function misspelled(words: readonly string[]): Promise<Set<string>> {
  const unknown = [...new Set(words)].filter((word) => !verdicts.has(word));
  if (unknown.length) {
    const answer = await ask({ kind: 'check', words: unknown });
    // Unanswered (the worker failed): nothing is marked, and the words are asked again next time.
    if (answer === null) return new Set();
    const wrong = new Set(answer);
    for (const word of unknown) verdicts.set(word, wrong.has(word));
  }
  return new Set(words.filter((word) => verdicts.get(word)));
}

export async function suggestionsFor(word: string): Promise<string[]> {
  return (await ask({ kind: 'suggest', word })) ?? [];
}

/** Remembers `word` as spelled right, here and in every later window. */
export function addToDictionary(word: string): void {
  verdicts.set(word, false);
  localStorage.setItem(PERSONAL_KEY, JSON.stringify([...new Set([...personalWords(), word])]));
  speller().postMessage({ kind: 'add', word } satisfies SpellingRequest);
}
