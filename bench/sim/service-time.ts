import type { QueueDef } from '../../common/domain/queue.js';
import { logNormal } from './distributions.js';
import type { Random } from './prng.js';

/**
 * How long a citizen takes at the desk, once there: log-normal around the queue's configured default
 * service time (the figure the office itself gave), with the same spread for every queue.
 */
export interface ServiceModel {
  /** Coefficient of variation: 0.6 means most services within about half to twice the mean. */
  readonly cv: number;
  /** Nobody is served in under this: taking the papers and looking at them takes a minute. */
  readonly minSec: number;
}

export const DEFAULT_SERVICE_MODEL: ServiceModel = { cv: 0.6, minSec: 60 };

export function drawServiceSec(random: Random, queue: QueueDef, model: ServiceModel): number {
  const meanSec = queue.defaultServiceMinutes * 60;
  return Math.max(model.minSec, Math.round(logNormal(random, meanSec, model.cv)));
}
