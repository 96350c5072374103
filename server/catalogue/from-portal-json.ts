import type { DocumentGroup, Procedure, ProcedureChannel } from '../../common/catalogue/procedure-schema.js';
import { cleanText } from '../../common/text/fold.js';
import { groupKeyOf } from './document-group.js';
import { mentionsCommuneLevel } from './merge-procedure.js';
import { channel, channelKindOf } from './record-channels.js';
import { linesOrNull, splitTopLevel, valueOrNull } from './text-values.js';

type Text = string | number | null | undefined;
type Unit = { MADONVI?: Text; TENDONVI?: Text };

/**
 * One procedure as the national portal's LayThuTuc service gives it (inferred from integrations that
 * consume it; only the keys we read). Values may come as strings or numbers. KENH: 1 trực tiếp,
 * 2 trực tuyến, 3 bưu chính. DONVITINH: "Ngày làm việc" or "Ngày".
 */
export interface PortalProcedure {
  MATTHC?: Text;
  MaTTHC?: Text;
  TENTTHC?: Text;
  LOAITTHC?: Text;
  SOQUYETDINH?: Text;
  MOTADOITUONGTHUCHIEN?: Text;
  DIACHITIEPNHAN?: Text;
  YEUCAU?: Text;
  TUKHOA?: Text;
  MOTA?: Text;
  MOTACOQUANTHUCHIEN?: Text;
  MOTACOQUANTHAMQUYEN?: Text;
  CAPTHUCHIEN?: { CAPTHUCHIEN?: Text; TENCAP?: Text }[];
  LINHVUCTHUCHIEN?: { MALINHVUC?: Text; TENLINHVUC?: Text }[];
  DOITUONGTHUCHIEN?: { MADOITUONG?: Text; TENDOITUONG?: Text }[];
  CACHTHUCTHUCHIEN?: {
    KENH?: Text;
    THOIGIAN?: {
      THOIGIANGIAIQUYET?: Text;
      DONVITINH?: Text;
      MOTA?: Text;
      PHILEPHI?: { MAPHILEPHI?: Text; SOTIEN?: Text; DONVI?: Text; MOTA?: Text }[];
    }[];
  }[];
  THANHPHANHOSO?: { TRUONGHOP?: Text; GIAYTO?: { TENGIAYTO?: Text; SOBANCHINH?: Text; SOBANSAO?: Text; TENMAUDON?: Text }[] }[];
  TRINHTUTHUCHIEN?: { TRUONGHOP?: Text; TRINHTU?: { TENTRINHTU?: Text }[] }[];
  KETQUATHUCHIEN?: { MAKETQUA?: Text; TENKETQUA?: Text }[];
  CANCUPHAPLY?: { SOVANBAN?: Text; TENVANBAN?: Text }[];
  COQUANTHUCHIEN?: Unit[];
  COQUANCOTHAMQUYEN?: Unit[];
}

const text = (v: Text): string | null => (v === null || v === undefined ? null : valueOrNull(String(v)));
const lines = (v: Text): string | null => (v === null || v === undefined ? null : linesOrNull(String(v)));
const names = (list: { [k: string]: Text }[] | undefined, key: string): string[] =>
  (list ?? []).map((x) => text(x[key])).filter((x): x is string => x !== null);
const count = (v: Text): number | null => (v !== null && v !== undefined && /^\d+$/.test(String(v).trim()) ? Number(v) : null);
const joined = (xs: string[], sep: string): string | null => (xs.length > 0 ? xs.join(sep) : null);

