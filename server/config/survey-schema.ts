import { Type, type Static } from '@sinclair/typebox';
import { DEFAULT_REASONS, OVERALL_QUESTION, THREE_LEVEL_SCALE } from '../../common/domain/survey-scale.js';
import { closed, group, setting, SLUG_PATTERN } from './schema-meta.js';

const slug = (title: string, titleVi: string) =>
  Type.String({ pattern: SLUG_PATTERN, ...setting(title, titleVi, 'An id of 1-32 characters a-z, 0-9 or -.', '') });
const words = (title: string, titleVi: string, description: string, defaultValue = '') =>
  Type.String({ pattern: '\\S', maxLength: 200, ...setting(title, titleVi, description, defaultValue) });

const LevelSchema = Type.Object(
  {
    id: slug('Id', 'Mã'),
    name: words('Name', 'Tên mức', 'As on the button, e.g. Rất hài lòng.'),
    nameEn: words('Name in English', 'Tên (tiếng Anh)', 'As on the button in English.'),
    satisfied: Type.Boolean(setting('Counts as satisfied', 'Tính là hài lòng', 'Counted in the satisfaction rate.', false)),
    askReason: Type.Boolean(setting('Ask a reason', 'Hỏi lý do', 'After this answer, ask one reason.', false)),
    icon: Type.Union(
      [
        Type.Literal('very-happy'),
        Type.Literal('happy'),
        Type.Literal('neutral'),
        Type.Literal('unhappy'),
        Type.Literal('very-unhappy'),
      ],
      setting('Icon', 'Biểu tượng', 'The face shown beside the words.', 'happy'),
    ),
  },
  { ...closed, ...group('Level', 'Mức đánh giá', 'One answer of a scale.') },
);

const ScaleSchema = Type.Object(
  {
    id: slug('Id', 'Mã'),
    name: words('Name', 'Tên thang', 'Shown in reports.'),
    effectiveFrom: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      ...setting('Effective from', 'Áp dụng từ ngày', 'The first service day (YYYY-MM-DD) the scale applies to.', '2018-01-01', {
        errorMessage: 'Expected a date like 2026-01-01',
      }),
    }),
    levels: Type.Array(LevelSchema, {
      minItems: 2,
      maxItems: 5,
      ...setting('Levels', 'Các mức', 'Best first.', THREE_LEVEL_SCALE.levels),
    }),
    criteria: Type.Array(
      Type.Object(
        {
          id: slug('Id', 'Mã'),
          question: words('Question', 'Câu hỏi', 'As the citizen reads it.', OVERALL_QUESTION.question),
          questionEn: words('Question in English', 'Câu hỏi (tiếng Anh)', 'For the English switch.', OVERALL_QUESTION.questionEn),
        },
        closed,
      ),
      {
        minItems: 1,
        maxItems: 6,
        ...setting('Criteria', 'Tiêu chí', 'The first is the overall question a button pad answers.', [OVERALL_QUESTION]),
      },
    ),
  },
  { ...closed, ...group('Rating scale', 'Thang đánh giá', 'A scale and the date it applies from.') },
);

/**
 * How citizens rate the service (DESIGN.md section 5): the window after a service, the scales with
 * their effective dates, the reasons offered after a poor rating. Optional as a whole: a site file
 * written before it existed rates on the three-level scale with a 60-second window.
 */
export const SurveySchema = Type.Object(
  {
    windowSeconds: Type.Integer({
      minimum: 15,
      maximum: 600,
      ...setting(
        'Rating window',
        'Thời gian chờ đánh giá (giây)',
        'How long after a service the citizen may rate it; after that it counts as not rated.',
        60,
      ),
    }),
    scales: Type.Array(ScaleSchema, {
      minItems: 1,
      ...setting('Scales', 'Thang đánh giá', 'Each applies from its date until a later one does.', [THREE_LEVEL_SCALE]),
    }),
    reasons: Type.Array(
      Type.Object(
        {
          id: slug('Id', 'Mã'),
          text: words('Text', 'Nội dung', 'As on the button.', 'Khác'),
          textEn: words('Text in English', 'Nội dung (tiếng Anh)', 'For the English switch.', 'Other'),
        },
        closed,
      ),
      {
        maxItems: 8,
        ...setting('Reasons', 'Lý do chưa hài lòng', 'Offered after a poor rating; empty: none asked.', DEFAULT_REASONS),
      },
    ),
  },
  { ...closed, ...group('Service rating', 'Đánh giá mức độ hài lòng', 'How citizens rate the service at the counter.') },
);

export type SurveySetting = Static<typeof SurveySchema>;

export const DEFAULT_SURVEY: SurveySetting = {
  windowSeconds: 60,
  scales: [THREE_LEVEL_SCALE as SurveySetting['scales'][number]],
  reasons: [...DEFAULT_REASONS],
};
