import { errorBody, type Ack } from '../../../common/contract/errors.js';
import type { OfficerRole } from './session.js';

export interface SignInResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly officer: { readonly id: string; readonly name: string; readonly role: OfficerRole };
}

/**
 * The console's few REST calls. Every answer is the hub's envelope; a hub that cannot be reached
 * (or answers something that is not an envelope) reads as INTERNAL, so the screens handle one shape.
 */
export async function hubRequest<T>(
  method: 'GET' | 'POST',
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

export const signInAt = (username: string, password: string) =>
  hubRequest<SignInResult>('POST', '/api/auth/login', null, { username, password });

export const signOutAt = (token: string) => hubRequest<{ revoked: boolean }>('POST', '/api/auth/logout', token, {});

export const whoAmI = (token: string) => hubRequest<{ kind: string; id: string; role: string }>('GET', '/api/auth/me', token);
