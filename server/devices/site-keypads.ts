import type { SiteConfig } from '../config/site-config-schema.js';
import type { Clock } from '../core/ports.js';
import { DEFAULT_KEYPAD_DEBOUNCE_MS, type KeypadModel } from './catalogue/keypad-model-schema.js';
import { HidKeypad, type KeypadPress } from './drivers/hid-keypad.js';
import type { HidBackend } from './transports/hid/hid-backend.js';
import { HidLink, DEFAULT_HID_TIMING, type HidLinkTiming } from './transports/hid/hid-link.js';
import { sharedHidListing } from './transports/hid/hid-list-cache.js';
import { parseHidLink, type HidMatch } from './transports/hid/hid-match.js';
import { reasonOf } from './transports/transport.js';

export interface KeypadDeps {
  /** node-hid in the hub (nodeHidBackend()), a fake in tests. */
  readonly backend: HidBackend;
  readonly models: ReadonlyMap<string, KeypadModel>;
  readonly clock: Clock;
  readonly logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  readonly onPress: (press: KeypadPress) => void;
  readonly timing?: Partial<HidLinkTiming>;
}

export interface StartedKeypads {
  readonly keypads: readonly HidKeypad[];
  /** Keypads the config declares but the hub cannot run, each with why. */
  readonly problems: readonly { deviceId: string; problem: string }[];
  stop(): Promise<void>;
}

/**
 * Starts the raw HID keypads the site config declares (kind 'keypad' with a hid:// link, bound to a
 * counter). A keypad whose model is unknown or whose settings are wrong is reported and left out; one
 * that is unplugged, or cannot be opened, or finds HID unavailable on this machine, is started anyway:
 * it shows 'down' with the reason, and comes up by itself once the cause is gone. Nothing here stops
 * the hub. A keypad without a link is a keyboard-wedge pad: the console reads it, not the hub.
 */
export async function startKeypads(site: SiteConfig, deps: KeypadDeps): Promise<StartedKeypads> {
  const keypads: HidKeypad[] = [];
  const problems: { deviceId: string; problem: string }[] = [];
  const timing: HidLinkTiming = { ...DEFAULT_HID_TIMING, ...deps.timing };
  // One device listing serves every keypad's poll (a provincial centre has 60+ counters).
  const backend = sharedHidListing(deps.backend, Math.floor(timing.pollMs / 2));
  for (const d of site.devices) {
    if (d.kind !== 'keypad') continue;
    const model = d.model ? deps.models.get(d.model) : undefined;
    const problem = (text: string) => problems.push({ deviceId: d.id, problem: text });
    if (!model) {
      problem(`unknown keypad model ${JSON.stringify(d.model ?? '')}`);
      continue;
    }
    if (!d.link) {
      if (model.mode === 'raw-hid') problem(`model ${model.id} is read by the hub: give the keypad a link hid://VID:PID`);
      continue;
    }
    if (model.mode === 'wedge' || !model.report) {
      problem(`model ${model.id} types into the officer console (keyboard wedge); the hub reads no link for it, remove the link`);
      continue;
    }
    if (!d.counterId) {
      problem('not bound to a counter (counterId)');
      continue;
    }
    const debounce = d.options?.['debounceMs'] ?? model.debounceMs ?? DEFAULT_KEYPAD_DEBOUNCE_MS;
    if (typeof debounce !== 'number' || !Number.isInteger(debounce) || debounce < 0 || debounce > 5_000) {
      problem(`options.debounceMs must be a whole number of milliseconds from 0 to 5000, got ${JSON.stringify(debounce)}`);
      continue;
    }
    try {
      const link = new HidLink({
        url: d.link,
        backend,
        timing,
        logger: deps.logger,
        match: withModelIdentity(parseHidLink(d.link), model),
      });
      const keypad = new HidKeypad({
        deviceId: d.id,
        counterId: d.counterId,
        model: { ...model, report: model.report },
        link,
        debounceMs: debounce,
        clock: deps.clock,
        logger: deps.logger,
        onPress: deps.onPress,
      });
      link.on('up', (device) =>
        deps.logger.info({ deviceId: d.id, path: device.path, product: device.product }, 'keypad connected'),
      );
      link.on('down', (reason) => deps.logger.warn({ deviceId: d.id, reason }, 'keypad not connected'));
      await keypad.start();
      keypads.push(keypad);
    } catch (err) {
      problem(reasonOf(err));
    }
  }
  return { keypads, problems, stop: async () => void (await Promise.all(keypads.map((k) => k.stop()))) };
}

/**
 * The link names the pad (VID:PID, serial); the model knows which of its HID collections carries the
 * reports (a QMK pad also lists a keyboard, a numpad a consumer-control collection). What the link
 * says wins; the model fills in what it leaves out.
 */
function withModelIdentity(match: HidMatch, model: KeypadModel): HidMatch {
  const id = model.identity;
  if (!id) return match;
  const byUsage = match.usagePage === undefined && match.usage === undefined;
  return {
    ...match,
    ...(byUsage && id.usagePage !== undefined ? { usagePage: id.usagePage } : {}),
    ...(byUsage && id.usage !== undefined ? { usage: id.usage } : {}),
    ...(match.interface === undefined && id.interface !== undefined ? { interface: id.interface } : {}),
  };
}
