/**
 * Who is using the admin page. Supervisors watch (dashboard, reports, audit log, backups on demand);
 * admins also change settings, officers and the catalogue. The hub checks every request itself: the
 * page only hides what the role cannot do.
 */
export type AdminRole = 'supervisor' | 'admin';

export interface AdminSession {
  readonly token: string;
  readonly expiresAt: number;
  readonly officer: { readonly id: string; readonly name: string; readonly role: AdminRole };
}

/** What every admin screen is given by the shell. */
export interface AdminScreenProps {
  readonly session: AdminSession;
}

export const canEdit = (session: AdminSession): boolean => session.officer.role === 'admin';
