/**
 * The child process the crash harness kills: it opens a library and writes to it as fast as
 * it can — draft saves, imports, tag changes — announcing each write before it starts
 * ("intent") and after its transaction committed ("ack"), until it is killed.
 */
import { writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { holdKey } from '../../electron/library/cipher.ts';
import { insertSavedArticle } from '../../electron/library/saved-articles.ts';
import { createDraft, updateArticle } from '../../electron/library/drafts.ts';
import { Library } from '../../electron/library/library.ts';
import { setArticleTags } from '../../electron/library/tags.ts';
import { random as seededRandom } from '../helpers/synthetic.ts';
import { paragraphState, type Write } from './protocol.ts';

const [file, seedText] = process.argv.slice(2);
// Seeded, so a failing cycle can be replayed.
const random = seededRandom(Number(seedText) || 1);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const say = (line: object) => writeSync(1, `${JSON.stringify(line)}\n`);

const key = process.env.DATELINE_CRASH_KEY;
if (key) holdKey(Buffer.from(key, 'hex'), [dirname(file!)]);
const library = Library.open(file!);
const drafts = library.db.prepare("SELECT id FROM articles WHERE kind = 'draft'").pluck().all() as number[];
const saved = library.db.prepare("SELECT id FROM articles WHERE kind = 'saved'").pluck().all() as number[];
say({ ready: true });

for (let sequence = 0; ; sequence += 1) {
  const token = `${seedText}-${sequence}`;
  const roll = random();
  let write: Write;
  if (roll < 0.4 && drafts.length > 0) {
    write = { op: 'save', id: pick(drafts), text: `Draft text ${token}` };
  } else if (roll < 0.5) {
    write = { op: 'draft', title: `Draft ${token}` };
  } else if (roll < 0.8 || saved.length === 0) {
    write = { op: 'import', token };
  } else {
    const id = pick(saved);
    write = { op: 'tags', id, tags: [`batch-of-${id}`, ...['ports', 'ferries', 'strike', 'weather'].filter(() => random() < 0.5)] };
  }
  say({ intent: write });
  say({ ack: perform(write) });
}

function perform(write: Write): Write {
  switch (write.op) {
    case 'save':
      updateArticle(library, write.id, { editorState: paragraphState(write.text) });
      return write;
    case 'draft': {
      const id = createDraft(library, { title: write.title }).id;
      drafts.push(id);
      return { ...write, id };
    }
    case 'import': {
      // As an importer stores an article: the article, its links and tags, in one transaction.
      const id = library.write(() => {
        const created = insertSavedArticle(library, {
          title: `Import ${write.token}`,
          html: `<p>Body of import ${write.token}.</p>`,
          text: `Body of import ${write.token}.`,
        });
        setArticleTags(library, created, [`batch-of-${created}`]);
        return created;
      });
      saved.push(id);
      return { ...write, id };
    }
    case 'tags':
      setArticleTags(library, write.id, write.tags);
      return write;
  }
}
