import type { DocumentGroup, LegalBasis, ProcedureChannel } from '../../common/catalogue/procedure-schema.js';
import { cleanText, foldVietnamese } from '../../common/text/fold.js';
import { ProblemSink } from './import-problem.js';
import { splitSections, type Section } from './markdown-blocks.js';
import { codeFromRecordFileName } from './procedure-code.js';
import { readChannels } from './record-channels.js';
import { readDocuments } from './record-documents.js';
import { readGeneralInfo, type GeneralInfo } from './record-general-info.js';
import { readLegalBasis } from './record-legal.js';
import { readSteps } from './record-steps.js';
import { readKeywords, readResult, readText } from './record-texts.js';

/** One record file read: every part the importer understood, and the problems it met. */
export interface ParsedRecord {
  readonly code: string;
  readonly file: string;
  readonly title: string | null;
  readonly general: GeneralInfo;
  /** `## Cơ quan thực hiện`, when the record has it. */
  readonly agency: string | null;
  readonly channels: ProcedureChannel[];
  readonly documents: DocumentGroup[];
  readonly steps: string[];
  readonly conditions: string | null;
  readonly legalBasis: LegalBasis[];
  readonly result: string | null;
  readonly keywords: string[];
  readonly description: string | null;
}

type SectionKey =
  | 'general'
  | 'steps'
  | 'channels'
  | 'documents'
  | 'legal'
  | 'agency'
  | 'conditions'
  | 'result'
  | 'keywords'
  | 'description'
  | 'related';

/** Folded heading prefixes; "Kết quả xử lý" and "Kết quả thực hiện" are both the result. */
const SECTIONS: [string, SectionKey][] = [
  ['thong tin chung', 'general'],
  ['trinh tu thuc hien', 'steps'],
  ['cach thuc thuc hien', 'channels'],
  ['thanh phan ho so', 'documents'],
  ['can cu phap ly', 'legal'],
  ['co quan thuc hien', 'agency'],
  ['yeu cau', 'conditions'],
  ['ket qua', 'result'],
  ['tu khoa', 'keywords'],
  ['mo ta', 'description'],
  ['thu tuc hanh chinh lien quan', 'related'],
];
/** Reported when missing: what a citizen needs. Keywords and description are mostly empty anyway. */
const EXPECTED: SectionKey[] = ['general', 'steps', 'channels', 'documents', 'legal', 'conditions', 'result'];

export function parseRecord(file: string, text: string): { record: ParsedRecord | null; problems: ProblemSink } {
  const fileCode = codeFromRecordFileName(file);
  const problems = new ProblemSink(file, fileCode);
  const md = splitSections(text);
  const found = new Map<SectionKey, Section>();
  for (const s of md.sections) {
    const f = foldVietnamese(s.heading);
    const key = SECTIONS.find(([prefix]) => f.startsWith(prefix))?.[1];
    if (!key) problems.add('unknown-key', `## ${s.heading}`, 'unknown section, not read');
    else if (found.has(key)) problems.add('unknown-key', `## ${s.heading}`, 'a second section of this name, not read');
    else found.set(key, s);
  }
  if (found.size === 0) {
    problems.add('record-unreadable', '', 'no "## " sections: not a record of the portal');
    return { record: null, problems };
  }
  for (const key of EXPECTED) {
    if (!found.has(key)) problems.add('missing-section', SECTIONS.find(([, k]) => k === key)?.[0] ?? key, 'section missing');
  }
  const lines = (key: SectionKey) => found.get(key)?.lines ?? [];
  const where = (key: SectionKey) => `## ${found.get(key)?.heading ?? key}`;
  const general = readGeneralInfo(lines('general'), problems, where('general'));
  const code = general.code ?? fileCode;
  if (!code) {
    problems.add('record-unreadable', where('general'), 'no "Mã thủ tục" and the file name is not a code');
    return { record: null, problems };
  }
  if (fileCode && general.code && general.code !== fileCode) {
    problems.add(
      'code-mismatch',
      where('general'),
      `Mã thủ tục ${general.code} in a file named for ${fileCode}; ${general.code} used`,
    );
  }
  problems.code = code;
  const record: ParsedRecord = {
    code,
    file,
    title: md.title === null ? null : cleanText(md.title),
    general,
    agency: readText(lines('agency')),
    channels: readChannels(lines('channels'), problems, where('channels')),
    documents: readDocuments(lines('documents'), problems, where('documents')),
    steps: readSteps(lines('steps')),
    conditions: readText(lines('conditions')),
    legalBasis: readLegalBasis(lines('legal'), problems, where('legal')),
    result: readResult(lines('result')),
    keywords: readKeywords(lines('keywords')),
    description: readText(lines('description')),
  };
  return { record, problems };
}
