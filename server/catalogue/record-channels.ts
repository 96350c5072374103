import type { ChannelKind, ProcedureChannel } from '../../common/catalogue/procedure-schema.js';
import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import type { ProblemSink } from './import-problem.js';
import { blocksOf } from './markdown-blocks.js';
import { parseProcessingTime } from './processing-time.js';
import { linesOrNull, valueOrNull } from './text-values.js';

/** "Trực tiếp" / "Trực tuyến" / "Dịch vụ bưu chính" (or the portal's KENH 1/2/3) -> our kind. */
export function channelKindOf(label: string): ChannelKind | null {
  const f = foldVietnamese(label);
  if (f === '1' || f.startsWith('truc tiep')) return 'truc-tiep';
  if (f === '2' || f.startsWith('truc tuyen')) return 'truc-tuyen';
  if (f === '3' || f.includes('buu chinh')) return 'buu-chinh';
  return null;
}

/** The scraper glued the unit "ngày" to free texts ("Theo mô tả ngày", "Không quá 15 ngày. ngày"). */
export function tidyTime(text: string | null): string | null {
  if (!text) return null;
  const t = text.replace(/(?<!\d)\s+ngày$/u, '').trim();
  return t === '' || foldVietnamese(t) === 'n/a' ? null : t;
}

export function channel(
  label: string,
  kind: ChannelKind,
  time: string | null,
  fees: string | null,
  description: string | null,
): ProcedureChannel {
  const processingTime = tidyTime(time);
  return { channel: kind, label, processingTime, ...parseProcessingTime(processingTime), fees, description };
}

const COLUMN_NAMES = { label: 'hinh thuc nop', time: 'thoi gian giai quyet', fees: 'phi, le phi', description: 'mo ta' } as const;

/** `## Cách thức thực hiện`: a table with one row per channel (and sometimes several rows for one channel). */
export function readChannels(lines: readonly string[], problems: ProblemSink, section: string): ProcedureChannel[] {
  const blocks = blocksOf(lines);
  const tables = blocks.filter((b) => b.kind === 'table');
  if (tables.length === 0) {
    const text = blocks.map((b) => (b.kind === 'text' ? b.text : '')).join(' ');
    if (valueOrNull(text) === null) return [];
    problems.add('flattened-section', section, 'no table, only flattened text: channels read from the text as best we can');
    return readFlattenedChannels(cleanText(text));
  }
  const out: ProcedureChannel[] = [];
  for (const table of tables) {
    const header = table.header.map((h) => foldVietnamese(h));
    const col = (name: string) => header.indexOf(name);
    const at = {
      label: col(COLUMN_NAMES.label),
      time: col(COLUMN_NAMES.time),
      fees: col(COLUMN_NAMES.fees),
      description: col(COLUMN_NAMES.description),
    };
    if (at.label < 0) {
      problems.add('table-row', section, `a table without a "Hình thức nộp" column: ${table.header.join(' | ').slice(0, 80)}`);
      continue;
    }
    for (const row of table.rows) {
      const cell = (i: number) => (i >= 0 ? (row[i] ?? null) : null);
      const label = cleanText(cell(at.label) ?? '');
      const kind = channelKindOf(label);
      if (!kind) {
        problems.add('unknown-channel', section, `unknown channel "${label.slice(0, 60)}"`);
        continue;
      }
      out.push(channel(label, kind, valueOrNull(cell(at.time)), valueOrNull(cell(at.fees)), linesOrNull(cell(at.description))));
    }
  }
  return out;
}

const FLAT_CHANNEL =
  /(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)\s+(?=\d+(?:[.,]\d+)?\s+(?:Ngày|Giờ|Tháng|Năm)|Theo |Không quy định|N\/A)/gu;
const FLAT_TIME = /^(\d+(?:[.,]\d+)?\s+(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)|Theo mô tả|Không quy định)\s*/iu;
const FLAT_FEE = /((?:Lệ phí|Phí)\s*:\s*[^]*?(?:Đồng|USD))Xem chi tiết\s*/u;

/**
 * The 55 fallback records hold the table as one line: "Hình thức nộp Thời hạn giải quyết Phí, lệ
 * phí Mô tả Trực tiếp 10 Ngày làm việc <description> Trực tuyến …". A channel label starts a row
 * only where a time follows it, so "- Trực tiếp tại …" inside a description does not split.
 */
export function readFlattenedChannels(text: string): ProcedureChannel[] {
  const body = text.replace(/^Hình thức nộp\s+Thời hạn giải quyết\s+Phí, lệ phí\s+Mô tả\s*/u, '');
  const starts = [...body.matchAll(FLAT_CHANNEL)];
  return starts.map((m, i) => {
    const label = m[1] ?? '';
    const end = starts[i + 1]?.index ?? body.length;
    let rest = body.slice((m.index ?? 0) + m[0].length, end).trim();
    const time = FLAT_TIME.exec(rest);
    if (time) rest = rest.slice(time[0].length);
    const fee = FLAT_FEE.exec(rest);
    if (fee) rest = rest.replace(fee[0], '');
    // "10 Ngày làm việc" as the tables write it: "10 ngày làm việc".
    const t = time?.[1] ?? null;
    const asWritten = t && /^\d/.test(t) ? t.toLowerCase() : t;
    return channel(label, channelKindOf(label) ?? 'truc-tiep', asWritten, fee?.[1] ?? null, valueOrNull(rest));
  });
}
