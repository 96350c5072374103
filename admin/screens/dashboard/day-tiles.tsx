import type { AdminStatus } from '../../../common/contract/admin-status.js';
import { Bi } from './bilingual.js';
import type { DayTotals } from './dashboard-figures.js';
import { DASHBOARD_TEXT as T, whenText, type Label } from './dashboard-text.js';

function Tile(props: { name: string; label: Label; value: number | string; alert?: boolean }) {
  return (
    <div class={props.alert ? 'db-tile db-tile-alert' : 'db-tile'} data-total={props.name}>
      <Bi label={props.label} class="db-tile-label" />
      <span class="db-tile-value">{props.value}</span>
    </div>
  );
}

/** The day at a glance: tickets issued, served, waiting, no-show; and what the province is owed. */
export function DayTiles(props: { totals: DayTotals; outbox: AdminStatus['outbox'] | null; now: number }) {
  const { totals, outbox } = props;
  return (
    <section class="db-tiles" aria-label={`${T.today.vi} / ${T.today.en}`}>
      <Tile name="issued" label={T.issued} value={totals.issued} />
      <Tile name="served" label={T.served} value={totals.served} />
      <Tile name="waiting" label={T.waiting} value={totals.waiting} />
      <Tile name="no-show" label={T.noShow} value={totals.noShow} />
      <div class={outbox && outbox.dead > 0 ? 'db-tile db-outbox db-tile-alert' : 'db-tile db-outbox'} data-total="outbox">
        <Bi label={T.outbox} class="db-tile-label" />
        {outbox ? (
          <div class="db-outbox-figures">
            <span data-outbox="pending">
              <span class="db-tile-value">{outbox.pending}</span> <Bi label={T.pending} />
            </span>
            <span data-outbox="dead" class={outbox.dead > 0 ? 'db-bad' : undefined}>
              <span class="db-tile-value">{outbox.dead}</span> <Bi label={T.dead} />
            </span>
            <span data-outbox="last-sent" class="db-outbox-last">
              <Bi label={T.lastSent} />{' '}
              <strong>{outbox.lastSuccessAt ? whenText(outbox.lastSuccessAt, props.now) : T.neverSent.vi}</strong>
            </span>
            {outbox.lastError && (
              <span class="db-outbox-error" lang="en" title={outbox.lastError}>
                {outbox.lastError}
              </span>
            )}
          </div>
        ) : (
          <span class="db-tile-value">…</span>
        )}
      </div>
    </section>
  );
}