/** Maps one LayThuTuc object to the catalogue model. Throws when it has no code or no name. */
export function fromPortalJson(p: PortalProcedure): Procedure {
  const code = text(p.MATTHC) ?? text(p.MaTTHC);
  const name = text(p.TENTTHC);
  if (!code || !name) throw new Error('a LayThuTuc object needs MATTHC and TENTTHC');
  const levels = names(p.CAPTHUCHIEN, 'TENCAP');
  const implementing = names(p.COQUANTHUCHIEN, 'TENDONVI');
  const subjects = names(p.DOITUONGTHUCHIEN, 'TENDOITUONG');
  return {
    code,
    name: cleanText(name),
    field: names(p.LINHVUCTHUCHIEN, 'TENLINHVUC')[0] ?? null,
    issuingAgency: null,
    implementingAgency: joined(implementing, '; ') ?? text(p.MOTACOQUANTHUCHIEN),
    competentAgency: joined(names(p.COQUANCOTHAMQUYEN, 'TENDONVI'), '; ') ?? text(p.MOTACOQUANTHAMQUYEN),
    submissionAddress: lines(p.DIACHITIEPNHAN),
    levels,
    procedureType: text(p.LOAITTHC),
    subjects: subjects.length > 0 ? subjects : splitTopLevel(text(p.MOTADOITUONGTHUCHIEN) ?? ''),
    decisionNumber: text(p.SOQUYETDINH),
    channels: portalChannels(p),
    documents: portalDocuments(p),
    steps: (p.TRINHTUTHUCHIEN ?? []).flatMap((c) => {
      const steps = (c.TRINHTU ?? []).map((s) => lines(s.TENTRINHTU)).filter((s): s is string => s !== null);
      const label = text(c.TRUONGHOP);
      // A case's name heads its first step, so the steps of several cases stay told apart.
      return label && steps.length > 0 ? [`${label}\n${steps[0]}`, ...steps.slice(1)] : steps;
    }),
    conditions: lines(p.YEUCAU),
    legalBasis: (p.CANCUPHAPLY ?? []).flatMap((l) => {
      const title = text(l.TENVANBAN) ?? text(l.SOVANBAN);
      return title ? [{ title, code: text(l.SOVANBAN) }] : [];
    }),
    result: joined(names(p.KETQUATHUCHIEN, 'TENKETQUA'), '\n'),
    description: lines(p.MOTA),
    portalUrl: null,
    keywords: [
      ...new Set(
        (text(p.TUKHOA) ?? '')
          .split(/[,;]/)
          .map((k) => cleanText(k))
          .filter((k) => k !== ''),
      ),
    ],
    hasFullRecord: true,
    communeLevel: levels.some((l) => mentionsCommuneLevel(l)) || implementing.some((a) => mentionsCommuneLevel(a)),
  };
}

function portalChannels(p: PortalProcedure): ProcedureChannel[] {
  const labels = { 'truc-tiep': 'Trực tiếp', 'truc-tuyen': 'Trực tuyến', 'buu-chinh': 'Dịch vụ bưu chính' } as const;
  return (p.CACHTHUCTHUCHIEN ?? []).flatMap((c) => {
    const kind = channelKindOf(String(c.KENH ?? ''));
    if (!kind) return [];
    return (c.THOIGIAN?.length ? c.THOIGIAN : [{}]).map((t) => {
      const amount = text(t.THOIGIANGIAIQUYET);
      const unit = text(t.DONVITINH)?.toLowerCase() ?? 'ngày';
      const fees = (t.PHILEPHI ?? []).map((f) => {
        const money = text(f.SOTIEN);
        const what = [money && `${money} ${text(f.DONVI) ?? 'đồng'}`, text(f.MOTA)].filter(Boolean).join(' ');
        return what;
      });
      return channel(labels[kind], kind, amount ? `${amount} ${unit}` : null, joined(fees.filter(Boolean), '; '), lines(t.MOTA));
    });
  });
}

function portalDocuments(p: PortalProcedure): DocumentGroup[] {
  const groups = new Map<string, DocumentGroup['items']>();
  for (const c of p.THANHPHANHOSO ?? []) {
    const group = groupKeyOf(text(c.TRUONGHOP) ?? '') || 'nop';
    const items = groups.get(group) ?? [];
    for (const g of c.GIAYTO ?? []) {
      const name = text(g.TENGIAYTO);
      if (name) items.push({ name, originals: count(g.SOBANCHINH), copies: count(g.SOBANSAO), form: text(g.TENMAUDON) });
    }
    groups.set(group, items);
  }
  return [...groups].filter(([, items]) => items.length > 0).map(([group, items]) => ({ group, items }));
}
