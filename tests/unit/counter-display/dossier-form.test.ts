import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../common/contract/commands.js';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Type } from '@sinclair/typebox';
import { documentRows } from '../../../counter-display/counter/state/dossier-checklist.js';
import {
  addExtraDocument,
  buildReceiveInput,
  firstWrongStep,
  initialForm,
  parseWorkingDays,
  placeRefusal,
  stepProblems,
  updateDocument,
  withProcedure,
  type DossierForm,
} from '../../../counter-display/counter/state/dossier-form.js';
import { dossierText, problemText } from '../../../counter-display/counter/state/dossier-text.js';
import { errorBody } from '../../../common/contract/errors.js';
import { procedure, realProcedure } from './dossier-procedure-fixture.js';

const at = { counterId: 'quay-1', ticketId: 't-1' };
const input = Type.Composite([COMMANDS['dossier:receive'].input]);
const hubCheck = TypeCompiler.Compile(input);

/** A form filled as an officer would, for `p`, ticking the documents whose names start with `tick`. */
function filled(p: ReturnType<typeof procedure>, tick: string[], over: Partial<DossierForm> = {}): DossierForm {
  let form = withProcedure(initialForm({ procedureCode: p.code, phone: '0912345678' }), p);
  for (const d of documentRows(form.documents))
    if (tick.some((n) => d.name.startsWith(n))) form = updateDocument(form, d.key, { ticked: true });
  return { ...form, applicant: { ...form.applicant, name: 'Trần Thị Bình', idNumber: '001303012345' }, ...over };
}

