import { hubRequest } from '../../../ui/hub-request.js';
import type { OfficerRole } from './session.js';

export { hubRequest };

export interface SignInResult {
  readonly token: string;
  readonly expiresAt: number;
  readonly officer: { readonly id: string; readonly name: string; readonly role: OfficerRole };
}

export const signInAt = (username: string, password: string) =>
  hubRequest<SignInResult>('POST', '/api/auth/login', null, { username, password });

export const signOutAt = (token: string) => hubRequest<{ revoked: boolean }>('POST', '/api/auth/logout', token, {});

export const whoAmI = (token: string) => hubRequest<{ kind: string; id: string; role: string }>('GET', '/api/auth/me', token);
