import { useEffect, useState } from 'react';
import { subscribe } from '../client/api.ts';

/** A number that grows whenever the library changes, for effects that must reload. */
export function useLibraryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => subscribe('library.changed', () => setVersion((v) => v + 1)), []);
  return version;
}

/** `value`, once it has stopped changing for `delayMs`. */
export function useDebounced<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}
