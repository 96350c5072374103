import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import type { CommandInput } from '../../../common/contract/commands.js';
import type { ErrorBody } from '../../../common/contract/errors.js';
import type { ResultDelivery } from '../../../common/dossier/dossier-record.js';
import {
  applicantForCommand,
  applicantProblems,
  type ApplicantDraft,
  type ApplicantField,
  type Problem,
} from './dossier-applicant.js';
import {
  catalogueWorkingDays,
  checklistFrom,
  countOf,
  documentNameForCommand,
  documentRows,
  MAX_DOCUMENTS,
  type ChecklistRow,
} from './dossier-checklist.js';

export type Step = 1 | 2 | 3 | 4;
export const STEPS: readonly Step[] = [1, 2, 3, 4];

/** Trực tiếp at the counter, or a dossier that came by bưu chính công ích (KenhThucHien 1 / 3). */
export type CounterChannel = 1 | 3;

/**
 * The "Tiếp nhận hồ sơ" form as the officer fills it, step by step. Numbers are kept as typed
 * (text) and read only when checked, so nothing the officer typed is silently changed.
 */
export interface DossierForm {
  readonly step: Step;
  readonly procedureCode: string | null;
  readonly applicant: ApplicantDraft;
  /** The procedure the checklist was built from (null: none yet). */
  readonly documentsFor: string | null;
  readonly documents: readonly ChecklistRow[];
  readonly dossierSets: string;
  readonly channel: CounterChannel;
  readonly resultDelivery: ResultDelivery;
  readonly workingDays: string;
  /** The hub asked for the time allowed (PROCEDURE_TIME_UNKNOWN) though the catalogue here gave one. */
  readonly askWorkingDays: boolean;
}

export type FormField =
  ApplicantField | 'procedure' | 'documents' | 'dossierSets' | 'workingDays' | 'resultDelivery' | `doc:${string}`;

export type FormProblem =
  | Problem
  | { readonly key: 'procedure-none' | 'procedure-loading' | 'procedure-failed' | 'procedure-refused' }
  | { readonly key: 'documents-none' | 'doc-count' | 'doc-name' | 'sets' | 'working-days' | 'working-days-refused' }
  | { readonly key: 'documents-too-many'; readonly n: number };

export type Problems = Partial<Record<FormField, FormProblem>>;

export type ReceiveInput = Omit<CommandInput<'dossier:receive'>, 'commandId'>;

export function initialForm(from: { procedureCode: string | null; phone: string | null }): DossierForm {
  return {
    step: 1,
    procedureCode: from.procedureCode,
    applicant: { name: '', idNumber: '', address: '', phone: from.phone ?? '', email: '' },
    documentsFor: null,
    documents: [],
    dossierSets: '1',
    channel: 1,
    resultDelivery: 'tai-bo-phan',
    workingDays: '',
    askWorkingDays: false,
  };
}

/** The checklist follows the chosen procedure; documents the officer added by hand stay. */
export function withProcedure(form: DossierForm, procedure: Procedure): DossierForm {
  if (form.documentsFor === procedure.code) return form;
  const extras = form.documents.filter((r) => r.kind === 'document' && r.extra);
  return { ...form, documentsFor: procedure.code, documents: [...checklistFrom(procedure), ...extras], askWorkingDays: false };
}

/** Whether the officer must give the time allowed: the catalogue has none, or the hub asked. */
export function needsWorkingDays(form: DossierForm, procedure: Procedure | null): boolean {
  return form.askWorkingDays || (procedure !== null && catalogueWorkingDays(procedure) === null);
}

/** "5", "7,5" or "7.5" working days; null when not a number of days from 0 to 365. */
export function parseWorkingDays(text: string): number | null {
  const t = text.trim().replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t)) return null;
  const n = Number(t);
  return n <= 365 ? n : null;
}

/** What keeps a step from going on (every earlier step is checked again at the end). */
export function stepProblems(form: DossierForm, step: Step, procedure: Procedure | null): Problems {
  if (step === 1) {
    if (!form.procedureCode) return { procedure: { key: 'procedure-none' } };
    if (!procedure || procedure.code !== form.procedureCode) return { procedure: { key: 'procedure-loading' } };
    return {};
  }
  if (step === 2) return applicantProblems(form.applicant, { addressNeeded: form.resultDelivery === 'buu-chinh' });
  if (step === 3) return documentsProblems(form, procedure);
  return {};
}

function documentsProblems(form: DossierForm, procedure: Procedure | null): Problems {
  const out: Problems = {};
  const ticked = documentRows(form.documents).filter((d) => d.ticked);
  if (ticked.length === 0) out.documents = { key: 'documents-none' };
  else if (ticked.length > MAX_DOCUMENTS) out.documents = { key: 'documents-too-many', n: ticked.length };
  for (const d of ticked) {
    const o = countOf(d.originals);
    const c = countOf(d.copies);
    if (o === null || c === null || o + c === 0) out[`doc:${d.key}`] = { key: 'doc-count' };
    else if (!d.name.trim()) out[`doc:${d.key}`] = { key: 'doc-name' };
  }
  const sets = Number(form.dossierSets.trim());
  if (!/^\d{1,2}$/.test(form.dossierSets.trim()) || sets < 1 || sets > 20) out.dossierSets = { key: 'sets' };
  if (needsWorkingDays(form, procedure) && parseWorkingDays(form.workingDays) === null)
    out.workingDays = form.askWorkingDays ? { key: 'working-days-refused' } : { key: 'working-days' };
  return out;
}

