import type { JsonSchema } from './fuzz-schema-arbitrary.js';

export interface FuzzParam {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly required: boolean;
}

/** One route as the hub's own OpenAPI document describes it, ready to be fuzzed. */
export interface FuzzRoute {
  /** "POST /api/tickets/{ticketId}/cancel": the form the allowed-changes table uses. */
  readonly key: string;
  readonly method: string;
  /** OpenAPI form, with {name} for each path parameter. */
  readonly path: string;
  readonly pathParams: readonly FuzzParam[];
  readonly query: readonly FuzzParam[];
  readonly body: JsonSchema | null;
  /** A 200 documented as `{ok: true, data}` JSON; otherwise the route sends a file, a PDF, audio. */
  readonly successEnvelope: boolean;
}

export interface OpenApiDoc {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components?: { readonly schemas?: Record<string, JsonSchema> };
}

interface OpenApiOperation {
  readonly parameters?: readonly { in: string; name: string; required?: boolean; schema?: JsonSchema }[];
  readonly requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  readonly responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

/**
 * POST routes that take no body on purpose (the action is the path and the caller): nothing to
 * generate, so their fuzz sends random bodies that must change nothing beyond the action itself.
 * A route listed here that gains a body schema, or disappears, fails the coverage check too.
 */
export const BODYLESS: Readonly<Record<string, string>> = {
  'POST /api/auth/logout': 'the bearer token is the whole input',
  'POST /api/officers/{officerId}/revoke-sessions': 'the officer is in the path',
  'POST /api/admin/officers/{id}/password': 'the officer is in the path; the hub makes the password',
  'POST /api/admin/backups': 'the action is the whole request',
};

/**
 * Routes whose body is a file (any content type, parsed by the route), so no JSON schema can
 * describe it: the fuzz sends them text, CSV, JSON and garbage under several content types.
 */
export const FILE_BODY: Readonly<Record<string, string>> = {
  'POST /api/admin/catalogue/preview': 'a CSV, XLSX or JSON catalogue file',
};

const WITH_BODY = new Set(['post', 'put', 'patch']);

export async function fetchOpenApi(url: string): Promise<OpenApiDoc> {
  const res = await fetch(`${url}/docs/json`);
  if (!res.ok) throw new Error(`GET /docs/json answered ${res.status}`);
  return (await res.json()) as OpenApiDoc;
}

export function routesOf(doc: OpenApiDoc): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      const params = op.parameters ?? [];
      const toParam = (p: (typeof params)[number]) => ({ name: p.name, schema: p.schema ?? {}, required: p.required === true });
      const ok = op.responses?.['200']?.content?.['application/json']?.schema;
      routes.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map(toParam),
        query: params.filter((p) => p.in === 'query').map(toParam),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        successEnvelope: ok !== undefined,
      });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * What a route under /api/ leaves unchecked: a path parameter without a schema, a POST/PUT/PATCH
 * without a body schema (unless it is one of the BODYLESS actions). Query strings cannot be judged
 * from outside (a route without one ignores it), so the fuzz sends random ones to every route.
 */
export function schemaGaps(routes: readonly FuzzRoute[]): string[] {
  const gaps: string[] = [];
  for (const r of routes.filter((x) => x.path.startsWith('/api/'))) {
    for (const name of [...r.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!)) {
      const p = r.pathParams.find((x) => x.name === name);
      if (!p || Object.keys(p.schema).length === 0) gaps.push(`${r.key}: path parameter ${name} has no schema`);
    }
    const exempt = r.key in BODYLESS || r.key in FILE_BODY;
    if (WITH_BODY.has(r.method.toLowerCase()) && !r.body && !exempt) gaps.push(`${r.key}: no body schema`);
    if (exempt && r.body) gaps.push(`${r.key}: has a body schema now; take it off BODYLESS / FILE_BODY`);
  }
  for (const key of [...Object.keys(BODYLESS), ...Object.keys(FILE_BODY)]) {
    if (!routes.some((r) => r.key === key)) gaps.push(`${key}: listed as BODYLESS or FILE_BODY but no longer in /docs/json`);
  }
  return gaps;
}

/** Resolves "#/components/schemas/def-0" within the document. */
export function refResolver(doc: OpenApiDoc): (ref: string) => JsonSchema | undefined {
  return (ref) => {
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    return m ? doc.components?.schemas?.[m[1]!] : undefined;
  };
}
