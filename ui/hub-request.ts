import { errorBody, type Ack } from '../common/contract/errors.js';

export type HubMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A REST call to the hub from a screen. Every answer is the hub's envelope; a hub that cannot be
 * reached (or answers something that is not an envelope) reads as INTERNAL, so screens handle one shape.
 */
export async function hubRequest<T>(
  method: HubMethod,
  path: string,
  token: string | null,
  body?: unknown,
  fetcher: typeof fetch = fetch,
): Promise<Ack<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetcher(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const parsed = (await res.json()) as Ack<T>;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.ok !== 'boolean') throw new Error('not an envelope');
    return parsed;
  } catch {
    return { ok: false, error: errorBody('INTERNAL') };
  }
}
