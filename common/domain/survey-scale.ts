/**
 * Rating scales as data (DESIGN.md section 5). The per-dossier scale at the desk has three levels; a
 * site may switch to the five-level questionnaire scale and add criteria. A scale applies from its
 * effective date, and every rating records the scale it was given on, so a report never mixes a
 * three-level "Hài lòng" with a five-level one.
 */
export type SurveyIcon = 'very-happy' | 'happy' | 'neutral' | 'unhappy' | 'very-unhappy';

export interface SurveyLevel {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  /** Counts towards the satisfaction rate (QĐ 766: satisfied and very satisfied). */
  readonly satisfied: boolean;
  /** After this answer the terminal may ask one reason from the site's short list. */
  readonly askReason: boolean;
  readonly icon: SurveyIcon;
}

export interface SurveyCriterion {
  readonly id: string;
  /** The question as the citizen reads it. */
  readonly question: string;
  readonly questionEn: string;
}

export interface SurveyScale {
  readonly id: string;
  readonly name: string;
  /** "YYYY-MM-DD": the first service day the scale applies to. */
  readonly effectiveFrom: string;
  /** Best first, as the buttons are laid out. */
  readonly levels: readonly SurveyLevel[];
  /** At least one; the first is the overall question, the one a button pad answers. */
  readonly criteria: readonly SurveyCriterion[];
}

export interface SurveyReason {
  readonly id: string;
  readonly text: string;
  readonly textEn: string;
}

const L = {
  veryHappy: {
    id: 'rat-hai-long',
    name: 'Rất hài lòng',
    nameEn: 'Very satisfied',
    satisfied: true,
    askReason: false,
    icon: 'very-happy',
  },
  happy: { id: 'hai-long', name: 'Hài lòng', nameEn: 'Satisfied', satisfied: true, askReason: false, icon: 'happy' },
  neutral: { id: 'binh-thuong', name: 'Bình thường', nameEn: 'Neutral', satisfied: false, askReason: false, icon: 'neutral' },
  unhappy: {
    id: 'khong-hai-long',
    name: 'Không hài lòng',
    nameEn: 'Not satisfied',
    satisfied: false,
    askReason: true,
    icon: 'unhappy',
  },
  veryUnhappy: {
    id: 'rat-khong-hai-long',
    name: 'Rất không hài lòng',
    nameEn: 'Very dissatisfied',
    satisfied: false,
    askReason: true,
    icon: 'very-unhappy',
  },
} as const satisfies Record<string, SurveyLevel>;

export const OVERALL_QUESTION: SurveyCriterion = {
  id: 'giai-quyet-tthc',
  question: 'Ông/Bà đánh giá thế nào về việc giải quyết thủ tục hôm nay?',
  questionEn: 'How do you rate the handling of your procedure today?',
};

/** The per-dossier scale at the desk: the default. */
export const THREE_LEVEL_SCALE: SurveyScale = {
  id: 'theo-ho-so-3-muc',
  name: 'Đánh giá theo hồ sơ (3 mức)',
  effectiveFrom: '2018-01-01',
  levels: [L.veryHappy, L.happy, L.unhappy],
  criteria: [OVERALL_QUESTION],
};

/** The questionnaire scale with its usual criteria, for a site that switches to it. */
export const FIVE_LEVEL_SCALE: SurveyScale = {
  id: 'phieu-khao-sat-5-muc',
  name: 'Phiếu khảo sát (5 mức)',
  effectiveFrom: '2026-01-01',
  levels: [L.veryHappy, L.happy, L.neutral, L.unhappy, L.veryUnhappy],
  criteria: [
    { id: 'tong-the', question: 'Đánh giá tổng thể dịch vụ', questionEn: 'Overall service' },
    { id: 'thuan-tien', question: 'Mức độ thuận tiện', questionEn: 'Convenience' },
    { id: 'thai-do', question: 'Thái độ của cán bộ', questionEn: "The officer's manner" },
  ],
};

export const DEFAULT_REASONS: readonly SurveyReason[] = [
  { id: 'cho-lau', text: 'Thời gian chờ lâu', textEn: 'Long wait' },
  { id: 'thai-do', text: 'Thái độ', textEn: 'Manner' },
  { id: 'huong-dan', text: 'Hướng dẫn chưa rõ', textEn: 'Unclear guidance' },
  { id: 'ho-so-phuc-tap', text: 'Hồ sơ phức tạp', textEn: 'Complicated paperwork' },
];

/** The scale in force on a service day: the latest whose effective date has come; null before any. */
export function scaleOn(scales: readonly SurveyScale[], day: string): SurveyScale | null {
  let best: SurveyScale | null = null;
  for (const s of scales) if (s.effectiveFrom <= day && (!best || s.effectiveFrom >= best.effectiveFrom)) best = s;
  return best;
}

/** Why a set of answers does not fit a scale, or null when it does. */
export function answersProblem(scale: SurveyScale, answers: Readonly<Record<string, string>>): string | null {
  const keys = Object.keys(answers);
  if (keys.length === 0) return 'no answer';
  const overall = scale.criteria[0];
  if (!overall || !(overall.id in answers)) return `the overall question ${overall?.id ?? ''} is not answered`;
  for (const k of keys) {
    if (!scale.criteria.some((c) => c.id === k)) return `unknown criterion ${k}`;
    if (!scale.levels.some((l) => l.id === answers[k])) return `level ${String(answers[k])} is not on the scale`;
  }
  return null;
}
