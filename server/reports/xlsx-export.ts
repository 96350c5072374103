import ExcelJS from 'exceljs';
import type { HallReport } from '../../common/contract/report.js';
import { reportTables, type Cell } from './report-tables.js';

const NUMBER_FORMAT: Record<Cell['kind'], string | null> = {
  text: null,
  day: 'dd/mm/yyyy',
  count: '#,##0',
  minutes: '0.0',
  percent: '0.0%',
};

/** The spreadsheet value of a cell: numbers as numbers, minutes rounded to one decimal, days as dates. */
export function xlsxValue(cell: Cell): string | number | Date | null {
  if (cell.value === null) return null;
  switch (cell.kind) {
    case 'text':
      return String(cell.value);
    case 'day': {
      const [y, m, d] = String(cell.value).split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d));
    }
    case 'count':
    case 'percent':
      return Number(cell.value);
    case 'minutes':
      return Math.round((Number(cell.value) / 60) * 10) / 10;
  }
}

/**
 * The report as an XLSX workbook: one sheet per table (Tổng hợp, Theo hàng đợi, Theo quầy, Theo
 * cán bộ, Theo ngày, Chỉ số QĐ 766), Vietnamese headers in a frozen first row, column widths, and
 * number formats so a supervisor can sum and chart the figures straight away.
 */
export async function reportWorkbook(report: HallReport, officeName?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = officeName ?? 'motcua-hall';
  wb.created = new Date(report.generatedAt);
  wb.title = `Báo cáo ${report.from} – ${report.to}`;
  for (const table of reportTables(report)) {
    const ws = wb.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = table.columns.map((c) => ({ header: c.header, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.height = 36;
    for (const cells of table.rows) {
      const row = ws.addRow(cells.map(xlsxValue));
      cells.forEach((cell, i) => {
        const format = NUMBER_FORMAT[cell.kind];
        if (format) row.getCell(i + 1).numFmt = format;
      });
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
