import { randomUUID } from 'node:crypto';
import type { Clock, IdSource } from '../core/ports.js';

export const systemClock: Clock = { now: () => Date.now() };

export const randomIds: IdSource = { next: () => randomUUID() };
