/**
 * 64 URL-safe characters: a random byte's low six bits pick one without bias, and the key pastes
 * into a screen's start address (?key=…) without escaping.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type RandomFill = (bytes: Uint8Array) => Uint8Array;

/** A new device key: 32 characters (192 bits) from the browser's cryptographic random source. */
export function newDeviceKey(fill: RandomFill = (b) => crypto.getRandomValues(b), length = 32): string {
  const bytes = fill(new Uint8Array(length));
  let key = '';
  for (const b of bytes) key += ALPHABET[b & 63];
  return key;
}
