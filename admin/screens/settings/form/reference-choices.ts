import type { ModelsByKind } from '../../../state/settings-store.js';
import { isRecord } from './json-pointer.js';
import type { Choice } from './choice-control.js';

const listOf = (draft: unknown, key: string): Record<string, unknown>[] =>
  isRecord(draft) && Array.isArray(draft[key]) ? (draft[key] as unknown[]).filter(isRecord) : [];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Settings that name another part of the settings are chosen from the draft, not typed: a counter's
 * queue, the result queue, a device's counter. Recognised by the setting's key, which the hub's
 * schema uses for these references and nothing else.
 */
export function referenceChoices(key: string, draft: unknown): Choice[] | null {
  if (key === 'queueId' || key === 'resultQueueId') {
    return listOf(draft, 'queues')
      .filter((q) => str(q.id) !== '')
      .map((q) => ({ value: str(q.id), label: `${str(q.name) || str(q.id)} (${str(q.id)})` }));
  }
  if (key === 'counterId') {
    return listOf(draft, 'counters')
      .filter((c) => str(c.id) !== '')
      .map((c) => ({ value: str(c.id), label: `${str(c.name) || `Quầy ${String(c.number)}`} (${str(c.id)})` }));
  }
  return null;
}

/** A device's model is one of the hub's models for the device's kind. */
export function modelChoices(parent: unknown, models: ModelsByKind): Choice[] | null {
  if (!isRecord(parent) || typeof parent.kind !== 'string') return null;
  return (models[parent.kind] ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.id})` }));
}
