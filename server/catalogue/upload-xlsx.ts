import ExcelJS from 'exceljs';
import { zipUnpackedSize } from './upload-zip-size.js';
import { fileProblem } from './upload-problem.js';
import { findHeader, type UploadTable } from './upload-table.js';

/** More than any real catalogue sheet (the 5,600 procedures unpack to about 10 MB), far less than the hub's memory. */
export const MAX_XLSX_UNPACKED = 150 * 1024 * 1024;

type CellValue = ExcelJS.CellValue;

/**
 * The first sheet of an uploaded XLSX as a table of text cells. Excel stores a code typed as
 * 1.000010 as the number 1.00001; the code column puts the six decimals back (a D.DDDDDD code is
 * exact in a double). A link cell gives its address in the URL column and its text elsewhere.
 */
export async function tableFromXlsx(bytes: Uint8Array): Promise<UploadTable> {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw fileProblem(
      'This is an old Excel 97-2003 (.xls) file: save it as .xlsx or as "CSV UTF-8" and upload it again',
      'Đây là tệp Excel 97-2003 (.xls). Hãy lưu lại dạng .xlsx hoặc "CSV UTF-8 (Comma delimited)" rồi tải lên lại.',
    );
  }
  const unpacked = zipUnpackedSize(bytes);
  if (unpacked === null)
    throw fileProblem('The file is not an XLSX workbook (not a ZIP file)', 'Tệp không phải bảng tính Excel .xlsx.');
  if (unpacked > MAX_XLSX_UNPACKED)
    throw fileProblem(
      `The workbook unpacks to ${Math.round(unpacked / 1048576)} MB, more than the ${MAX_XLSX_UNPACKED / 1048576} MB allowed: keep only the catalogue sheet, or upload it as CSV`,
      'Bảng tính quá lớn khi giải nén. Hãy chỉ giữ trang danh mục, hoặc lưu thành CSV UTF-8 rồi tải lên.',
    );
  const book = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, older than @types/node's generic one: same object.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<
      typeof book.xlsx.load
    >[0];
    await book.xlsx.load(buffer);
  } catch (err) {
    throw fileProblem(
      `The workbook cannot be read: ${(err as Error).message}`,
      'Không đọc được bảng tính Excel: tệp bị hỏng hoặc không phải .xlsx.',
    );
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw fileProblem('The workbook has no sheet', 'Bảng tính không có trang nào.');
  const width = sheet.columnCount;
  const raw: { row: number; values: CellValue[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, row) => {
    const values: CellValue[] = [];
    for (let c = 1; c <= width; c++) values.push(r.getCell(c).value);
    raw.push({ row, values });
  });
  // The header decides which cells are codes and which are links, so it is found first, on text.
  const header = findHeader({ rows: raw.map((r) => ({ row: r.row, cells: r.values.map((v) => textOf(v, false)) })) });
  const codeAt = header?.index.get('code');
  const urlAt = header?.index.get('url');
  return {
    rows: raw.map(({ row, values }) => ({
      row,
      cells: values.map((v, i) => (i === codeAt && typeof v === 'number' ? codeOf(v) : textOf(v, i === urlAt))),
    })),
  };
}

/** 1.00001 -> "1.000010"; a number that is no code is written as it is. */
function codeOf(n: number): string {
  return n >= 0 && n < 10 && Number(n.toFixed(6)) === n ? n.toFixed(6) : String(n);
}

function textOf(v: CellValue, wantLink: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return wantLink || !v.text ? v.hyperlink : textOf(v.text as CellValue, false);
  if ('formula' in v || 'sharedFormula' in v) return textOf((v as { result?: CellValue }).result ?? null, wantLink);
  if ('error' in v) return String(v.error);
  return '';
}
