import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import { mergeProcedure } from '../../../server/catalogue/merge-procedure.js';
import { parseRecord } from '../../../server/catalogue/parse-record.js';
import { sharedDataPath } from '../../helpers/shared-data.js';

/** A real record of the national catalogue, read the way the hub imports it (no hand-made shape). */
export function realProcedure(code: string): Procedure {
  const file = `${code.replace('.', '_')}.md`;
  const { record } = parseRecord(file, readFileSync(join(sharedDataPath('procedures/records'), file), 'utf8'));
  if (!record) throw new Error(`record ${file} did not parse`);
  return mergeProcedure(code, null, record);
}

/** A small procedure with just what a test needs. */
export function procedure(over: Partial<Procedure> = {}): Procedure {
  return {
    code: '1.000001',
    name: 'Thủ tục thử',
    field: 'Hộ tịch',
    issuingAgency: null,
    implementingAgency: null,
    competentAgency: null,
    submissionAddress: null,
    levels: ['Cấp xã'],
    procedureType: null,
    subjects: [],
    decisionNumber: null,
    channels: [
      {
        channel: 'truc-tiep',
        label: 'Trực tiếp',
        processingTime: '5 ngày làm việc',
        workingDays: 5,
        days: null,
        fees: null,
        description: null,
      },
    ],
    documents: [
      {
        group: 'nop',
        items: [
          { name: 'Tờ khai theo mẫu', originals: 1, copies: 0, form: null },
          { name: 'Giấy tờ chứng minh nơi cư trú', originals: 0, copies: 1, form: null },
        ],
      },
    ],
    steps: [],
    conditions: null,
    legalBasis: [],
    result: null,
    description: null,
    portalUrl: null,
    keywords: [],
    hasFullRecord: true,
    communeLevel: true,
    ...over,
  };
}
