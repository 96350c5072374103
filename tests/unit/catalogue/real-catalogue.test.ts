import { beforeAll, describe, expect, it } from 'vitest';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ProcedureSchema, type Procedure } from '../../../common/catalogue/procedure-schema.js';
import type { CatalogueImport } from '../../../server/catalogue/import-catalogue.js';
import { importCatalogueFromDir } from '../../../server/catalogue/import-from-dir.js';
import { sharedDataPath } from '../../helpers/shared-data.js';

/** The real catalogue in ../shared/data/procedures: 5,607 rows (+ header), 2,104 records. */
describe('importing the real catalogue', () => {
  let result: CatalogueImport;
  let byCode: Map<string, Procedure>;
  beforeAll(() => {
    result = importCatalogueFromDir(sharedDataPath('procedures'));
    byCode = new Map(result.procedures.map((p) => [p.code, p]));
  });

  it('imports every row and every record', () => {
    expect(result.stats).toMatchObject({ csvRows: 5608, records: 2104, withFullRecord: 2104 });
    // The three records without a catalogue row are imported from the record alone.
    expect(result.stats.procedures).toBe(5608 + 3);
    expect(result.problems.filter((p) => p.kind === 'record-without-row').map((p) => p.code)).toEqual([
      '1.001692',
      '1.005108',
      '2.001904',
    ]);
  });

  it('reports the malformed codes and still imports them as written', () => {
    const malformed = result.problems.filter((p) => p.kind === 'malformed-code').map((p) => p.code);
    expect(malformed).toEqual(['1.0133611', '1.014955-Xoa', '2.009182739']);
    for (const code of malformed) expect(byCode.get(code!)?.name).toBeTruthy();
  });

  it('reads every table-shaped record; only the 55 flattened fallback records are approximations', () => {
    const kinds = result.stats.problemsByKind;
    expect(kinds['record-unreadable'] ?? 0).toBe(0);
    expect(kinds['csv-syntax'] ?? 0).toBe(0);
    expect(kinds['csv-columns'] ?? 0).toBe(0);
    const flattened = new Set(result.problems.filter((p) => p.kind === 'flattened-section').map((p) => p.file));
    expect(flattened.size).toBe(55);
  });

  it('gives every procedure in the model shape, NFC, without the portal\'s "no value" phrase', () => {
    const check = TypeCompiler.Compile(ProcedureSchema);
    const bad = result.procedures.filter((p) => check.Errors(p).First() !== undefined).map((p) => p.code);
    expect(bad).toEqual([]);
    const notNfc = result.procedures.filter((p) => JSON.stringify(p).normalize('NFC') !== JSON.stringify(p));
    expect(notNfc.map((p) => p.code)).toEqual([]);
    const noValue = result.procedures.filter((p) => JSON.stringify(p).includes('"Không có thông tin"'));
    expect(noValue.map((p) => p.code)).toEqual([]);
    expect(result.procedures.filter((p) => /^[.\s]/.test(p.name)).map((p) => p.code)).toEqual([]);
  });

  it("marks commune level from the records (470) and from the catalogue's agencies", () => {
    const fromRecords = result.procedures.filter((p) => p.levels.includes('Cấp xã'));
    expect(fromRecords).toHaveLength(470);
    expect(fromRecords.every((p) => p.communeLevel)).toBe(true);
    const fromCsvOnly = result.procedures.filter((p) => p.communeLevel && !p.hasFullRecord);
    expect(fromCsvOnly.length).toBeGreaterThan(300);
    expect(fromCsvOnly.every((p) => /cấp xã/i.test(p.implementingAgency ?? ''))).toBe(true);
  });

  it('reads the birth registration record in full', () => {
    const p = byCode.get('1.001193')!;
    expect(p).toMatchObject({
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      communeLevel: true,
      decisionNumber: '163/QĐ-BTP',
      result: 'Giấy khai sinh',
    });
    expect(p.channels.map((c) => [c.channel, c.days])).toEqual([
      ['truc-tuyen', 1],
      ['buu-chinh', 1],
      ['truc-tiep', 1],
    ]);
    expect(p.documents.map((g) => g.group)).toEqual(['nop', 'xuat-trinh', 'luu-y']);
    expect(p.documents[0]!.items.map((i) => i.name)).toContain(
      'Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);',
    );
    expect(p.legalBasis).toHaveLength(15);
    expect(p.legalBasis).toContainEqual({ title: 'Luật 60/2014/QH13', code: '60/2014/QH13' });
    expect(p.portalUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//);
  });

  it('reads a decomposed (NFD) field as the composed one', () => {
    const fields = new Set(result.procedures.map((p) => p.field));
    expect(fields.has('Cấp, quản lý căn cước')).toBe(true);
    expect([...fields].filter((f) => f !== null && f.normalize('NFC') !== f)).toEqual([]);
  });
});
