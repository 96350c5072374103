import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoSiteConfig } from '../../../server/config/demo-office.js';
import { validateSiteConfig } from '../../../server/config/validate-site-config.js';
import { sharedDataPath } from '../../helpers/shared-data.js';
import { demo, keyMaker } from './site-config-fixtures.js';

describe('demoSiteConfig', () => {
  it('passes validation', () => {
    const result = validateSiteConfig(demo());
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has the six queues of DESIGN.md, lettered A to F', () => {
    const c = demo();
    expect(c.queues.map((q) => `${q.series.prefix} ${q.name}`)).toEqual([
      'A Hộ tịch – Chứng thực',
      'B Đất đai – Xây dựng',
      'C Cư trú – Căn cước',
      'D Người có công – Bảo trợ xã hội',
      'E Hộ kinh doanh – Nông nghiệp',
      'F Nhận kết quả',
    ]);
    expect(c.queues.find((q) => q.id === 'nhan-ket-qua')?.fields).toEqual([]);
  });

  it('gives each of the six counters one primary queue, counter 6 for results', () => {
    const c = demo();
    expect(c.counters.map((k) => k.number)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const [i, k] of c.counters.entries()) {
      expect(k.queues.filter((l) => l.role === 'primary').map((l) => l.queueId)).toEqual([c.queues[i]?.id]);
    }
    expect(c.counters[5]?.queues[0]).toEqual({ queueId: 'nhan-ket-qua', role: 'primary' });
    expect(c.priority).toMatchObject({ mode: 'interleave', every: 3, ageCapMinutes: 45 });
  });

  it('has six officers, a supervisor and an admin', () => {
    const roles = demo().officers.map((o) => `${o.username}:${o.role}`);
    expect(roles).toEqual(
      ['canbo1', 'canbo2', 'canbo3', 'canbo4', 'canbo5', 'canbo6']
        .map((u) => `${u}:officer`)
        .concat(['giamsat:supervisor', 'quantri:admin']),
    );
  });

  it('takes every screen key from newKey, and links hardware through sim://', () => {
    const made: string[] = [];
    const next = keyMaker();
    const c = demoSiteConfig(() => {
      const k = next();
      made.push(k);
      return k;
    });
    const keys = c.devices.flatMap((d) => (d.key ? [d.key] : []));
    expect(keys).toEqual(made);
    expect(keys).toHaveLength(1 + 1 + 6 * 2);
    for (const d of c.devices) if (d.link) expect(d.link).toMatch(/^sim:\/\//);
    expect(c.devices.filter((d) => d.kind === 'counter-screen').map((d) => d.counterId)).toEqual(c.counters.map((k) => k.id));
    expect(c.devices.filter((d) => d.kind === 'survey').map((d) => d.counterId)).toEqual(c.counters.map((k) => k.id));
  });

  it('writes all its text in NFC and routes each field to one queue only', () => {
    const c = demo();
    const text = JSON.stringify(c);
    expect(text).toBe(text.normalize('NFC'));
    const fields = c.queues.flatMap((q) => q.fields);
    expect(new Set(fields).size).toBe(fields.length);
  });
});

describe('demo fields against the national catalogue', () => {
  const procedures = sharedDataPath('procedures/');
  it('uses only field names of procedures done at commune level', () => {
    const rows = parseCsv(readFileSync(`${procedures}catalogue.csv`, 'utf8').replace(/^\uFEFF/, ''));
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const [code, agency, field] = [col('Mã số'), col('Cơ quan thực hiện'), col('Lĩnh vực')];
    const communeLevel = (row: string[]): boolean => {
      if (/cấp xã/i.test((row[agency] ?? '').normalize('NFC'))) return true;
      const record = `${procedures}records/${(row[code] ?? '').replace('.', '_')}.md`;
      return existsSync(record) && /\*\*Cấp thực hiện:\*\*[^\n]*Cấp xã/.test(readFileSync(record, 'utf8'));
    };
    for (const f of demo().queues.flatMap((q) => q.fields)) {
      const ofField = rows.slice(1).filter((r) => (r[field] ?? '').normalize('NFC') === f);
      expect(ofField.length, `field "${f}" is not in the catalogue`).toBeGreaterThan(0);
      expect(ofField.some(communeLevel), `no commune-level procedure in field "${f}"`).toBe(true);
    }
  });
});

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
