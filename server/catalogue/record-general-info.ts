import { foldVietnamese } from '../../common/text/fold.js';
import type { ProblemSink } from './import-problem.js';
import { linesOrNull, splitTopLevel, valueOrNull } from './text-values.js';

/** `## Thông tin chung`: the bullet list `* **Key:** value`, a value possibly going on over several lines. */
export interface GeneralInfo {
  code: string | null;
  decisionNumber: string | null;
  levels: string[];
  procedureType: string | null;
  field: string | null;
  subjects: string[];
  competentAgency: string | null;
  submissionAddress: string | null;
}

type Key = keyof GeneralInfo | 'ignored';

const KEYS: Record<string, Key> = {
  'ma thu tuc': 'code',
  'so quyet dinh': 'decisionNumber',
  'cap thuc hien': 'levels',
  'loai thu tuc': 'procedureType',
  'linh vuc': 'field',
  'doi tuong thuc hien': 'subjects',
  'co quan co tham quyen': 'competentAgency',
  'dia chi tiep nhan hs': 'submissionAddress',
  // Known and not kept: the portal fills them rarely and the kiosk does not show them.
  'co quan duoc uy quyen': 'ignored',
  'co quan phoi hop': 'ignored',
  'nguon fallback': 'ignored',
};

const BULLET = /^\s*[*-]\s+\*\*(.+?):?\*\*:?\s*(.*)$/;

export function readGeneralInfo(lines: readonly string[], problems: ProblemSink, section: string): GeneralInfo {
  const info: GeneralInfo = {
    code: null,
    decisionNumber: null,
    levels: [],
    procedureType: null,
    field: null,
    subjects: [],
    competentAgency: null,
    submissionAddress: null,
  };
  const entries: { key: string; value: string }[] = [];
  for (const line of lines) {
    const m = BULLET.exec(line);
    if (m) entries.push({ key: m[1] ?? '', value: m[2] ?? '' });
    else if (line.trim() !== '' && entries.length > 0) entries[entries.length - 1]!.value += `\n${line}`;
    else if (line.trim() !== '') problems.add('unknown-key', section, `text outside the list: "${line.trim().slice(0, 60)}"`);
  }
  for (const { key, value } of entries) {
    const k = KEYS[foldVietnamese(key).replace(/:$/, '')];
    const v = valueOrNull(value);
    if (!k) {
      problems.add('unknown-key', section, `unknown key "${key}"`);
      continue;
    }
    if (k === 'ignored' || v === null) continue;
    if (k === 'levels' || k === 'subjects') info[k] = splitTopLevel(v);
    // Addresses are lists ("- Trực tiếp tại …\n- Trung tâm …"): their lines are kept.
    else if (k === 'submissionAddress') info[k] = linesOrNull(value.trim().replace(/^"|"$/g, ''));
    else info[k] = v;
  }
  return info;
}
