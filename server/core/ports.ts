/**
 * What the core needs from the outside world, and nothing more. The core itself does no I/O: the
 * services give it the time and fresh ids through these, and tests give it fixed ones.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface IdSource {
  /** A fresh identifier, unique across the life of the database. */
  next(): string;
}
