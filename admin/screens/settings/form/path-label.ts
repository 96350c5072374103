import { childNode, type SchemaNode } from './schema-node.js';
import { segmentsOf } from './json-pointer.js';

export const PLACE_SEPARATOR = ' › ';

/**
 * Where in the settings a JSON pointer points, in words an office clerk reads: "/counters/3/number"
 * becomes "Quầy › dòng 4 › Số quầy". Each setting by its Vietnamese title, each list item by its
 * row number counted from 1, a free key (a device option) as written.
 */
export function placeOf(root: SchemaNode, pointer: string): string {
  const segments = segmentsOf(pointer);
  if (segments.length === 0) return 'Toàn bộ cấu hình';
  const words: string[] = [];
  let node: SchemaNode | undefined = root;
  for (const seg of segments) {
    if (node?.type === 'array' && /^\d+$/.test(seg)) words.push(`dòng ${Number(seg) + 1}`);
    else if (node?.properties?.[seg]) words.push(node.properties[seg].titleVi ?? node.properties[seg].title ?? seg);
    else words.push(seg);
    node = childNode(node, seg);
  }
  return words.join(PLACE_SEPARATOR);
}
