import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from './nullable.js';

/** The shapes of rating scales and ratings on the wire (common/domain/survey-scale.ts has the rules). */
export const SurveyLevelSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    satisfied: Type.Boolean(),
    askReason: Type.Boolean(),
    icon: Type.Union([
      Type.Literal('very-happy'),
      Type.Literal('happy'),
      Type.Literal('neutral'),
      Type.Literal('unhappy'),
      Type.Literal('very-unhappy'),
    ]),
  },
  { additionalProperties: false },
);

export const SurveyScaleSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    effectiveFrom: Type.String(),
    levels: Type.Array(SurveyLevelSchema),
    criteria: Type.Array(Type.Object({ id: Type.String(), question: Type.String(), questionEn: Type.String() })),
  },
  { additionalProperties: false },
);

/** What a survey terminal needs of the site config. */
export const SurveySettingsViewSchema = Type.Object(
  {
    windowSeconds: Type.Integer(),
    scales: Type.Array(SurveyScaleSchema),
    reasons: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), textEn: Type.String() })),
  },
  { additionalProperties: false },
);

/** A citizen's chance to rate a ticket just served: open until rated or until the window closes. */
export const SurveyChanceViewSchema = Type.Object(
  {
    ticketId: Type.String(),
    number: Type.String(),
    counterId: Type.String(),
    officerId: Nullable(Type.String()),
    finishedAt: Type.Integer(),
    expiresAt: Type.Integer(),
    scaleId: Type.String(),
  },
  { $id: 'SurveyChanceView', additionalProperties: false },
);

export const RatingViewSchema = Type.Object(
  {
    ticketId: Type.String(),
    counterId: Type.String(),
    officerId: Nullable(Type.String()),
    scaleId: Type.String(),
    /** Criterion id -> level id; the scale's first criterion is always answered. */
    answers: Type.Record(Type.String(), Type.String()),
    reasonId: Nullable(Type.String()),
    at: Type.Integer(),
  },
  { additionalProperties: false },
);

export const RateResultSchema = Type.Object({ rating: RatingViewSchema }, { additionalProperties: false });

export type SurveySettingsView = Static<typeof SurveySettingsViewSchema>;
export type SurveyChanceView = Static<typeof SurveyChanceViewSchema>;
export type RatingView = Static<typeof RatingViewSchema>;
