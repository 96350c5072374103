import { describe, expect, it } from 'vitest';
import {
  catalogueWorkingDays,
  checklistFrom,
  countOf,
  documentNameForCommand,
  documentRows,
  MAX_DOCUMENT_NAME,
  presentedFrom,
  processingTimeText,
} from '../../../counter-display/counter/state/dossier-checklist.js';
import { procedure, realProcedure } from './dossier-procedure-fixture.js';

describe('the documents checklist of a procedure', () => {
  it('lists what the citizen hands in for Đăng ký khai sinh (1.001193), nothing ticked, counts as the catalogue gives', () => {
    const rows = checklistFrom(realProcedure('1.001193'));
    const docs = documentRows(rows);
    const birth = docs.find((d) => d.name.startsWith('Giấy chứng sinh'));
    const form = docs.find((d) => d.name.startsWith('Tờ khai đăng ký khai sinh'));
    expect(birth).toMatchObject({ originals: '1', copies: '0', ticked: false, extra: false });
    expect(form).toMatchObject({ originals: '1', copies: '0', ticked: false });
    expect(docs.every((d) => !d.ticked)).toBe(true);
    // "… các giấy tờ sau:" introduces the lines after it: a heading, not a document to tick.
    const intro = rows.find((r) => r.kind === 'heading' && r.text.endsWith('các giấy tờ sau:'));
    expect(intro).toBeDefined();
    expect(docs.some((d) => d.name.endsWith('các giấy tờ sau:'))).toBe(false);
    // Shown, not handed in: the identity card is a reminder, not a line of the checklist.
    expect(docs.some((d) => d.name.startsWith('Hộ chiếu/Thẻ căn cước công dân'))).toBe(false);
    expect(presentedFrom(realProcedure('1.001193')).some((n) => n.startsWith('Hộ chiếu/Thẻ căn cước công dân'))).toBe(true);
  });

  it('puts each case group of a record without a "phải nộp" group under its own heading', () => {
    const rows = checklistFrom(
      procedure({
        documents: [
          { group: 'Trường hợp 1', items: [{ name: 'Đơn đề nghị', originals: 1, copies: null, form: null }] },
          { group: 'Trường hợp 2', items: [{ name: '  Bản sao   sổ hộ khẩu ', originals: null, copies: 2, form: null }] },
          { group: 'luu-y', items: [{ name: 'Lưu ý khác', originals: 0, copies: 0, form: null }] },
        ],
      }),
    );
    expect(rows.map((r) => (r.kind === 'heading' ? `# ${r.text}` : `${r.name} ${r.originals}/${r.copies}`))).toEqual([
      '# Trường hợp 1',
      'Đơn đề nghị 1/0',
      '# Trường hợp 2',
      'Bản sao sổ hộ khẩu 0/2',
    ]);
  });

  it('gives the time allowed as the hub counts it: direct submission first, then any channel, else none', () => {
    const channel = (kind: 'truc-tiep' | 'truc-tuyen', workingDays: number | null, days: number | null = null) => ({
      channel: kind,
      label: kind,
      processingTime: workingDays === null ? `${days} ngày` : `${workingDays} ngày làm việc`,
      workingDays,
      days,
      fees: null,
      description: null,
    });
    expect(catalogueWorkingDays(procedure({ channels: [channel('truc-tuyen', 3), channel('truc-tiep', 7.5)] }))?.days).toBe(7.5);
    expect(catalogueWorkingDays(procedure({ channels: [channel('truc-tuyen', 3), channel('truc-tiep', null, 10)] }))?.days).toBe(
      3,
    );
    expect(catalogueWorkingDays(procedure({ channels: [channel('truc-tiep', null, 10)] }))).toBeNull();
    // The real record says "1 ngày" (calendar): the officer will be asked, and shown the words.
    expect(catalogueWorkingDays(realProcedure('1.001193'))).toBeNull();
    expect(processingTimeText(realProcedure('1.001193'))).toBe('1 ngày');
  });

  it('cuts a name longer than the command takes at a word, with an ellipsis, and keeps short ones whole', () => {
    const long = `${'Giấy tờ chứng minh quyền sử dụng đất hợp pháp '.repeat(30)}cuối`;
    const cut = documentNameForCommand(long);
    expect(cut.length).toBeLessThanOrEqual(MAX_DOCUMENT_NAME);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.startsWith('Giấy tờ chứng minh')).toBe(true);
    expect(cut.slice(0, -1).endsWith(' ')).toBe(false);
    expect(documentNameForCommand('  Tờ khai\n theo mẫu ')).toBe('Tờ khai theo mẫu');
  });

  it('reads a count field only as a whole number from 0 to 20', () => {
    expect(['0', '3', ' 20 ', '21', '-1', '1.5', '', 'a'].map(countOf)).toEqual([0, 3, 20, null, null, null, null, null]);
  });
});
