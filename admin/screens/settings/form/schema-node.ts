/**
 * The part of JSON Schema the hub's settings schema uses (TypeBox output plus our annotations:
 * titleVi, restart, errorMessage, secret). The admin page gets it from GET /api/admin/settings/schema
 * and builds every form from it, so a new setting on the hub needs no change here.
 */
export interface SchemaNode {
  readonly type?: string;
  readonly title?: string;
  readonly titleVi?: string;
  readonly description?: string;
  readonly default?: unknown;
  readonly restart?: boolean;
  readonly errorMessage?: string;
  readonly secret?: boolean;
  readonly properties?: { readonly [key: string]: SchemaNode };
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly patternProperties?: { readonly [pattern: string]: SchemaNode };
  readonly anyOf?: readonly SchemaNode[];
  readonly const?: unknown;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
}

/** How a setting is edited. */
export type FieldKind =
  | 'group' // an object with named settings
  | 'record' // an object of free keys (device options)
  | 'rows' // a list of groups: queues, counters, officers…
  | 'weekdays' // a set of weekday numbers 0-6
  | 'list' // a list of single values
  | 'choice' // one of a few literals
  | 'text'
  | 'integer'
  | 'number'
  | 'boolean'
  | 'unknown';

export function choicesOf(node: SchemaNode): string[] | null {
  if (!node.anyOf || node.anyOf.length === 0) return null;
  const values = node.anyOf.map((n) => n.const);
  return values.every((v): v is string => typeof v === 'string') ? values : null;
}

export function fieldKind(node: SchemaNode): FieldKind {
  if (choicesOf(node)) return 'choice';
  switch (node.type) {
    case 'object':
      return node.properties ? 'group' : node.patternProperties ? 'record' : 'unknown';
    case 'array': {
      const item = node.items;
      if (!item) return 'unknown';
      if (item.type === 'object') return 'rows';
      if (item.type === 'integer' && item.minimum === 0 && item.maximum === 6 && node.uniqueItems) return 'weekdays';
      return 'list';
    }
    case 'string':
      return 'text';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'unknown';
  }
}

/** The schema of one step down: a property, an array item, or a free key of a record. */
export function childNode(node: SchemaNode | undefined, segment: string): SchemaNode | undefined {
  if (!node) return undefined;
  if (node.type === 'array') return node.items;
  if (node.properties) return node.properties[segment];
  if (node.patternProperties) return Object.values(node.patternProperties)[0];
  return undefined;
}

export function isOptional(parent: SchemaNode, key: string): boolean {
  return parent.type === 'object' && !!parent.properties && !(parent.required ?? []).includes(key);
}

/** A value to start a new setting from: its default, or a group built from its settings' defaults. */
export function initialValue(node: SchemaNode): unknown {
  if (node.default !== undefined) return structuredClone(node.default);
  const kind = fieldKind(node);
  switch (kind) {
    case 'group': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        if ((node.required ?? []).includes(key)) out[key] = initialValue(child);
      }
      return out;
    }
    case 'record':
      return {};
    case 'rows':
    case 'list':
    case 'weekdays':
      return [];
    case 'choice':
      return choicesOf(node)?.[0];
    case 'integer':
    case 'number':
      return node.minimum ?? 0;
    case 'boolean':
      return false;
    default:
      return '';
  }
}
