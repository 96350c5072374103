import { isRecord } from './json-pointer.js';

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/** What a collapsed row is called: its name, else its id, else its place in the list. */
export function rowTitle(item: unknown, index: number): string {
  if (isRecord(item)) {
    const named = text(item.name) ?? text(item.text) ?? text(item.question) ?? text(item.id);
    if (named) return named;
  }
  return `Dòng ${index + 1}`;
}
