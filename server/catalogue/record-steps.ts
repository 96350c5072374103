import { linesOrNull } from './text-values.js';

const ITEM = /^(\d+)\.\s+/;
const STEP_MARK = /^[-+*]?\s*\**\s*Bước\s*\d+/iu;

/**
 * `## Trình tự thực hiện`: a numbered list, each item going on over indented lines. Most records put
 * every step into one item ("1. Bước 1: … Bước 2: …"); an item holding two or more "Bước N" lines
 * is split there, so a kiosk can show the steps one by one. A section with no list (the fallback
 * records) is one step.
 */
export function readSteps(lines: readonly string[]): string[] {
  const items: string[][] = [];
  let current: string[] | null = null;
  const loose: string[] = [];
  for (const line of lines) {
    const m = ITEM.exec(line);
    if (m) {
      current = [line.slice(m[0].length)];
      items.push(current);
    } else if (current) current.push(line);
    else loose.push(line);
  }
  const texts = items.length > 0 ? items.flatMap(splitAtSteps) : [loose.join('\n')];
  return texts.map((t) => linesOrNull(t)).filter((t): t is string => t !== null);
}

function splitAtSteps(item: readonly string[]): string[] {
  const marks = item.map((l, i) => (STEP_MARK.test(l.trim()) ? i : -1)).filter((i) => i >= 0);
  if (marks.length < 2) return [item.join('\n')];
  const out: string[] = [];
  const cuts = marks[0] === 0 ? marks : [0, ...marks];
  cuts.forEach((from, k) => out.push(item.slice(from, cuts[k + 1] ?? item.length).join('\n')));
  return out;
}
