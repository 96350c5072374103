import { Type, type Static } from '@sinclair/typebox';

/** What the console gets back when a dossier is received: enough to print and tell the citizen. */
export const DossierReceivedSchema = Type.Object(
  {
    dossier: Type.Object(
      {
        code: Type.String({ description: 'The dossier code, e.g. 000.00.31.H38-261123-0001' }),
        receivedAt: Type.Integer(),
        appointmentAt: Type.Integer({ description: 'When the result is due (epoch ms)' }),
        workingDays: Type.Number(),
        secret: Type.String({ description: 'Mã tra cứu printed on the receipt' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type DossierReceivedView = Static<typeof DossierReceivedSchema>;
