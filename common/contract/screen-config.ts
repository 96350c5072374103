import { Type, type Static } from '@sinclair/typebox';

/**
 * What every screen needs of the site config besides the live hall: the office's names, the
 * priority classes a kiosk asks about, and how long a kiosk waits before going back home.
 */
export const ScreenConfigSchema = Type.Object(
  {
    office: Type.Object({ name: Type.String(), nameEn: Type.String(), parentAuthority: Type.String() }),
    priorityClasses: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.String() })),
    kioskIdleSeconds: Type.Integer(),
    resultQueueId: Type.Union([Type.String(), Type.Null()], { description: 'The Nhận kết quả queue, if the site has one' }),
    fieldQueues: Type.Record(Type.String(), Type.String(), {
      description: 'Catalogue field (lĩnh vực) -> the queue that takes it',
    }),
  },
  { additionalProperties: false },
);

export type ScreenConfig = Static<typeof ScreenConfigSchema>;
