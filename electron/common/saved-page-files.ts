/**
 * What browsers write beside a page saved "complete": its pictures, styles and scripts in a
 * folder named after it ("Story_files"; "Story-Dateien" in German, "Story_fichiers" in French…)
 * or loose beside it. They are part of that page, not articles of their own.
 */
const RESOURCE_FOLDER = /^(.+?)(_files|-Dateien|_fichiers|_archivos|_arquivos|_bestanden|_file|_pliki|_soubory|\.files)$/i;
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.mhtml']);
/** Loose beside a page, only these are surely its own; a .txt or .json there may be a story or an export. */
const LOOSE_RESOURCE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg', '.bmp', '.ico', '.css', '.js']);

export interface SavedPageFiles {
  /** The saved page's own path. */
  page: string;
  /** The files that belong to it. */
  files: string[];
}

const partsOf = (path: string) => path.split(/[\\/]/);
const extensionOf = (name: string) => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
};
const stemOf = (name: string) => name.slice(0, name.length - extensionOf(name).length);

/** The files of `paths` that belong to a saved page also among them, by page. */
export function savedPageFiles(paths: readonly string[]): SavedPageFiles[] {
  const pages = new Map<string, string>();
  for (const path of paths) {
    const parts = partsOf(path);
    const name = parts.at(-1)!;
    if (PAGE_EXTENSIONS.has(extensionOf(name))) pages.set(key(parts.slice(0, -1), stemOf(name)), path);
  }
  const pagesInFolder = new Map<string, string>();
  for (const path of pages.values()) pagesInFolder.set(partsOf(path).slice(0, -1).join('/').toLowerCase(), path);
  const found = new Map<string, string[]>();
  for (const path of paths) {
    const page = pageOwning(path, pages, pagesInFolder);
    if (page && page !== path) found.set(page, [...(found.get(page) ?? []), path]);
  }
  return [...found].map(([page, files]) => ({ page, files }));
}

function key(folder: string[], stem: string): string {
  return [...folder, stem].join('/').toLowerCase();
}

function pageOwning(path: string, pages: Map<string, string>, pagesInFolder: Map<string, string>): string | null {
  const parts = partsOf(path);
  const extension = extensionOf(parts.at(-1)!);
  // Anything inside "<page>_files" (at any depth below it, frames too), beside "<page>.html".
  for (let depth = parts.length - 2; depth >= 0; depth -= 1) {
    const folder = RESOURCE_FOLDER.exec(parts[depth]!);
    const page = folder && pages.get(key(parts.slice(0, depth), folder[1]!));
    if (page) return page;
  }
  if (!LOOSE_RESOURCE_EXTENSIONS.has(extension)) return null;
  return pagesInFolder.get(parts.slice(0, -1).join('/').toLowerCase()) ?? null;
}

/** The summary's note on a page whose files were left to it. */
export function pageFilesNote(count: number): string {
  return `${count === 1 ? 'its 1 file' : `its ${count} files`} (pictures, styles and scripts saved with the page) are part of it, not articles.`;
}
