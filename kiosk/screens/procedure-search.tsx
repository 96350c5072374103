import { useEffect, useState } from 'preact/hooks';
import type { ProcedureSummary } from '../../common/catalogue/procedure-schema.js';
import { BigButton } from '../../ui/components/big-button.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const MAX_QUERY = 200;

/**
 * Look up a procedure by a few words. The keyboard has no tone marks on purpose: the search reads
 * "dang ky khai sinh" as "đăng ký khai sinh", so nobody has to compose Vietnamese on a touchscreen.
 * Results follow every key, commune-level procedures first.
 */
export function ProcedureSearchScreen(props: {
  t: KioskTexts;
  query: string;
  deviceKey: string;
  onQuery: (q: string) => void;
  onOpen: (code: string) => void;
}) {
  const { t, query } = props;
  const [items, setItems] = useState<ProcedureSummary[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return setItems([]);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      void fetch(`/api/procedures/search?q=${encodeURIComponent(q.slice(0, MAX_QUERY))}&limit=5`, {
        headers: { 'x-device-key': props.deviceKey },
        signal: controller.signal,
      })
        .then((r) => r.json())
        .then((b: { ok: boolean; data?: { items: ProcedureSummary[] } }) => b.ok && b.data && setItems(b.data.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);
  const type = (s: string) => props.onQuery((query + s).slice(0, MAX_QUERY));
  return (
    <div class="procedures">
      <h1 class="question">{t.procedureQuestion}</h1>
      <output class="code-field" data-testid="procedure-query">
        {query || <span class="code-placeholder">{t.procedureExample}</span>}
      </output>
      <div class="results" data-testid="procedure-results">
        {items.map((p) => (
          <BigButton
            key={p.code}
            testId={`procedure-${p.code}`}
            title={p.name}
            hint={`${p.code} · ${p.field ?? ''}`}
            onClick={() => props.onOpen(p.code)}
          />
        ))}
        {query.trim().length >= 2 && items.length === 0 && <p class="welcome-hint">{t.noProcedure}</p>}
      </div>
      <div class="letters">
        {ROWS.map((row) => (
          <div class="letter-row" key={row}>
            {[...row].map((c) => (
              <button key={c} class="key" onClick={() => type(c)} data-testid={`letter-${c}`}>
                {c.toUpperCase()}
              </button>
            ))}
          </div>
        ))}
        <div class="letter-row">
          <button class="key key--wide" onClick={() => type(' ')} data-testid="letter-space">
            {t.space}
          </button>
          <button class="key key--wide" onClick={() => props.onQuery(query.slice(0, -1))}>
            ⌫ {t.erase}
          </button>
          <button class="key key--wide" onClick={() => props.onQuery('')}>
            {t.clear}
          </button>
        </div>
      </div>
    </div>
  );
}
