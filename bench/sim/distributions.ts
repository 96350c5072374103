import type { Random } from './prng.js';

/** Draws from the distributions the day is made of, each from a uniform generator. */

export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

export function bernoulli(random: Random, p: number): boolean {
  return random() < p;
}

/** Exponential with the given rate (events per unit): the gap between Poisson events. */
export function exponential(random: Random, rate: number): number {
  // 1 - u lies in (0, 1], so the logarithm is finite.
  return -Math.log(1 - random()) / rate;
}

/** Standard normal by Box–Muller (one of the pair; simple beats fast at these counts). */
export function standardNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/**
 * Log-normal with the given mean and coefficient of variation (sd / mean): service times are
 * positive and right-skewed, most short and a few very long, which is what counters see.
 */
export function logNormal(random: Random, mean: number, cv: number): number {
  const sigma2 = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigma2 / 2;
  return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(random));
}

/** Poisson count with the given mean (Knuth's method; fine for the small means used here). */
export function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** One of `items` with probability proportional to its weight. */
export function pickWeighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  if (!(total > 0)) throw new Error('pickWeighted needs a positive total weight');
  let x = random() * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  // Rounding can leave x at 0 after the last item.
  const last = items[items.length - 1];
  if (!last) throw new Error('pickWeighted needs at least one item');
  return last[0];
}
