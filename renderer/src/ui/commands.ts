import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';

/** The platform's command key as shortcuts show it. */
export const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/**
 * Every action the window can take by name, registered by the part of the window that can
 * take it while it is shown (the app, the list, the reader, the editor). The command palette
 * lists them, the shortcut help lists those with keys, and one listener on the window runs
 * those with `keys`: one list, so none of them forgets one, and no part of the window keeps a
 * key listener of its own that could fire while a person types.
 */
export interface Command {
  id: string;
  title: string;
  /** Where it belongs, as the help groups it ("Library", "Reading", "Writing", "List"). */
  section: string;
  /** The keys that do it, as shown ("j", "Ctrl+Shift+D"). */
  shortcut?: string;
  /** The keys the window's one listener runs it for (keys a control handles itself have none). */
  keys?: KeyBinding | readonly KeyBinding[];
  /** Kept out of the palette and the help: a key's second meaning (Escape leaving a mode). */
  unlisted?: boolean;
  /** Runs it; from a key, `false` says it does not apply now, and the key goes on as typed. */
  run: (event?: KeyboardEvent) => unknown;
}

/**
 * A key that runs a command from anywhere in the window. Unless it says otherwise it does
 * nothing while a text field (or the editor) has focus, or while a dialog is open, so a
 * letter typed into a field is always that letter.
 */
export interface KeyBinding {
  /** `KeyboardEvent.key`; letters match either case. */
  key: string;
  /** Ctrl (⌘ on a Mac) held. */
  mod?: boolean;
  /** Shift held (true) or not (false); either when left out (`?` needs Shift on most layouts). */
  shift?: boolean;
  /** Runs in a text field too: for Ctrl/⌘ combinations and Escape, which type nothing. */
  inFields?: boolean;
  /** Runs while a dialog is open. */
  inDialogs?: boolean;
  /** Not when pressed on an element inside these (a control or a list that has its own use for the key). */
  notOn?: string;
}

type Listener = () => void;
let registered: Command[] = [];
const listeners = new Set<Listener>();

function changed(next: Command[]): void {
  registered = next;
  listenForKeys();
  for (const listener of listeners) listener();
}

/** Whether a key pressed on `target` is text being typed (so single-letter shortcuts keep out). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) ||
    target.closest('[contenteditable="true"]') !== null
  );
}

function bindingsOf(command: Command): readonly KeyBinding[] {
  return command.keys === undefined ? [] : 'key' in command.keys ? [command.keys as KeyBinding] : (command.keys as readonly KeyBinding[]);
}

/** Whether `binding` is what `event` pressed, where it was pressed. */
export function bindingApplies(binding: KeyBinding, event: KeyboardEvent, dialogOpen: boolean): boolean {
  if (event.key.toLowerCase() !== binding.key.toLowerCase() || event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) !== Boolean(binding.mod)) return false;
  if (binding.shift !== undefined && event.shiftKey !== binding.shift) return false;
  if (dialogOpen && !binding.inDialogs) return false;
  if (isTyping(event.target) && !binding.inFields) return false;
  return !(binding.notOn && event.target instanceof Element && event.target.closest(binding.notOn));
}

/** The window's one key listener: the newest command whose key it is, and that applies, runs. */
function onKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  const dialogOpen = document.querySelector('dialog[open]') !== null;
  for (let index = registered.length - 1; index >= 0; index -= 1) {
    const command = registered[index]!;
    if (!bindingsOf(command).some((binding) => bindingApplies(binding, event, dialogOpen))) continue;
    if (command.run(event) === false) continue;
    event.preventDefault();
    return;
  }
}

let listening = false;
function listenForKeys(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('keydown', onKey);
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The commands of what is on screen now, in the order their parts registered them (the listed ones). */
export function useRegisteredCommands(): readonly Command[] {
  const all = useSyncExternalStore(subscribe, () => registered);
  return useMemo(() => all.filter((command) => !command.unlisted), [all]);
}

/**
 * Registers `commands` while the calling component is shown. Their `run` may change on
 * every render (they close over state); the latest is the one called.
 */
export function useCommands(commands: readonly Command[]): void {
  const latest = useRef(commands);
  latest.current = commands;
  const signature = commands
    .map((command) => `${command.id}\u0000${command.title}\u0000${command.shortcut ?? ''}\u0000${JSON.stringify(command.keys ?? null)}`)
    .join('\u0001');
  useEffect(() => {
    const mine = latest.current.map((command) => ({
      ...command,
      run: (event?: KeyboardEvent) => latest.current.find((current) => current.id === command.id)?.run(event),
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