/**
 * The first step up to `last` that is not right, with its problems: going on from a step checks
 * the earlier ones again, since a later choice can make an earlier field needed (the result by
 * post needs the address typed in step 2).
 */
export function firstWrongStep(
  form: DossierForm,
  last: Step,
  procedure: Procedure | null,
): { step: Step; problems: Problems } | null {
  for (const step of STEPS) {
    if (step > last) break;
    const problems = stepProblems(form, step, procedure);
    if (Object.keys(problems).length > 0) return { step, problems };
  }
  return null;
}

export type Built =
  { readonly ok: true; readonly input: ReceiveInput } | { readonly ok: false; readonly step: Step; readonly problems: Problems };

/**
 * The dossier:receive input from the form, or the first step that is not right. The time allowed
 * is sent only when the officer gave it: otherwise the hub takes the catalogue's, the same number
 * the form showed.
 */
export function buildReceiveInput(
  form: DossierForm,
  procedure: Procedure | null,
  at: { counterId: string; ticketId: string | null },
): Built {
  const wrong = firstWrongStep(form, 3, procedure);
  if (wrong) return { ok: false, ...wrong };
  const documents = documentRows(form.documents)
    .filter((d) => d.ticked)
    .map((d) => ({ name: documentNameForCommand(d.name), originals: countOf(d.originals) ?? 0, copies: countOf(d.copies) ?? 0 }));
  const input: ReceiveInput = {
    counterId: at.counterId,
    ticketId: at.ticketId,
    procedureCode: form.procedureCode ?? '',
    applicant: applicantForCommand(form.applicant),
    documents,
    dossierSets: Number(form.dossierSets.trim()),
    channel: form.channel,
    resultDelivery: form.resultDelivery,
  };
  return {
    ok: true,
    input: needsWorkingDays(form, procedure) ? { ...input, workingDays: parseWorkingDays(form.workingDays) } : input,
  };
}

/** Where a refusal of the hub belongs: at the field it is about, or on the last step. */
export type RefusalPlace =
  { readonly step: Step; readonly field: FormField; readonly problem: FormProblem } | { readonly step: 4; readonly field: null };

const APPLICANT_PATHS: readonly ApplicantField[] = ['name', 'idNumber', 'address', 'phone', 'email'];

export function placeRefusal(error: Pick<ErrorBody, 'code' | 'details'>): RefusalPlace {
  switch (error.code) {
    case 'ID_NUMBER_INVALID':
      return { step: 2, field: 'idNumber', problem: { key: 'id-refused' } };
    case 'PROCEDURE_NOT_FOUND':
      return { step: 1, field: 'procedure', problem: { key: 'procedure-refused' } };
    case 'PROCEDURE_TIME_UNKNOWN':
      return { step: 3, field: 'workingDays', problem: { key: 'working-days-refused' } };
    case 'VALIDATION_FAILED': {
      // The hub names the input's path: an applicant field goes back to that field.
      for (const d of error.details ?? []) {
        const field = APPLICANT_PATHS.find((f) => d.path === `/applicant/${f}` || d.path.startsWith(`/applicant/${f}/`));
        if (field) return { step: 2, field, problem: shapeProblem(field) };
      }
      return { step: 4, field: null };
    }
    default:
      return { step: 4, field: null };
  }
}

function shapeProblem(field: ApplicantField): FormProblem {
  switch (field) {
    case 'name':
      return { key: 'name-short' };
    case 'idNumber':
      return { key: 'id-refused' };
    case 'address':
      return { key: 'address-long' };
    case 'phone':
      return { key: 'phone-shape' };
    case 'email':
      return { key: 'email-shape' };
  }
}

/** A document typed by the officer, ticked, after the catalogue's. */
export function addExtraDocument(form: DossierForm, name: string, originals: string, copies: string): DossierForm {
  const used = new Set(form.documents.map((r) => r.key));
  let n = 1;
  while (used.has(`x${n}`)) n++;
  const row: ChecklistRow = {
    kind: 'document',
    key: `x${n}`,
    name: name.replace(/\s+/g, ' ').trim(),
    originals,
    copies,
    ticked: true,
    extra: true,
  };
  return { ...form, documents: [...form.documents, row] };
}

export function updateDocument(
  form: DossierForm,
  key: string,
  change: Partial<{ ticked: boolean; originals: string; copies: string }>,
): DossierForm {
  return {
    ...form,
    documents: form.documents.map((r) => (r.kind === 'document' && r.key === key ? { ...r, ...change } : r)),
  };
}

export function removeDocument(form: DossierForm, key: string): DossierForm {
  return { ...form, documents: form.documents.filter((r) => r.key !== key) };
}

/** The element id of a field, so a problem can take the focus there. */
export function fieldId(field: FormField): string {
  return `dossier-${field.replace(':', '-')}`;
}

/** The first field with a problem, in the order the form shows them. */
export function firstProblemField(problems: Problems): FormField | null {
  const order: readonly FormField[] = ['procedure', 'name', 'idNumber', 'address', 'phone', 'email', 'documents'];
  const keys = Object.keys(problems) as FormField[];
  return order.find((f) => keys.includes(f)) ?? keys[0] ?? null;
}
