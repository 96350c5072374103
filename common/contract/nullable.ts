import { Type, type TSchema } from '@sinclair/typebox';

/** A schema that also accepts null: how the wire says "no value" (never an absent key). */
export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
