import { describe, expect, it } from 'vitest';
import { errorBody } from '../../../common/contract/errors.js';
import type { DossierStatusView } from '../../../common/contract/dossier-view.js';
import {
  detailsBody,
  detailsFlow,
  FIRST_DETAILS_STEP,
  type DetailsAction,
  type DetailsStep,
  type DossierDetails,
} from '../../../kiosk/state/dossier-details-flow.js';
import { kioskFlow, type KioskStep } from '../../../kiosk/state/kiosk-flow.js';

const VIEW: DossierStatusView = {
  code: '000.00.31.H38-261123-0012',
  status: 4,
  statusOfficial: 'Đang xử lý',
  statusLabel: 'Hồ sơ đang được giải quyết',
  nextStep: 'Vui lòng quay lại vào ngày hẹn.',
  receivedAt: 1,
  appointmentAt: 2,
  timeliness: null,
  timelinessLabel: null,
  resultReady: false,
  asOf: 3,
  source: 'hall',
};
const DETAILS: DossierDetails = {
  code: VIEW.code,
  procedureName: 'Đăng ký khai sinh',
  applicantName: 'Nguyễn V. A.',
  receivedAt: 1,
  appointmentAt: 2,
  documents: 3,
  resultDelivery: 'tai-bo-phan',
};

const run = (actions: DetailsAction[], from: DetailsStep = FIRST_DETAILS_STEP) => actions.reduce(detailsFlow, from);
const type = (digits: string): DetailsAction[] => [...digits].map((digit) => ({ type: 'press', digit }));

describe('the kiosk details sub-flow', () => {
  it('takes digits only, no more than the factor needs, and submits only a complete entry', () => {
    const s = run([...type('12a34567'), { type: 'press', digit: '12' }]);
    expect(s).toMatchObject({ kind: 'asking', factor: 'secret', typed: '123456' });
    expect(run([...type('12345'), { type: 'submit', nonce: 1 }])).toMatchObject({ kind: 'asking', typed: '12345' });
    expect(run([...type('123456'), { type: 'submit', nonce: 1 }])).toEqual({
      kind: 'checking',
      factor: 'secret',
      typed: '123456',
      nonce: 1,
    });
  });

  it('switches to the last 4 digits of the ID, dropping what was typed, and asks four digits there', () => {
    const s = run([...type('123'), { type: 'switch-factor' }, ...type('987654')]);
    expect(s).toMatchObject({ kind: 'asking', factor: 'idLast4', typed: '9876' });
    expect(detailsBody('idLast4', '9876')).toEqual({ idLast4: '9876' });
    expect(detailsBody('secret', '123456')).toEqual({ secret: '123456' });
  });

  it('shows the details only for the answer of the check in flight', () => {
    const checking = run([...type('123456'), { type: 'submit', nonce: 7 }]);
    expect(detailsFlow(checking, { type: 'found', nonce: 6, details: DETAILS })).toBe(checking);
    expect(detailsFlow(checking, { type: 'found', nonce: 7, details: DETAILS })).toEqual({ kind: 'shown', details: DETAILS });
  });

  it('on a refusal goes back to asking with the typed digits cleared and the reason kept', () => {
    const checking = run([{ type: 'switch-factor' }, ...type('1234'), { type: 'submit', nonce: 2 }]);
    const s = detailsFlow(checking, { type: 'failed', nonce: 2, error: errorBody('RATE_LIMITED'), retryAfterSec: 120 });
    expect(s).toEqual({
      kind: 'asking',
      factor: 'idLast4',
      typed: '',
      refusal: { error: errorBody('RATE_LIMITED'), retryAfterSec: 120 },
    });
    // Typing again hides the old reason.
    expect(detailsFlow(s, { type: 'press', digit: '5' })).toMatchObject({ typed: '5', refusal: null });
  });
});

describe('the details inside the kiosk flow', () => {
  const result: KioskStep = { kind: 'dossier-result', view: VIEW };

  it('opens from the status screen only, and Back walks details -> asking -> status', () => {
    expect(kioskFlow({ kind: 'home' }, { type: 'open-details' })).toEqual({ kind: 'home' });
    let s = kioskFlow(result, { type: 'open-details' });
    expect(s).toEqual({ kind: 'dossier-details', view: VIEW, details: FIRST_DETAILS_STEP });
    s = kioskFlow(s, { type: 'details', action: { type: 'press', digit: '1' } });
    s = kioskFlow({ ...s, details: { kind: 'shown', details: DETAILS } } as KioskStep, { type: 'back' });
    expect(s).toEqual({ kind: 'dossier-details', view: VIEW, details: FIRST_DETAILS_STEP });
    expect(kioskFlow(s, { type: 'back' })).toEqual(result);
  });

  it('forgets everything personal on Home, and a late answer after Home changes nothing', () => {
    const checking = kioskFlow(
      { kind: 'dossier-details', view: VIEW, details: { kind: 'checking', factor: 'secret', typed: '123456', nonce: 4 } },
      { type: 'home' },
    );
    expect(checking).toEqual({ kind: 'home' });
    expect(kioskFlow(checking, { type: 'details', action: { type: 'found', nonce: 4, details: DETAILS } })).toEqual({
      kind: 'home',
    });
  });
});
