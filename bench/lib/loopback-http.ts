import { Agent, request } from 'node:http';
import type { Ack } from '../../common/contract/errors.js';

/**
 * REST from a given loopback address. In a hall every kiosk and every officer's PC has its own IP,
 * and the hub limits ticket issuing and sign-in per address; a load generator on 127.0.0.1 alone
 * would be one address doing the work of a hundred machines. Linux routes all of 127.0.0.0/8 to
 * the loopback interface, so binding the client side to 127.a.b.c needs no set-up.
 */
export type HallGroup = 'kiosk' | 'officer' | 'supervisor' | 'survey' | 'display';
const GROUP_OCTET: Record<HallGroup, number> = { kiosk: 1, officer: 2, supervisor: 3, survey: 4, display: 5 };

/** 127.<group>.<hi>.<lo>, never .0 or .255 in the last octet; index from 0. */
export function hallAddress(group: HallGroup, index: number): string {
  const n = index + 1;
  return `127.${GROUP_OCTET[group]}.${Math.floor(n / 250)}.${(n % 250) + 1}`;
}

export interface JsonReply<T> {
  readonly status: number;
  readonly body: Ack<T> | null;
  /** performance.now() when the request was handed to the socket, and the time to the whole reply. */
  readonly sentAt: number;
  readonly latencyMs: number;
  /** Set when no reply came: a timeout or a connection error. */
  readonly error?: string;
}

/** One machine on the hall's network: keeps its connection open between requests, like a browser. */
export class LoopbackClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    readonly localAddress: string,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 4, localAddress });
  }

  post<T>(
    path: string,
    body: unknown,
    headers: Readonly<Record<string, string>> = {},
    timeoutMs = 10_000,
  ): Promise<JsonReply<T>> {
    const payload = JSON.stringify(body);
    const sentAt = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const done = (r: Omit<JsonReply<T>, 'sentAt' | 'latencyMs'>) => {
        if (settled) return;
        settled = true;
        resolve({ ...r, sentAt, latencyMs: performance.now() - sentAt });
      };
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method: 'POST',
          agent: this.agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
          timeout: timeoutMs,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            let parsed: Ack<T> | null = null;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Ack<T>;
            } catch {
              parsed = null; // a non-JSON reply counts by its status alone
            }
            done({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', (err) => done({ status: 0, body: null, error: err.message }));
        },
      );
      req.on('timeout', () => {
        req.destroy(new Error('timeout'));
      });
      req.on('error', (err) => done({ status: 0, body: null, error: err.message }));
      req.end(payload);
    });
  }

  /** Signs an officer in from this address; answers the session token. */
  async signIn(username: string, password: string | undefined): Promise<string> {
    const r = await this.post<{ token: string }>('/api/auth/login', { username, password });
    if (!r.body?.ok)
      throw new Error(`sign-in of ${username} failed: ${r.status} ${r.body ? r.body.error.code : (r.error ?? '')}`);
    return r.body.data.token;
  }

  close(): void {
    this.agent.destroy();
  }
}
