import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import { fromPortalJson, type PortalProcedure } from './from-portal-json.js';
import { isWellFormedCode } from './procedure-code.js';
import { decodeUtf8 } from './upload-decode.js';
import { fileProblem, type UploadProblems } from './upload-problem.js';

/** Keys under which an export may wrap its list of procedures ({"data": [...]} and the like). */
const LIST_KEYS = ['data', 'result', 'results', 'items', 'value', 'ThuTuc', 'thuTuc', 'DanhSach'];

/** A full record from the portal JSON, with its place in the file (1-based position in the list). */
export interface UploadRecord {
  readonly row: number;
  readonly procedure: Procedure;
}

/**
 * Full records as the national portal's LayThuTuc service gives them: a list of procedures, one
 * procedure, or a list under a wrapper key. Each record is read on its own; one without MATTHC or
 * TENTTHC, or that cannot be mapped, is reported at its position and the others still read.
 */
export function recordsFromJson(bytes: Uint8Array, problems: UploadProblems): UploadRecord[] {
  const text = decodeUtf8(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    const line = at === undefined ? null : text.slice(0, Number(at)).split('\n').length;
    throw fileProblem(
      `The file is not valid JSON${line ? ` (line ${line})` : ''}: ${(err as Error).message}`,
      `Tệp không phải JSON hợp lệ${line ? ` (lỗi ở dòng ${line})` : ''}.`,
    );
  }
  const list = listOf(parsed);
  if (!list)
    throw fileProblem(
      'The JSON holds no list of procedures (an array of LayThuTuc objects with MATTHC and TENTTHC)',
      'Tệp JSON không chứa danh sách thủ tục (các đối tượng LayThuTuc có MATTHC và TENTTHC).',
    );
  const seen = new Map<string, number>();
  const out: UploadRecord[] = [];
  list.forEach((item, i) => {
    const row = i + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.add({
        row,
        kind: 'record-unreadable',
        en: 'not an object: skipped',
        vi: 'Không phải một thủ tục (đối tượng JSON): bỏ qua.',
      });
      return;
    }
    let procedure: Procedure;
    try {
      procedure = fromPortalJson(item as PortalProcedure);
    } catch (err) {
      const o = item as Record<string, unknown>;
      const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';
      const noCode = blank(o['MATTHC']) && blank(o['MaTTHC']);
      const noName = blank(o['TENTTHC']);
      if (noCode || noName)
        problems.add({
          row,
          column: noCode ? 'MATTHC' : 'TENTTHC',
          kind: noCode ? 'malformed-code' : 'missing-name',
          en: `${noCode ? 'no MATTHC' : 'no TENTTHC'}: skipped`,
          vi: noCode ? 'Thiếu mã thủ tục (MATTHC): bỏ qua.' : 'Thiếu tên thủ tục (TENTTHC): bỏ qua.',
        });
      else
        problems.add({
          row,
          kind: 'record-unreadable',
          en: `not a LayThuTuc record as expected (${(err as Error).message}): skipped`,
          vi: 'Thủ tục này không đúng dạng dữ liệu LayThuTuc: bỏ qua.',
        });
      return;
    }
    const code = procedure.code;
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      problems.add({
        row,
        column: 'MATTHC',
        code,
        kind: 'duplicate-code',
        en: `code ${code} is already record ${earlier}: this one skipped`,
        vi: `Mã ${code} đã có ở thủ tục thứ ${earlier}: bỏ qua thủ tục này.`,
      });
      return;
    }
    seen.set(code, row);
    if (!isWellFormedCode(code))
      problems.add({
        row,
        column: 'MATTHC',
        code,
        kind: 'malformed-code',
        en: `"${code}" is not of the form D.DDDDDD: imported as written`,
        vi: `Mã "${code}" không đúng dạng D.DDDDDD: vẫn nhập như đã ghi.`,
      });
    out.push({ row, procedure });
  });
  return out;
}

function listOf(v: unknown): unknown[] | null {
  if (Array.isArray(v)) return v;
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if ('MATTHC' in o || 'MaTTHC' in o || 'TENTTHC' in o) return [o];
  for (const key of LIST_KEYS) if (Array.isArray(o[key])) return o[key] as unknown[];
  return null;
}
