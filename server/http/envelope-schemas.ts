import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorEnvelope = Type.Object(
  {
    ok: Type.Literal(false),
    error: Type.Object({
      code: Type.String(),
      message: Type.String({ description: 'English, for logs and API clients' }),
      messageKey: Type.String({ description: 'Key of the Vietnamese text a screen shows' }),
      details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  },
  { $id: 'ErrorEnvelope' },
);

export const okEnvelope = <T extends TSchema>(data: T) => Type.Object({ ok: Type.Literal(true), data });

/** Response schemas for a route: its success shape, and the error envelope for every refusal. */
export function responses<T extends TSchema>(data: T) {
  const error = Type.Ref('ErrorEnvelope');
  return {
    200: okEnvelope(data),
    400: error,
    401: error,
    403: error,
    404: error,
    409: error,
    429: error,
    500: error,
    503: error,
  };
}
