import { Type } from '@sinclair/typebox';

/**
 * The annotations every site setting carries, so the admin screen can build its forms from the schema
 * alone: an English `title` and `description` (the API and logs are English), a Vietnamese `titleVi`
 * (the label the office's IT clerk sees first), the `default` a new form starts from, and `restart`
 * where a change only takes effect when the hub restarts (the form warns about those).
 *
 * `default` is an annotation, not a fill-in: validation never adds missing settings, so a file always
 * says everything the hub will do (the saved YAML writes every setting out).
 */
export interface SettingMeta {
  readonly title: string;
  readonly titleVi: string;
  readonly description: string;
  /** Absent on optional settings whose default is to be absent (an address, a device link). */
  readonly default?: unknown;
  readonly restart?: true;
  /** Replaces TypeBox's "Expected string to match '<regex>'" with words a clerk can act on. */
  readonly errorMessage?: string;
}

/**
 * A group of settings (an object) has no default of its own: its defaults are its settings' defaults,
 * so TypeBox's Value.Create builds a complete group instead of stopping at a half-filled object.
 */
export function group(title: string, titleVi: string, description: string): Omit<SettingMeta, 'default'> {
  return { title, titleVi, description };
}

export function setting(
  title: string,
  titleVi: string,
  description: string,
  defaultValue: unknown,
  extra: { restart?: true; errorMessage?: string } = {},
): SettingMeta {
  const meta = { title, titleVi, description, ...extra };
  return defaultValue === undefined ? meta : { ...meta, default: defaultValue };
}

/** Every object is closed: a misspelt key in a hand-edited file is an error, not silently dropped. */
export const closed = { additionalProperties: false } as const;

/** Ids are slugs: stable in URLs, rooms (`counter:<id>`) and the database, whatever the display name. */
export const SLUG_PATTERN = '^[a-z0-9-]{1,32}$';
export const slugSetting = (title: string, titleVi: string, description: string) =>
  Type.String({
    pattern: SLUG_PATTERN,
    ...setting(title, titleVi, description, '', { errorMessage: 'Expected an id of 1-32 characters a-z, 0-9 or -' }),
  });

/** A name shown to people: never blank. `null`: an optional text, absent by default. */
export const textSetting = (title: string, titleVi: string, description: string, defaultValue: string | null = '') =>
  Type.String({
    pattern: '\\S',
    maxLength: 200,
    ...setting(title, titleVi, description, defaultValue ?? undefined, { errorMessage: 'Expected a non-blank text' }),
  });
