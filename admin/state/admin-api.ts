import type { Ack } from '../../common/contract/errors.js';
import { hubRequest, type HubMethod } from '../../ui/hub-request.js';
import type { AdminSession } from './admin-session.js';

/** The admin screens' REST calls, signed with the session's token; answers are the hub's envelope. */
export function adminRequest<T>(session: AdminSession, method: HubMethod, path: string, body?: unknown): Promise<Ack<T>> {
  return hubRequest<T>(method, path, session.token, body);
}

/** A file the hub builds (CSV, XLSX, a backup): fetched with the token, then handed to the browser to save. */
export async function downloadFile(session: AdminSession, path: string, fallbackName: string): Promise<boolean> {
  try {
    const res = await fetch(path, { headers: { authorization: `Bearer ${session.token}` } });
    if (!res.ok) return false;
    const disposition = res.headers.get('content-disposition') ?? '';
    const name = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    const blob = await res.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name ? decodeURIComponent(name) : fallbackName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return true;
  } catch {
    return false;
  }
}
