import bwipjs from 'bwip-js';

/**
 * The dossier code as Code 128, as a row of modules (true = bar). bwip-js (Barcode Writer in Pure
 * PostScript) picks the code sets and the check character; drawing is ours, so each renderer can
 * make every module a whole number of dots or an exact width in points.
 */
export interface Code128 {
  readonly text: string;
  /** Modules left to right, without the quiet zone. */
  readonly modules: readonly boolean[];
}

/** ISO/IEC 15417 asks for at least 10 modules of white on each side. */
export const CODE128_QUIET_MODULES = 10;

export function code128(text: string): Code128 {
  if (!/^[\x20-\x7e]{1,80}$/.test(text))
    throw new RangeError(`Code 128 here takes 1-80 printable ASCII characters, got ${JSON.stringify(text)}`);
  const [symbol] = bwipjs.raw({ bcid: 'code128', text });
  if (symbol === undefined || !('sbs' in symbol)) throw new Error('bwip-js returned no Code 128 symbol');
  const modules: boolean[] = [];
  // sbs: widths in modules, alternating bar and space, starting with a bar.
  symbol.sbs.forEach((w, i) => {
    for (let k = 0; k < w; k++) modules.push(i % 2 === 0);
  });
  return { text, modules };
}

/** Runs of bars as [start module, width in modules], for drawing one rectangle per bar. */
export function barRuns(symbol: Code128): [number, number][] {
  const runs: [number, number][] = [];
  symbol.modules.forEach((bar, i) => {
    if (!bar) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[0] + last[1] === i) last[1]++;
    else runs.push([i, 1]);
  });
  return runs;
}
