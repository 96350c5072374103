import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The ticket's typeface: Be Vietnam Pro, designed in Vietnam for Vietnamese, so stacked marks
 * ("Ầ", "Ỹ", "Ặ") sit clear of each other at the small sizes a 203-dpi head prints. The TTF files
 * come from the @expo-google-fonts/be-vietnam-pro npm package (OFL): TrueType is the format Skia
 * loads everywhere, and resolving through the package finds the files from both the TypeScript
 * sources and the compiled dist/ without copying assets around.
 */
export interface TicketFonts {
  /** Body text. Medium rather than Regular: thin strokes fade on a warm or worn print head. */
  readonly body: string;
  readonly bold: string;
  /** The big number. */
  readonly heavy: string;
}

const FILES = {
  body: '500Medium/BeVietnamPro_500Medium.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  heavy: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
} as const;

/**
 * Register the faces under names of our own, so nothing else registered in the process (a system
 * font of the same family, another screen's fonts) can be picked instead. Skia's registry is
 * process-wide; registering is skipped when the name is already there, so calling this per render
 * costs nothing.
 */
export function loadTicketFonts(): TicketFonts {
  const require = createRequire(import.meta.url);
  const families = { body: 'MotcuaTicket Body', bold: 'MotcuaTicket Bold', heavy: 'MotcuaTicket Heavy' };
  for (const key of Object.keys(FILES) as (keyof typeof FILES)[]) {
    const family = families[key];
    if (GlobalFonts.has(family)) continue;
    const path = require.resolve(`@expo-google-fonts/be-vietnam-pro/${FILES[key]}`);
    GlobalFonts.registerFromPath(path, family);
    if (!GlobalFonts.has(family)) throw new Error(`Could not load the ticket font ${path}`);
  }
  return families;
}
