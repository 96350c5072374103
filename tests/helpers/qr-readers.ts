import { spawnSync } from 'node:child_process';
import jsQRModule from 'jsqr';

/**
 * Two independent QR readers for printed images: jsQR (pure JavaScript) and zbarimg (ZBar, C), so a
 * symbol both read back is one a phone will read too. Neither shares code with the `qrcode` encoder.
 */

// jsqr is a UMD bundle whose module.exports is the function itself, while its types declare an ES
// default export; under NodeNext the default import is module.exports at run time. Take whichever
// is the function.
type JsQr = typeof jsQRModule.default;
const jsQR: JsQr =
  typeof jsQRModule === 'function' ? (jsQRModule as unknown as JsQr) : (jsQRModule as unknown as { default: JsQr }).default;

export function readQrWithJsQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

/**
 * zbarimg on a PNG file: the decoded text of every symbol found, one per line. A missing zbarimg is
 * a failure with the fix in one line, never a skipped test: a skip would let a broken QR through.
 */
export function readCodesWithZbar(pngPath: string): string[] {
  const r = spawnSync('zbarimg', ['--raw', '-q', pngPath], { encoding: 'utf8' });
  if (r.error !== undefined && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('zbarimg is not installed: apt-get install zbar-tools');
  }
  if (r.error !== undefined) throw r.error;
  // Exit 4: ran fine, found no symbol.
  if (r.status === 4) return [];
  if (r.status !== 0) throw new Error(`zbarimg failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout.split('\n').filter((line) => line !== '');
}
