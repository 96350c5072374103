import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHIME_CLIP, CLIP_LIST, clipsNeeded, isClipName, type ClipManifest } from '../../common/text/announcement-clips.js';
import type { ReadNumberOptions } from '../../common/text/read-number.js';

/** Formats in order of preference when a clip exists in several (smallest first). */
export const CLIP_FORMATS = { mp3: 'audio/mpeg', ogg: 'audio/ogg', wav: 'audio/wav' } as const;
export type ClipFormat = keyof typeof CLIP_FORMATS;

/** A clip file's name as the hub serves it: a bank name and a known extension, nothing else. */
export const CLIP_FILE_PATTERN = '^[a-z]+(-[a-z]+)*\\.(mp3|ogg|wav)$';
const CLIP_FILE = new RegExp(CLIP_FILE_PATTERN);

export interface ClipFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly contentType: string;
}

/**
 * A clip of the bank in the office's folder, by its file name; null for any other name or a file
 * that is not there. Only names of CLIP_LIST and the chime, with a known extension, ever reach the
 * file system: no path separators, no dots but the extension's.
 */
export function clipFile(dir: string, fileName: string): ClipFile | null {
  if (!CLIP_FILE.test(fileName)) return null;
  const dot = fileName.lastIndexOf('.');
  const name = fileName.slice(0, dot);
  const ext = fileName.slice(dot + 1) as ClipFormat;
  if (!isClipName(name)) return null;
  const path = join(dir, fileName);
  try {
    const st = statSync(path);
    if (!st.isFile()) return null;
    return { path, size: st.size, mtimeMs: st.mtimeMs, contentType: CLIP_FORMATS[ext] };
  } catch {
    return null;
  }
}

/**
 * What the office's folder holds of the bank, as TVs fetch it: each clip's URL carries its file's
 * time and size, so a re-recorded clip gets a new URL and no TV keeps playing the old one from cache.
 */
export function clipManifest(dir: string, reading: ReadNumberOptions): ClipManifest {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no folder: nothing recorded yet
  }
  const found = new Map<string, { url: string; rank: number }>();
  const formats = Object.keys(CLIP_FORMATS);
  for (const fileName of names) {
    const file = clipFile(dir, fileName);
    if (!file) continue;
    const dot = fileName.lastIndexOf('.');
    const name = fileName.slice(0, dot);
    const rank = formats.indexOf(fileName.slice(dot + 1));
    const prior = found.get(name);
    if (prior && prior.rank <= rank) continue;
    const version = `${Math.round(file.mtimeMs).toString(36)}-${file.size.toString(36)}`;
    found.set(name, { url: `/voice/clips/${fileName}?v=${version}`, rank });
  }
  const needed = new Set(clipsNeeded(reading).map((c) => c.name));
  return {
    clips: CLIP_LIST.filter((c) => found.has(c.name)).map((c) => ({
      name: c.name,
      url: (found.get(c.name) as { url: string }).url,
    })),
    chime: found.get(CHIME_CLIP)?.url ?? null,
    missing: CLIP_LIST.filter((c) => needed.has(c.name) && !found.has(c.name)).map((c) => c.name),
    notNeeded: CLIP_LIST.filter((c) => !needed.has(c.name)).map((c) => c.name),
  };
}
