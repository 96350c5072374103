import { describe, expect, it } from 'vitest';
import { updateDossierStatus } from '../../../server/core/commands/update-dossier-status.js';
import { Hall, officer } from '../../helpers/core-fixtures.js';

const CODE = '000.00.31.H38-260302-0001';
const step = (status: 3 | 5 | 10, from: number | null) => ({
  counterId: 'c1',
  code: CODE,
  status,
  dossier: from === null ? null : { status: from },
});

describe('updateDossierStatus: the steps the counter itself takes', () => {
  it.each([
    [3, 2],
    [5, 2],
    [5, 4],
    [10, 9],
  ] as const)('takes %i from %i', (to, from) => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.do(updateDossierStatus, step(to, from), lan).events[0]).toMatchObject({
      type: 'dossier:progressed',
      code: CODE,
      from,
      to,
      officerId: 'lan',
    });
  });

  it.each([
    [3, 4],
    [10, 2],
    [10, 5],
    [5, 9],
    [3, 10],
  ] as const)('refuses %i from %i', (to, from) => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(updateDossierStatus, step(to, from), lan)).toBe('DOSSIER_STATUS_CONFLICT');
  });

  it("refuses a dossier the hall does not know, and another officer's counter", () => {
    const hall = new Hall();
    const lan = hall.open('c1', 'lan');
    expect(hall.refusal(updateDossierStatus, step(5, null), lan)).toBe('DOSSIER_NOT_FOUND');
    expect(hall.refusal(updateDossierStatus, step(5, 2), officer('minh'))).toBe('NOT_YOUR_COUNTER');
  });
});
