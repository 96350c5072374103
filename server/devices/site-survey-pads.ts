import type { SiteConfig } from '../config/site-config-schema.js';
import type { Clock } from '../core/ports.js';
import { DEFAULT_SURVEY_PAD_DEBOUNCE_MS, type SurveyPadModel } from './catalogue/survey-pad-model-schema.js';
import { HidSurveyPad, type SurveyPadPress } from './drivers/hid-survey-pad.js';
import type { HidBackend } from './transports/hid/hid-backend.js';
import { DEFAULT_HID_TIMING, HidLink, type HidLinkTiming } from './transports/hid/hid-link.js';
import { sharedHidListing } from './transports/hid/hid-list-cache.js';
import { parseHidLink, type HidMatch } from './transports/hid/hid-match.js';
import { reasonOf } from './transports/transport.js';

export interface SurveyPadDeps {
  /** node-hid in the hub (nodeHidBackend(), the same one the keypads use), a fake in tests. */
  readonly backend: HidBackend;
  readonly models: ReadonlyMap<string, SurveyPadModel>;
  readonly clock: Clock;
  readonly logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
  readonly onPress: (press: SurveyPadPress) => void;
  readonly timing?: Partial<HidLinkTiming>;
}

export interface StartedSurveyPads {
  readonly pads: readonly HidSurveyPad[];
  /** Pads the config declares but the hub cannot run, each with why. */
  readonly problems: readonly { deviceId: string; problem: string }[];
  stop(): Promise<void>;
}

/**
 * Starts the raw HID survey pads the site config declares (kind 'survey-pad' with a hid:// link,
 * bound to a counter). A pad whose model is unknown or whose settings are wrong is reported and left
 * out; one that is unplugged, cannot be opened, or finds HID unavailable on this machine is started
 * anyway: it shows 'down' with the reason and comes up by itself once the cause is gone. Nothing here
 * stops the hub. A pad without a link is a keyboard-wedge pad: the survey page reads it, not the hub.
 */
export async function startSurveyPads(site: SiteConfig, deps: SurveyPadDeps): Promise<StartedSurveyPads> {
  const pads: HidSurveyPad[] = [];
  const problems: { deviceId: string; problem: string }[] = [];
  const timing: HidLinkTiming = { ...DEFAULT_HID_TIMING, ...deps.timing };
  // One device listing serves every pad's poll (a provincial centre has 60+ counters).
  const backend = sharedHidListing(deps.backend, Math.floor(timing.pollMs / 2));
  for (const d of site.devices) {
    if (d.kind !== 'survey-pad') continue;
    const model = d.model ? deps.models.get(d.model) : undefined;
    const problem = (text: string) => problems.push({ deviceId: d.id, problem: text });
    if (!model) {
      problem(`unknown survey pad model ${JSON.stringify(d.model ?? '')}`);
      continue;
    }
    if (!d.link) {
      if (model.mode === 'raw-hid') problem(`model ${model.id} is read by the hub: give the survey pad a link hid://VID:PID`);
      continue;
    }
    if (model.mode === 'wedge' || !model.report) {
      problem(`model ${model.id} types into the survey page (keyboard wedge); the hub reads no link for it, remove the link`);
      continue;
    }
    if (!d.counterId) {
      problem('not bound to a counter (counterId)');
      continue;
    }
    const debounce = d.options?.['debounceMs'] ?? model.debounceMs ?? DEFAULT_SURVEY_PAD_DEBOUNCE_MS;
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
      const pad = new HidSurveyPad({
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
        deps.logger.info({ deviceId: d.id, path: device.path, product: device.product }, 'survey pad connected'),
      );
      link.on('down', (reason) => deps.logger.warn({ deviceId: d.id, reason }, 'survey pad not connected'));
      await pad.start();
      pads.push(pad);
    } catch (err) {
      problem(reasonOf(err));
    }
  }
  return { pads, problems, stop: async () => void (await Promise.all(pads.map((p) => p.stop()))) };
}

/**
 * The link names the pad (VID:PID, serial); the model knows which of its HID collections carries the
 * reports (a QMK pad also lists a keyboard). What the link says wins; the model fills in the rest.
 */
function withModelIdentity(match: HidMatch, model: SurveyPadModel): HidMatch {
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
