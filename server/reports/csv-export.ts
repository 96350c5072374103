import type { Cell, ReportTable } from './report-tables.js';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** dd/mm/yyyy, as Vietnamese spreadsheets read a date. */
export function vnDayText(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}

/** A cell as CSV text: minutes and percentages with one decimal, nothing for no value. */
export function cellText(cell: Cell): string {
  if (cell.value === null) return '';
  switch (cell.kind) {
    case 'text':
      // A name that starts like a formula (=, +, -, @) must not run as one in a spreadsheet.
      return /^[=+\-@]/.test(String(cell.value)) ? `'${String(cell.value)}` : String(cell.value);
    case 'day':
      return vnDayText(String(cell.value));
    case 'count':
      return String(cell.value);
    case 'minutes':
      return (Number(cell.value) / 60).toFixed(1);
    case 'percent':
      return (Number(cell.value) * 100).toFixed(1);
  }
}

/** RFC 4180 quoting: only where a comma, quote, line break or edge space would change the field. */
export function csvField(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (fields: readonly string[]): string => fields.map(csvField).join(',') + CRLF;

function tableLines(t: ReportTable): string {
  return line(t.columns.map((c) => c.header)) + t.rows.map((r) => line(r.map(cellText))).join('');
}

/**
 * One table as CSV: UTF-8 with a BOM (so Excel reads the Vietnamese right), comma, CRLF, the header
 * row first.
 */
export function tableToCsv(t: ReportTable): string {
  return BOM + tableLines(t);
}

/** Several tables in one file, each under its title line and separated by an empty line (the kept weekly report). */
export function tablesToCsv(tables: readonly ReportTable[]): string {
  return BOM + tables.map((t) => line([t.title]) + tableLines(t)).join(CRLF);
}
