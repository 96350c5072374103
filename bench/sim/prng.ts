/**
 * The simulation's only source of randomness: sfc32 (Chris Doty-Humphrey's Small Fast Counting
 * generator from PractRand, 128-bit state, passes PractRand and BigCrush), seeded through splitmix32.
 * Small, well known and the same on every machine and Node version, so a seed replays a day exactly.
 */
export type Random = () => number;

/** sfc32 over four 32-bit state words; answers uniform numbers in [0, 1). */
export function sfc32(a: number, b: number, c: number, d: number): Random {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/**
 * A generator for one seed and one stream. Each aspect of a day (arrivals, citizens, pauses) draws
 * from its own stream, so changing how many numbers one aspect uses does not shift the others: the
 * same seed keeps the same arrivals when, say, the no-show share changes.
 */
export function seededRandom(seed: number, stream = 0): Random {
  if (!Number.isInteger(seed) || !Number.isInteger(stream))
    throw new Error(`seed and stream must be integers (got ${seed}, ${stream})`);
  // splitmix32 spreads neighbouring seeds (1, 2, 3…) into unrelated state words.
  let s = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const random = sfc32(mix(), mix(), mix(), mix());
  // The reference implementation discards the first outputs so the state is well mixed.
  for (let i = 0; i < 15; i++) random();
  return random;
}
