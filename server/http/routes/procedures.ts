import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { FieldCountSchema, ProcedureSchema, ProcedureSummarySchema } from '../../../common/catalogue/procedure-schema.js';
import { MAX_QUERY_CHARS, truncateQuery } from '../../../common/search/procedure-search.js';
import type { AuthService } from '../../services/auth-service.js';
import type { CatalogueService } from '../../services/catalogue-service.js';
import { responses } from '../envelope-schemas.js';
import { sendError } from '../error-envelope.js';
import { principalOf } from '../principal-of-request.js';

export const MAX_RESULTS = 50;
const DEFAULT_RESULTS = 20;

// The hub's ajv coerces nothing, so numbers and booleans in a query string are strings with a pattern.
const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ description: `Words or a code; cut to ${MAX_QUERY_CHARS} characters after trimming` })),
    field: Type.Optional(
      Type.String({ maxLength: 200, description: 'Only this field (lĩnh vực), as /api/procedures/fields lists it' }),
    ),
    commune: Type.Optional(Type.String({ pattern: '^(true|false|1|0)$', description: 'Only commune-level procedures' })),
    limit: Type.Optional(
      Type.String({
        pattern: '^[0-9]{1,4}$',
        description: `1 to ${MAX_RESULTS} (more is read as ${MAX_RESULTS}); ${DEFAULT_RESULTS} by default`,
      }),
    ),
  },
  { additionalProperties: false },
);

const SearchResult = Type.Object({
  query: Type.String({ description: 'The query as searched (trimmed, cut to length)' }),
  truncated: Type.Boolean(),
  items: Type.Array(ProcedureSummarySchema),
});

/** The procedure catalogue: readable by every signed-in officer and every screen (the kiosk looks procedures up). */
export function registerProcedureRoutes(app: FastifyInstance, deps: { auth: AuthService; catalogue: CatalogueService }): void {
  const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { deviceKey: [] }];

  app.get(
    '/api/procedures/search',
    {
      schema: {
        summary: 'Search procedures by words (with or without diacritics) or code',
        tags: ['procedures'],
        querystring: SearchQuery,
        response: responses(SearchResult),
        security,
      },
    },
    async (request, reply) => {
      if (!principalOf(request, deps.auth)) return sendError(reply, 'UNAUTHENTICATED');
      const q = request.query as { q?: string; field?: string; commune?: string; limit?: string };
      // Longer queries are cut, not refused: a kiosk's scanner or a stuck key can send anything.
      const trimmed = (q.q ?? '').trim();
      const query = truncateQuery(trimmed);
      const limit = q.limit === undefined ? DEFAULT_RESULTS : Math.max(1, Math.min(MAX_RESULTS, Number(q.limit)));
      const items = deps.catalogue.search(query, {
        field: q.field?.trim() || null,
        communeOnly: q.commune === 'true' || q.commune === '1',
        limit,
      });
      return { ok: true, data: { query, truncated: trimmed.length > MAX_QUERY_CHARS, items } };
    },
  );

  app.get(
    '/api/procedures/fields',
    {
      schema: {
        summary: 'Fields (lĩnh vực) of the catalogue with their procedure counts',
        tags: ['procedures'],
        response: responses(Type.Array(FieldCountSchema)),
        security,
      },
    },
    async (request, reply) => {
      if (!principalOf(request, deps.auth)) return sendError(reply, 'UNAUTHENTICATED');
      return { ok: true, data: deps.catalogue.fields() };
    },
  );

  app.get(
    '/api/procedures/:code',
    {
      schema: {
        summary: 'A procedure in full: documents, channels with time and fees, steps, legal basis',
        tags: ['procedures'],
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: responses(ProcedureSchema),
        security,
      },
    },
    async (request, reply) => {
      if (!principalOf(request, deps.auth)) return sendError(reply, 'UNAUTHENTICATED');
      const procedure = deps.catalogue.get((request.params as { code: string }).code);
      if (!procedure) return sendError(reply, 'NOT_FOUND');
      return { ok: true, data: procedure };
    },
  );
}
