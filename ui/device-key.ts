/**
 * A screen's device key: given once in its URL (`/kiosk/?key=…`, as the IT clerk sets up the
 * kiosk's start page), then kept in localStorage and removed from the address bar so it does not
 * show on screen or in a photo of it.
 */
export function deviceKeyFromPage(storageKey = 'motcua.deviceKey'): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('key');
  if (fromUrl) {
    window.localStorage.setItem(storageKey, fromUrl);
    url.searchParams.delete('key');
    window.history.replaceState(null, '', url.pathname + (url.search ? url.search : '') + url.hash);
    return fromUrl;
  }
  return window.localStorage.getItem(storageKey);
}

/**
 * A command id for one intent. Not crypto.randomUUID: that exists only in secure contexts, and a
 * kiosk on the office LAN loads the hub over plain http.
 */
export function newCommandId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
