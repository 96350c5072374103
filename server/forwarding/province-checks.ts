import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import { parseDossierCode } from '../../common/dossier/dossier-code.js';
import { fromVnStamp, MaHoSo, SHAPES, type ShapeName } from './province-shapes.js';

export interface ShapeProblem {
  readonly path: string;
  readonly message: string;
}

const CHECKERS = Object.fromEntries(Object.entries(SHAPES).map(([name, schema]) => [name, TypeCompiler.Compile(schema)])) as {
  readonly [K in ShapeName]: ReturnType<typeof TypeCompiler.Compile>;
};

const STAMP_FIELDS = ['NgayTiepNhan', 'NgayHenTra', 'NgayXuLy', 'NgayCoKetQua', 'NgayTraKetQua', 'NgayDanhGia', 'ThoiDiemChot'];

/**
 * Whether `value` is a well-formed item of the named shape: the schema first (every problem, with
 * its path), then what a schema cannot say: dates that exist, a dossier code whose date exists, an
 * identity number of one kind, an appointment not before receipt, a rating about something. Used by
 * the client before it sends (a malformed item is refused without a call) and by the reference
 * province system on receipt, so both sides refuse the same things.
 */
export function checkShape(name: ShapeName, value: unknown): ShapeProblem[] {
  const checker = CHECKERS[name];
  if (!checker.Check(value)) {
    const out: ShapeProblem[] = [];
    const seen = new Set<string>();
    for (const e of checker.Errors(value)) {
      if (seen.has(e.path)) continue; // TypeBox repeats a path once per way it failed; the first says enough.
      seen.add(e.path);
      out.push({ path: e.path || '/', message: e.message });
      if (out.length >= 20) break;
    }
    return out;
  }
  return semanticProblems(name, value as Record<string, unknown>);
}

function semanticProblems(name: ShapeName, v: Record<string, unknown>): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  for (const field of STAMP_FIELDS) {
    const s = v[field];
    if (typeof s === 'string' && fromVnStamp(s) === null) out.push({ path: `/${field}`, message: 'not a real date and time' });
  }
  if (typeof v['MaHoSo'] === 'string' && !parseDossierCode(v['MaHoSo']).ok) {
    out.push({ path: '/MaHoSo', message: 'the date in the dossier code does not exist' });
  }
  if (name === 'DongBoHoSoMC') {
    if ((v['SoDinhDanh'] === undefined) === (v['SoCMND'] === undefined)) {
      out.push({ path: '/SoDinhDanh', message: 'give exactly one of SoDinhDanh (12 digits) or SoCMND (9 digits)' });
    }
    const received = fromVnStamp(String(v['NgayTiepNhan']));
    const appointment = fromVnStamp(String(v['NgayHenTra']));
    if (received !== null && appointment !== null && appointment < received) {
      out.push({ path: '/NgayHenTra', message: 'the appointment is before the dossier was received' });
    }
  }
  if (name === 'DanhGia' && (v['MaHoSo'] ?? null) === null && (v['SoThuTu'] ?? null) === null) {
    out.push({ path: '/MaHoSo', message: 'a rating needs MaHoSo or SoThuTu' });
  }
  if (name === 'SoLieuXepHang' && typeof v['Ngay'] === 'string' && fromVnStamp(`${v['Ngay']}000000`) === null) {
    out.push({ path: '/Ngay', message: 'not a real date' });
  }
  return out;
}

/** Whether a look-up's code is one: the shape, and a date that exists. */
export function dossierCodeProblems(code: unknown): ShapeProblem[] {
  if (typeof code !== 'string') return [{ path: '/MaHoSo', message: 'required' }];
  if (!Value.Check(MaHoSo, code))
    return [{ path: '/MaHoSo', message: 'not a dossier code (V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX)' }];
  if (!parseDossierCode(code).ok) return [{ path: '/MaHoSo', message: 'the date in the dossier code does not exist' }];
  return [];
}
