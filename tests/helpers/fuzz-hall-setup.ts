import type { FuzzRoles } from './fuzz-roles.js';
import { api, issueAtKiosk, newCommandId, type TestHub } from './test-hub.js';

/**
 * A hall in mid-morning, so generated input meets counters and tickets in every state rather than
 * an empty hall: tickets waiting in each queue, the officer's counter serving one (with a finished
 * one before it, whose rating is still open), the supervisor's counter with one called, and, when
 * the hub has a catalogue, a dossier received (so receipts, details and status steps have a code).
 */
export async function busyHall(t: TestHub, roles: FuzzRoles, withDossier: boolean): Promise<void> {
  for (const q of t.site.queues) for (let i = 0; i < 2; i++) await issueAtKiosk(t, q.id);
  const officer = { token: bearer(roles, 'officer') };
  const supervisor = { token: bearer(roles, 'supervisor') };
  const [first, second] = t.site.counters;
  if (!first || !second) throw new Error('the test site needs two counters');
  const step = async (auth: { token: string }, counterId: string, verb: string) => {
    const res = await api(t.url, 'POST', `/api/counters/${counterId}/${verb}`, auth, { commandId: newCommandId() });
    if (!res.body.ok) throw new Error(`${verb} at ${counterId} refused: ${res.body.error.code}`);
  };
  await step(officer, first.id, 'open');
  await step(officer, first.id, 'call-next');
  await step(officer, first.id, 'start');
  await step(officer, first.id, 'finish');
  await step(officer, first.id, 'call-next');
  await step(officer, first.id, 'start');
  await step(supervisor, second.id, 'open');
  await step(supervisor, second.id, 'call-next');
  if (!withDossier) return;
  const res = await api(t.url, 'POST', `/api/counters/${first.id}/dossiers`, officer, {
    commandId: newCommandId(),
    procedureCode: '1.001193',
    applicant: { name: 'Nguyễn Văn An', idNumber: '079203001234', phone: '0912345678' },
    documents: [{ name: 'Tờ khai đăng ký khai sinh', originals: 1, copies: 0 }],
    dossierSets: 1,
    channel: 1,
    resultDelivery: 'tai-bo-phan',
    workingDays: 0,
  });
  if (!res.body.ok) throw new Error(`dossier refused: ${res.body.error.code}`);
}

function bearer(roles: FuzzRoles, role: 'officer' | 'supervisor'): string {
  const header = roles.headers(role)['authorization'] ?? '';
  return header.replace(/^Bearer /, '');
}
