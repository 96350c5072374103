import { checkDeviceLink } from '../../config/device-link.js';
import { SerialTransport, type SerialFlow } from './serial-transport.js';
import { SimTransport, type SimJobHook } from './sim-transport.js';
import { TcpTransport } from './tcp-transport.js';
import { DEFAULT_LINK_TIMING, TransportUrlError, type DeviceLogger, type LinkTiming, type Transport } from './transport.js';
import { UsbLpTransport } from './usb-lp-transport.js';

export interface TransportDeps {
  /** DATA_DIR: sim:// devices write their jobs under <dataDir>/devices/<name>/. */
  readonly dataDir: string;
  readonly timing?: Partial<LinkTiming>;
  /** Called for every job a sim:// device receives (e.g. to write a PNG beside the .bin). */
  readonly onSimJob?: SimJobHook;
  readonly logger?: DeviceLogger;
}

const SERIAL_DEFAULT_BAUD = 9600;
const FLOWS: readonly SerialFlow[] = ['none', 'rtscts', 'xonxoff'];
/** Query options each scheme understands; anything else is refused rather than silently ignored. */
const OPTIONS: Record<string, readonly string[]> = { tcp: [], serial: ['baud', 'flow'], 'usb-lp': [], sim: [] };

/**
 * The transport for a device link, not yet opened. The link is checked with the same rules as the site
 * config (server/config/device-link.ts), so a link the config accepted opens the same way here.
 * Throws TransportUrlError for a malformed link, an unknown option, or a scheme that is not a byte
 * transport (hid://).
 */
export function createTransport(url: string, deps: TransportDeps): Transport {
  const check = checkDeviceLink(url);
  if (!check.ok) throw new TransportUrlError(url, check.message);
  const timing: LinkTiming = { ...DEFAULT_LINK_TIMING, ...deps.timing };
  const { rest, query } = splitUrl(url);
  if (check.scheme === 'hid') {
    throw new TransportUrlError(
      url,
      'hid:// devices (keypads, survey pads) are read as HID reports by their own driver, not opened as a byte transport',
    );
  }
  const options = parseQuery(url, query, OPTIONS[check.scheme] ?? []);
  switch (check.scheme) {
    case 'tcp': {
      const m = /^(.*):(\d+)$/.exec(rest);
      // checkDeviceLink accepted host:port; IPv6 hosts come bracketed, net.connect wants them bare.
      const host = (m?.[1] ?? '').replace(/^\[(.*)\]$/, '$1');
      return new TcpTransport(url, host, Number(m?.[2]), timing, deps.logger);
    }
    case 'serial': {
      const flow = (options.get('flow') ?? 'none') as SerialFlow;
      if (!FLOWS.includes(flow)) throw new TransportUrlError(url, `flow must be one of ${FLOWS.join(', ')}, got '${flow}'`);
      const baudRate = Number(options.get('baud') ?? SERIAL_DEFAULT_BAUD);
      return new SerialTransport(url, { path: rest, baudRate, flow }, timing, deps.logger);
    }
    case 'usb-lp':
      return new UsbLpTransport(url, rest, timing, deps.logger);
    case 'sim':
      return new SimTransport(url, rest, deps.dataDir, deps.onSimJob, deps.logger);
  }
}

/**
 * Creates and opens the transport for a link. Resolves once the first attempt is over, also when the
 * device is absent: the transport is then 'down' and keeps retrying by itself.
 */
export async function openTransport(url: string, deps: TransportDeps): Promise<Transport> {
  const transport = createTransport(url, deps);
  await transport.open();
  return transport;
}

function splitUrl(url: string): { rest: string; query: string | undefined } {
  const afterScheme = url.slice(url.indexOf('://') + 3);
  const q = afterScheme.indexOf('?');
  return q < 0 ? { rest: afterScheme, query: undefined } : { rest: afterScheme.slice(0, q), query: afterScheme.slice(q + 1) };
}

function parseQuery(url: string, query: string | undefined, known: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (query === undefined) return out;
  for (const part of query.split('&')) {
    const [name = '', value = ''] = part.split('=');
    if (!known.includes(name)) {
      const allowed = known.length > 0 ? `known: ${known.join(', ')}` : 'this link takes no options';
      throw new TransportUrlError(url, `unknown option '${name}' (${allowed})`);
    }
    out.set(name, decodeURIComponent(value));
  }
  return out;
}