describe('building dossier:receive from the form', () => {
  it('sends only the ticked documents, tidy particulars, and no working days when the catalogue gives them', () => {
    const p = procedure();
    const built = buildReceiveInput(filled(p, ['Tờ khai']), p, at);
    if (!built.ok) throw new Error(`refused: ${JSON.stringify(built.problems)}`);
    expect(built.input).toEqual({
      counterId: 'quay-1',
      ticketId: 't-1',
      procedureCode: '1.000001',
      applicant: { name: 'Trần Thị Bình', idNumber: '001303012345', address: null, phone: '0912345678', email: null },
      documents: [{ name: 'Tờ khai theo mẫu', originals: 1, copies: 0 }],
      dossierSets: 1,
      channel: 1,
      resultDelivery: 'tai-bo-phan',
    });
    // What the form builds, the hub's own schema accepts (with the command id the sender adds).
    expect(hubCheck.Check({ ...built.input, commandId: 'abcdef0123456789' })).toBe(true);
  });

  it('asks for the working days of Đăng ký khai sinh (the catalogue says "1 ngày") and sends them', () => {
    const p = realProcedure('1.001193');
    const form = filled(p, ['Giấy chứng sinh', 'Tờ khai đăng ký khai sinh']);
    expect(stepProblems(form, 3, p)).toEqual({ workingDays: { key: 'working-days' } });
    const built = buildReceiveInput({ ...form, workingDays: '7,5' }, p, at);
    if (!built.ok) throw new Error(`refused: ${JSON.stringify(built.problems)}`);
    expect(built.input.workingDays).toBe(7.5);
    expect(built.input.documents.map((d) => d.name.slice(0, 15))).toEqual(['Giấy chứng sinh', 'Tờ khai đăng ký']);
    expect(hubCheck.Check({ ...built.input, commandId: 'abcdef0123456789' })).toBe(true);
  });

  it('goes back to the first step that is not right, with every problem of that step', () => {
    const p = procedure();
    expect(buildReceiveInput({ ...filled(p, ['Tờ khai']), procedureCode: null }, p, at)).toMatchObject({ ok: false, step: 1 });
    const noId = filled(p, [], { applicant: { name: 'Bình', idNumber: '12345678', address: '', phone: '', email: '' } });
    expect(buildReceiveInput(noId, p, at)).toEqual({
      ok: false,
      step: 2,
      problems: { idNumber: { key: 'id-wrong-length', n: 8 } },
    });
    const bad = updateDocument(filled(p, ['Giấy tờ chứng minh']), 'g0-1', { copies: '0' });
    expect(stepProblems({ ...bad, dossierSets: '0' }, 3, p)).toEqual({
      'doc:g0-1': { key: 'doc-count' },
      dossierSets: { key: 'sets' },
    });
    // By post with no address: going on from step 3 goes back to the address field of step 2.
    expect(firstWrongStep({ ...filled(p, ['Tờ khai']), resultDelivery: 'buu-chinh' }, 3, p)).toEqual({
      step: 2,
      problems: { address: { key: 'address-needed' } },
    });
    expect(buildReceiveInput({ ...filled(p, ['Tờ khai']), resultDelivery: 'buu-chinh' }, p, at)).toEqual({
      ok: false,
      step: 2,
      problems: { address: { key: 'address-needed' } },
    });
    expect(stepProblems(filled(p, []), 3, p)).toEqual({ documents: { key: 'documents-none' } });
  });

  it('refuses more than 40 documents, the most one dossier records', () => {
    const p = procedure({ documents: [{ group: 'nop', items: [] }] });
    let form = filled(p, []);
    for (let i = 0; i < 41; i++) form = addExtraDocument(form, `Giấy tờ ${i}`, '1', '0');
    expect(stepProblems(form, 3, p)).toEqual({ documents: { key: 'documents-too-many', n: 41 } });
  });

  it('keeps the documents added by hand when the procedure changes, and rebuilds the rest', () => {
    const first = procedure();
    const second = procedure({
      code: '1.000002',
      documents: [{ group: 'nop', items: [{ name: 'Đơn', originals: 2, copies: 0, form: null }] }],
    });
    const form = addExtraDocument(filled(first, ['Tờ khai']), '  Giấy   ủy quyền ', '1', '1');
    expect(withProcedure(form, first)).toBe(form);
    const moved = withProcedure({ ...form, procedureCode: second.code }, second);
    expect(documentRows(moved.documents).map((d) => [d.name, d.ticked, d.extra])).toEqual([
      ['Đơn', false, false],
      ['Giấy ủy quyền', true, true],
    ]);
  });

  it('reads working days as typed, decimal comma or point, 0 to 365', () => {
    expect(['5', ' 7,5 ', '0', '365', '366', '-1', 'năm', '1.234', ''].map(parseWorkingDays)).toEqual([
      5,
      7.5,
      0,
      365,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('where a refusal of the hub is shown', () => {
  it('puts each refusal at its field: the ID at the ID, the procedure at the search, the time at the working days', () => {
    expect(placeRefusal(errorBody('ID_NUMBER_INVALID'))).toEqual({ step: 2, field: 'idNumber', problem: { key: 'id-refused' } });
    expect(placeRefusal(errorBody('PROCEDURE_NOT_FOUND'))).toEqual({
      step: 1,
      field: 'procedure',
      problem: { key: 'procedure-refused' },
    });
    expect(placeRefusal(errorBody('PROCEDURE_TIME_UNKNOWN'))).toMatchObject({ step: 3, field: 'workingDays' });
    expect(placeRefusal(errorBody('VALIDATION_FAILED', [{ path: '/applicant/phone', message: 'pattern' }]))).toMatchObject({
      step: 2,
      field: 'phone',
    });
    expect(placeRefusal(errorBody('DOSSIER_SEQUENCE_EXHAUSTED'))).toEqual({ step: 4, field: null });
    expect(placeRefusal(errorBody('TICKET_STATE_CONFLICT'))).toEqual({ step: 4, field: null });
  });

  it('words the hub’s refusals in Vietnamese at the field, in the hub’s own text', () => {
    const t = dossierText('vi');
    expect(problemText({ key: 'id-refused' }, t, 'vi')).toBe(
      'Số giấy tờ chưa đúng: số định danh cá nhân gồm 12 chữ số, chứng minh nhân dân gồm 9 chữ số.',
    );
    expect(problemText({ key: 'procedure-refused' }, t, 'vi')).toContain('Không tìm thấy thủ tục');
    expect(problemText({ key: 'id-wrong-length', n: 8 }, t, 'vi')).toBe(
      'Đã nhập 8 chữ số: số định danh cá nhân gồm 12 chữ số, CMND gồm 9 chữ số.',
    );
    expect(problemText({ key: 'id-wrong-length', n: 8 }, dossierText('en'), 'en')).toContain('8 digits typed');
  });
});
