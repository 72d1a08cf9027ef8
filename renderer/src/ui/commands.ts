import { useEffect, useRef, useSyncExternalStore } from 'react';

/** The platform's command key as shortcuts show it. */
export const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/**
 * Every action the window can take by name, registered by the part of the window that can
 * take it while it is shown (the app, the list, the reader, the editor). The command palette
 * lists them, and the shortcut help lists those with keys: one list, so neither forgets one.
 */
export interface Command {
  id: string;
  title: string;
  /** Where it belongs, as the help groups it ("Library", "Reading", "Writing", "List"). */
  section: string;
  /** The keys that do it, as shown ("j", "Ctrl+Shift+D"). */
  shortcut?: string;
  run: () => void;
}

type Listener = () => void;
let registered: Command[] = [];
const listeners = new Set<Listener>();

function changed(next: Command[]): void {
  registered = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The commands of what is on screen now, in the order their parts registered them. */
export function useRegisteredCommands(): readonly Command[] {
  return useSyncExternalStore(subscribe, () => registered);
}

/**
 * Registers `commands` while the calling component is shown. Their `run` may change on
 * every render (they close over state); the latest is the one called.
 */
export function useCommands(commands: readonly Command[]): void {
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands.map((command) => `${command.id}\u0000${command.title}\u0000${command.shortcut ?? ''}`).join('\u0001');
  useEffect(() => {
    const mine = latest.current.map((command) => ({
      ...command,
      run: () => latest.current.find((current) => current.id === command.id)?.run(),
    }));
    changed([...registered.filter((command) => !mine.some((own) => own.id === command.id)), ...mine]);
    return () => changed(registered.filter((command) => !mine.includes(command)));
  }, [signature]);
}

/** Commands whose title holds every word of `query`, best first (titles that start with it). */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found = commands.filter((command) => {
    const title = `${command.title} ${command.section}`.toLowerCase();
    return words.every((word) => title.includes(word));
  });
  const first = words[0];
  return first
    ? found.sort((a, b) => Number(b.title.toLowerCase().startsWith(first)) - Number(a.title.toLowerCase().startsWith(first)))
    : found;
}
