import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../contract/nullable.js';

/**
 * The procedure catalogue (thủ tục hành chính) as the hub keeps it and the screens read it: one model
 * whichever source it came from (the portal's pages as Markdown plus the catalogue CSV, or the
 * national portal's LayThuTuc JSON). Texts are kept as written (NFC, white space tidied); a value
 * the source did not have ("Không có thông tin") is null or an empty list, never that phrase.
 */

export const ChannelKindSchema = Type.Union([Type.Literal('truc-tiep'), Type.Literal('truc-tuyen'), Type.Literal('buu-chinh')]);
export type ChannelKind = Static<typeof ChannelKindSchema>;

export const ProcedureChannelSchema = Type.Object(
  {
    channel: ChannelKindSchema,
    label: Type.String({ description: 'As written: Trực tiếp, Trực tuyến, Dịch vụ bưu chính' }),
    processingTime: Nullable(Type.String({ description: 'Thời gian giải quyết, as written' })),
    workingDays: Nullable(Type.Number({ description: 'When the text says "N ngày làm việc" (N may be 7.5)' })),
    days: Nullable(Type.Number({ description: 'When the text says "N ngày" (calendar days)' })),
    fees: Nullable(Type.String({ description: 'Phí, lệ phí, as written' })),
    description: Nullable(Type.String()),
  },
  { $id: 'ProcedureChannel', additionalProperties: false },
);
export type ProcedureChannel = Static<typeof ProcedureChannelSchema>;

export const DocumentItemSchema = Type.Object(
  {
    name: Type.String(),
    originals: Nullable(Type.Integer({ minimum: 0, description: 'Bản chính' })),
    copies: Nullable(Type.Integer({ minimum: 0, description: 'Bản sao' })),
    form: Nullable(Type.String({ description: 'The form (mẫu đơn, tờ khai) to fill in, by its file name' })),
  },
  { $id: 'DocumentItem', additionalProperties: false },
);
export type DocumentItem = Static<typeof DocumentItemSchema>;

/** The known groups; any other value is a case label as written ("Trường hợp 1", "a) Đối với …"). */
export const DOCUMENT_GROUPS = ['nop', 'xuat-trinh', 'luu-y'] as const;

export const DocumentGroupSchema = Type.Object(
  {
    group: Type.String({ description: "'nop' (phải nộp), 'xuat-trinh' (phải xuất trình), 'luu-y' (lưu ý), or a case label" }),
    items: Type.Array(DocumentItemSchema),
  },
  { $id: 'DocumentGroup', additionalProperties: false },
);
export type DocumentGroup = Static<typeof DocumentGroupSchema>;

export const LegalBasisSchema = Type.Object(
  { title: Type.String(), code: Nullable(Type.String({ description: 'Số hiệu văn bản, e.g. 123/2015/NĐ-CP' })) },
  { $id: 'LegalBasis', additionalProperties: false },
);
export type LegalBasis = Static<typeof LegalBasisSchema>;

export const ProcedureSchema = Type.Object(
  {
    code: Type.String({ description: 'National code as the source spells it, e.g. 1.001193' }),
    name: Type.String(),
    field: Nullable(Type.String({ description: 'Lĩnh vực' })),
    issuingAgency: Nullable(Type.String({ description: 'Cơ quan ban hành' })),
    implementingAgency: Nullable(Type.String({ description: 'Cơ quan thực hiện' })),
    competentAgency: Nullable(Type.String({ description: 'Cơ quan có thẩm quyền' })),
    submissionAddress: Nullable(Type.String({ description: 'Địa chỉ tiếp nhận hồ sơ: where to submit' })),
    levels: Type.Array(Type.String(), { description: 'Cấp thực hiện, e.g. ["Cấp xã", "Cấp tỉnh"]' }),
    procedureType: Nullable(Type.String({ description: 'Loại thủ tục' })),
    subjects: Type.Array(Type.String(), { description: 'Đối tượng thực hiện' }),
    decisionNumber: Nullable(Type.String({ description: 'Số quyết định công bố' })),
    channels: Type.Array(ProcedureChannelSchema),
    documents: Type.Array(DocumentGroupSchema),
    steps: Type.Array(Type.String(), { description: 'Trình tự thực hiện, one text per step, line breaks kept' }),
    conditions: Nullable(Type.String({ description: 'Yêu cầu, điều kiện thực hiện' })),
    legalBasis: Type.Array(LegalBasisSchema),
    result: Nullable(Type.String({ description: 'Kết quả: what the citizen receives' })),
    description: Nullable(Type.String({ description: 'Mô tả' })),
    portalUrl: Nullable(Type.String({ description: "The procedure's page on the national portal" })),
    keywords: Type.Array(Type.String()),
    hasFullRecord: Type.Boolean({ description: 'False when only the catalogue row is known' }),
    communeLevel: Type.Boolean({ description: 'Done at commune level (Cấp xã)' }),
  },
  { $id: 'Procedure', additionalProperties: false },
);
export type Procedure = Static<typeof ProcedureSchema>;

/** What a search result or a list shows. */
export const ProcedureSummarySchema = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    field: Nullable(Type.String()),
    communeLevel: Type.Boolean(),
  },
  { $id: 'ProcedureSummary', additionalProperties: false },
);
export type ProcedureSummary = Static<typeof ProcedureSummarySchema>;

export const FieldCountSchema = Type.Object(
  { field: Type.String(), count: Type.Integer(), communeCount: Type.Integer() },
  { $id: 'FieldCount', additionalProperties: false },
);
export type FieldCount = Static<typeof FieldCountSchema>;

export function summaryOf(p: Procedure): ProcedureSummary {
  return { code: p.code, name: p.name, field: p.field, communeLevel: p.communeLevel };
}
