/**
 * A seeded random source (mulberry32) for tests and benchmarks that must replay: a run prints or
 * fixes its seed, and the same seed makes the same choices (kill moments, queues, ratings, faults).
 * Small and fast; the wait-time simulation has its own stronger generator (bench/sim/prng.ts).
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A whole number in [min, max], drawn from `random`. */
export function between(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}
