/**
 * The player's requests to the hub, with the screen's credentials, and the hub's time. Calls carry
 * the hub's clock (`at`); a TV box's own clock is often wrong (no battery-backed clock, no NTP on a
 * closed office LAN), and a call's age decides whether it is still read. So the player keeps the
 * offset between the two, from the Date header of the hub's answers (one-second resolution: plenty
 * for a 90-second limit).
 */
export interface HubAuth {
  readonly deviceKey?: string | null;
  readonly token?: string | null;
}

export class HubLink {
  private offsetMs = 0;
  private synced = false;

  constructor(
    private readonly baseUrl: string,
    private readonly auth: HubAuth,
    private readonly localNow: () => number = () => Date.now(),
  ) {}

  /** Hub time, as best known. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** Whether the offset has been measured at least once. */
  get clockSynced(): boolean {
    return this.synced;
  }

  /** An absolute URL of a hub path ("/voice/clips/ba.mp3"). */
  url(path: string): string {
    return `${this.baseUrl.replace(/\/$/, '')}${path}`;
  }

  /** GET with the screen's credentials; learns the hub's time from the answer. Throws on network errors. */
  async get(path: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    const headers: Record<string, string> = {};
    if (this.auth.deviceKey) headers['x-device-key'] = this.auth.deviceKey;
    if (this.auth.token) headers.authorization = `Bearer ${this.auth.token}`;
    const sent = this.localNow();
    const res = await fetch(this.url(path), { method, headers, cache: 'no-store' });
    this.observe(res.headers.get('date'), sent, this.localNow());
    return res;
  }

  /** Measures the offset once (a HEAD to the clip list); answers whether it could. */
  async syncClock(): Promise<boolean> {
    try {
      await this.get('/api/voice/clips', 'HEAD');
    } catch {
      // The hub unreachable: keep the local clock; the next answer corrects it.
    }
    return this.synced;
  }

  private observe(date: string | null, sent: number, received: number): void {
    const hubSeconds = date ? Date.parse(date) : NaN;
    if (Number.isNaN(hubSeconds)) return;
    // The header drops the milliseconds: the hub's time was within [date, date + 1 s) at some moment
    // between sending and receiving. The middle of both intervals is the best guess.
    this.offsetMs = Math.round(hubSeconds + 500 - (sent + received) / 2);
    this.synced = true;
  }
}
