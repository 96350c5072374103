import { Type, type Static } from '@sinclair/typebox';

/** What the kiosk shows of a dossier: status, dates, timeliness and the next step; never personal data. */
export const DossierStatusViewSchema = Type.Object(
  {
    code: Type.String(),
    status: Type.Integer({ minimum: 1, maximum: 10, description: 'TrangThaiHoSo' }),
    statusOfficial: Type.String(),
    statusLabel: Type.String({ description: 'Plain Vietnamese for citizens' }),
    nextStep: Type.String(),
    receivedAt: Type.Union([Type.Integer(), Type.Null()]),
    appointmentAt: Type.Union([Type.Integer(), Type.Null()]),
    timeliness: Type.Union([Type.String(), Type.Null()]),
    timelinessLabel: Type.Union([Type.String(), Type.Null()]),
    resultReady: Type.Boolean({ description: 'Offer a Nhận kết quả ticket' }),
    asOf: Type.Integer({ description: 'When this status was last known' }),
    source: Type.String(),
  },
  { additionalProperties: false },
);

export type DossierStatusView = Static<typeof DossierStatusViewSchema>;
