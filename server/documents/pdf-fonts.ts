import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The receipt's typeface on paper: Be Vietnam Pro, the same family as the ticket (see
 * devices/render/fonts.ts), embedded (subset) in every PDF so the receipt prints the same on any
 * office PC, whatever fonts it has. Regular rather than the ticket's Medium: a laser printer does
 * not fade thin strokes the way a worn thermal head does.
 */
export interface PdfFonts {
  readonly regular: Buffer;
  readonly bold: Buffer;
  readonly italic: Buffer;
}

const FILES: Record<keyof PdfFonts, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
};

/** Reads the TTF files; a service printing many receipts loads them once and passes them in. */
export function loadPdfFonts(): PdfFonts {
  const require = createRequire(import.meta.url);
  const read = (key: keyof PdfFonts): Buffer => readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${FILES[key]}`));
  return { regular: read('regular'), bold: read('bold'), italic: read('italic') };
}
