// The packaged dictionary, read into the worker's own bundle: nothing is fetched at run time.
import aff from 'dictionary-en-files/index.aff?raw';
import dic from 'dictionary-en-files/index.dic?raw';
import { createSpeller } from './speller.ts';
import type { SpellingReply, SpellingRequest } from './spelling-client.ts';

/** The worker's own global (the renderer is typed for a window, not a worker). */
const scope = self as unknown as { onmessage: (event: MessageEvent<SpellingRequest>) => void; postMessage(reply: SpellingReply): void };

let speller: ReturnType<typeof createSpeller> | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  speller ??= createSpeller(aff, dic, request.kind === 'start' ? request.personal : []);
  let reply: SpellingReply | null = null;
  if (request.kind === 'check') reply = { id: request.id, words: speller.misspelled(request.words) };
  else if (request.kind === 'suggest') reply = { id: request.id, words: speller.suggest(request.word) };
  else if (request.kind === 'add') speller.add(request.word);
  if (reply) scope.postMessage(reply);
};
