/** A file to import and the path it is known by (inside the folder it came in, if any). */
export interface PickedFile {
  file: File;
  path: string;
}

/** A file from a picker: the folder picker gives each file its path below the folder. */
export function picked(file: File): PickedFile {
  return { file, path: file.webkitRelativePath || file.name };
}

/** The part of the File and Directory Entries API a drop gives (Chromium and Firefox alike). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
}
interface FileEntry extends Entry {
  file(success: (file: File) => void, failure: (error: unknown) => void): void;
}
interface DirectoryEntry extends Entry {
  createReader(): { readEntries(success: (entries: Entry[]) => void, failure: (error: unknown) => void): void };
}

/** Past this many files a drop is cut: a person dropping their whole disk meant something else. */
const MAX_DROPPED_FILES = 100_000;

/**
 * What was dropped on the window, folders opened: `dataTransfer.files` holds a dropped
 * folder as one empty "file", so each item's entry is walked instead, every file below
 * keeping its path ("Saved/story.html", "Saved/story_files/photo.jpg"). The entries must be
 * taken during the drop event; the walk may finish after it.
 */
export function droppedFiles(dataTransfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(dataTransfer.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => (item as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null)) {
    return Promise.resolve(Array.from(dataTransfer.files).map(picked));
  }
  return filesBelow(entries as Entry[]);
}

export async function filesBelow(entries: readonly Entry[]): Promise<PickedFile[]> {
  const found: PickedFile[] = [];
  const walk = async (entry: Entry): Promise<void> => {
    if (found.length >= MAX_DROPPED_FILES) return;
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) => (entry as FileEntry).file(resolve, reject));
      found.push({ file, path: entry.fullPath.replace(/^\/+/, '') || entry.name });
    } else if (entry.isDirectory) {
      for (const child of await allEntries(entry as DirectoryEntry)) await walk(child);
    }
  };
  for (const entry of entries) await walk(entry);
  return found;
}

/** A folder's entries: readEntries gives them a batch at a time (100 in Chromium) until none are left. */
async function allEntries(directory: DirectoryEntry): Promise<Entry[]> {
  const reader = directory.createReader();
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    all.push(...batch);
  }
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
