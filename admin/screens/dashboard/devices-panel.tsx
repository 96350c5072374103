import type { AdminDeviceStatus, AdminStatus } from '../../../common/contract/admin-status.js';
import { Bi } from './bilingual.js';
import { devicesByConcern } from './dashboard-figures.js';
import { DASHBOARD_TEXT as T, DEVICE_STATE_TEXT, kindText, whenText } from './dashboard-text.js';
import './devices-panel.css';

/** The mark beside a device: a shape as well as a colour, so it reads without colour vision too. */
const MARK: Record<AdminDeviceStatus['state'], string> = { ok: '✓', offline: '', problem: '!', unknown: '?' };

function Device(props: { device: AdminDeviceStatus; now: number }) {
  const d = props.device;
  const state = DEVICE_STATE_TEXT[d.state];
  const kind = kindText(d.kind);
  const seen = !d.online && d.lastSeenAt !== null ? `${T.lastSeen.vi} ${whenText(d.lastSeenAt, props.now)}` : null;
  const detail = d.state === 'ok' ? null : d.detailVi;
  return (
    <li
      class={`db-device db-device-${d.state}`}
      data-device-id={d.id}
      data-state={d.state}
      title={`${kind.vi} / ${kind.en} · ${state.en}: ${d.detail}`}
    >
      <span class="db-mark" aria-hidden="true">
        {MARK[d.state]}
      </span>
      <span class="db-device-body">
        <span class="db-device-name">{d.name}</span>
        <span class="db-device-state">
          {/* Offline says it all in its detail (never connected, unplugged); the English is in the title. */}
          {d.state !== 'offline' && <strong>{state.vi}</strong>}
          {detail && (
            <span class="db-device-detail">
              {d.state !== 'offline' && ' · '}
              {detail}
            </span>
          )}
          {seen && <span class="db-device-seen"> · {seen}</span>}
        </span>
      </span>
    </li>
  );
}

/** Devices needing a person first (problems, then the offline), the working ones after. */
export function DevicesPanel(props: { status: AdminStatus | null; now: number }) {
  const devices = props.status ? devicesByConcern(props.status.devices) : [];
  const fine = devices.filter((d) => d.state === 'ok');
  const concerns = devices.filter((d) => d.state !== 'ok');
  const working = fine.length;
  return (
    <section class="db-panel db-devices">
      <h2>
        <Bi label={T.devices} />
        {props.status && (
          <span class="db-devices-summary" data-field="devices-summary">
            <Bi label={T.devicesWorking(working, devices.length)} />
            <Bi label={T.screens(props.status.screensConnected)} />
          </span>
        )}
      </h2>
      {!props.status ? (
        <p class="db-quiet">
          <Bi label={T.loading} />
        </p>
      ) : devices.length === 0 ? (
        <p class="db-quiet">
          <Bi label={T.noDevices} />
        </p>
      ) : (
        <>
          {concerns.length > 0 && (
            <ul class="db-device-list">
              {concerns.map((d) => (
                <Device key={d.id} device={d} now={props.now} />
              ))}
            </ul>
          )}
          {/* Working devices as short chips: a hall of 60 counters still fits, and problems stand out. */}
          {fine.length > 0 && (
            <ul class="db-device-chips">
              {fine.map((d) => (
                <li
                  key={d.id}
                  class="db-chip"
                  data-device-id={d.id}
                  data-state={d.state}
                  title={`${kindText(d.kind).vi} / ${kindText(d.kind).en} · ${d.detailVi} / ${d.detail}`}
                >
                  <span class="db-mark" aria-hidden="true">
                    {MARK.ok}
                  </span>
                  {d.name}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
