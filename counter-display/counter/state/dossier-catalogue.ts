import { useEffect, useRef, useState } from 'preact/hooks';
import type { Procedure, ProcedureSummary } from '../../../common/catalogue/procedure-schema.js';
import type { ErrorCode } from '../../../common/contract/errors.js';
import { hubRequest } from './hub-api.js';

/** Results shown under the search box: enough to pick from, few enough to see at 1366x768. */
export const SEARCH_LIMIT = 8;
const SEARCH_DELAY_MS = 250;
const MIN_QUERY = 2;

/** The search request for what the officer typed, or null while it is too short to search. */
export function searchPath(query: string): string | null {
  const q = query.trim();
  if (q.length < MIN_QUERY) return null;
  return `/api/procedures/search?q=${encodeURIComponent(q.slice(0, 200))}&limit=${SEARCH_LIMIT}`;
}

export interface SearchState {
  /** The query these items answer (a slower earlier answer never replaces a later one). */
  readonly query: string;
  readonly items: readonly ProcedureSummary[];
  readonly pending: boolean;
  readonly failed: boolean;
}

/** The catalogue searched as the officer types, once they pause (debounced), the latest query winning. */
export function useProcedureSearch(token: string, query: string): SearchState {
  const [state, setState] = useState<SearchState>({ query: '', items: [], pending: false, failed: false });
  useEffect(() => {
    const path = searchPath(query);
    if (!path) return setState({ query, items: [], pending: false, failed: false });
    setState((s) => ({ ...s, pending: true }));
    let live = true;
    const timer = setTimeout(() => {
      void hubRequest<{ items: ProcedureSummary[] }>('GET', path, token).then((ack) => {
        if (!live) return;
        setState({ query, items: ack.ok ? ack.data.items : [], pending: false, failed: !ack.ok });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [token, query]);
  return state;
}

export type ProcedureLoad =
  | { readonly status: 'none' }
  | { readonly status: 'loading'; readonly code: string }
  | { readonly status: 'ok'; readonly procedure: Procedure }
  | { readonly status: 'failed'; readonly code: string; readonly error: ErrorCode };

/**
 * The chosen procedure in full (documents, channels), kept once fetched: going back and forth
 * between two procedures asks the hub once each. `attempt` moves to try a failed one again.
 */
export function useProcedureRecord(token: string, code: string | null, attempt: number): ProcedureLoad {
  const cache = useRef(new Map<string, Procedure>());
  const [load, setLoad] = useState<ProcedureLoad>({ status: 'none' });
  useEffect(() => {
    if (!code) return setLoad({ status: 'none' });
    const known = cache.current.get(code);
    if (known) return setLoad({ status: 'ok', procedure: known });
    setLoad({ status: 'loading', code });
    let live = true;
    void hubRequest<Procedure>('GET', `/api/procedures/${encodeURIComponent(code)}`, token).then((ack) => {
      if (!live) return;
      if (!ack.ok) return setLoad({ status: 'failed', code, error: ack.error.code });
      cache.current.set(code, ack.data);
      setLoad({ status: 'ok', procedure: ack.data });
    });
    return () => {
      live = false;
    };
  }, [token, code, attempt]);
  return load;
}
