import { errorBody, type Ack } from '../../../common/contract/errors.js';
import type { AdminSession } from '../../state/admin-session.js';

/**
 * Sends a file as the raw body of a POST, its name percent-encoded in X-File-Name (headers are
 * ASCII; names are Vietnamese). Answers the hub's envelope; a hub out of reach reads as INTERNAL.
 */
export async function uploadFile<T>(
  session: AdminSession,
  path: string,
  file: Blob,
  name: string,
  type: string,
): Promise<Ack<T>> {
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      body: file,
    });
    const parsed = (await res.json()) as Ack<T>;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.ok !== 'boolean') throw new Error('not an envelope');
    return parsed;
  } catch {
    return { ok: false, error: errorBody('INTERNAL') };
  }
}
