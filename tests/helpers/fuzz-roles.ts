import type { SiteConfig } from '../../server/config/site-config-schema.js';
import { signIn, TEST_PASSWORD, type TestHub } from './test-hub.js';

/** Who sends the hostile input: nobody, each kind of screen that acts, and each staff role. */
export const ROLES = ['none', 'kiosk', 'display', 'survey', 'officer', 'supervisor', 'admin'] as const;
export type RoleName = (typeof ROLES)[number];

const STAFF = { officer: 'officer', supervisor: 'supervisor', admin: 'admin' } as const;
type StaffRole = keyof typeof STAFF;
const isStaff = (r: RoleName): r is StaffRole => r in STAFF;

/**
 * Credentials for each role on a test hub, kept valid between cases: the fuzz itself may sign a
 * role out, revoke its sessions or reset its password (those routes succeed for an admin), and the
 * next case must still be sent as that role. `ensure()` is called outside the measured window.
 */
export class FuzzRoles {
  private readonly tokens = new Map<StaffRole, string>();

  private constructor(private readonly t: TestHub) {}

  static async create(t: TestHub): Promise<FuzzRoles> {
    const roles = new FuzzRoles(t);
    await roles.ensure();
    return roles;
  }

  /** The staff account used for a role (the first officer of that role in the site). */
  officerOf(role: StaffRole): SiteConfig['officers'][number] {
    const o = this.t.hub.settings.current().officers.find((x) => x.role === role && !x.disabled);
    if (!o) throw new Error(`the test site has no enabled ${role}`);
    return o;
  }

  deviceKey(role: 'kiosk' | 'display' | 'survey'): string {
    const d = this.t.hub.settings.current().devices.find((x) => x.kind === role && x.key);
    if (!d?.key) throw new Error(`the test site has no ${role} device`);
    return d.key;
  }

  /** Signs in again any staff role whose session the fuzz ended (resetting a password it changed). */
  async ensure(): Promise<void> {
    for (const role of Object.keys(STAFF) as StaffRole[]) {
      const token = this.tokens.get(role);
      if (token && this.t.hub.auth.fromToken(token)) continue;
      const officer = this.officerOf(role);
      const again = await this.t.hub.auth.signIn(officer.username, TEST_PASSWORD);
      if (again.ok) {
        this.tokens.set(role, again.token);
        continue;
      }
      // The fuzz reset this officer's password (an admin may): give the test one back.
      await this.t.hub.auth.setPassword(officer.id, TEST_PASSWORD);
      this.tokens.set(role, await signIn(this.t.url, officer.username));
    }
  }

  headers(role: RoleName): Record<string, string> {
    if (role === 'none') return {};
    if (isStaff(role)) return { authorization: `Bearer ${this.token(role)}` };
    return { 'x-device-key': this.deviceKey(role) };
  }

  socketAuth(role: RoleName): Record<string, string> {
    if (role === 'none') return {};
    return isStaff(role) ? { token: this.token(role) } : { deviceKey: this.deviceKey(role) };
  }

  private token(role: StaffRole): string {
    const token = this.tokens.get(role);
    if (!token) throw new Error(`no session for ${role}; call ensure() first`);
    return token;
  }
}
