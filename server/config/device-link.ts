/**
 * Device links are URLs so one driver can serve several transports (DESIGN §8). This checks the shape
 * of each scheme we support and gives the identity two devices must not share. A hand-written regex in
 * the schema would only say "Expected string to match …"; here each mistake gets its own message.
 */

export type LinkScheme = 'tcp' | 'serial' | 'usb-lp' | 'hid' | 'sim';

export type LinkCheck =
  | { readonly ok: true; readonly scheme: LinkScheme; readonly identity: string }
  | { readonly ok: false; readonly message: string };

const HOST =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])$/;
const DEVICE_PATH = /^\/[A-Za-z0-9._\-/]+$/;
// A serial number after VID:PID tells two identical pads apart (node-hid opens by vid, pid, serial).
const HID = /^([0-9A-Fa-f]{4}):([0-9A-Fa-f]{4})(?:\/([A-Za-z0-9._-]{1,64}))?$/;
const SIM = /^[A-Za-z0-9._-]{1,64}$/;
const QUERY_PART = /^[A-Za-z][A-Za-z0-9_]*=[^&=]*$/;

export function checkDeviceLink(link: string): LinkCheck {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/.exec(link);
  if (!m)
    return fail(
      'Expected a link like tcp://host:port, serial:///dev/ttyUSB0, usb-lp:///dev/usb/lp0, hid://VID:PID or sim://name',
    );
  const scheme = m[1] ?? '';
  const [rest = '', query] = splitQuery(m[2] ?? '');
  if (query !== undefined && !query.split('&').every((p) => QUERY_PART.test(p))) {
    return fail('Expected the query as name=value pairs joined by &');
  }
  switch (scheme) {
    case 'tcp':
      return checkTcp(rest);
    case 'serial':
    case 'usb-lp':
      if (!DEVICE_PATH.test(rest))
        return fail(
          `Expected ${scheme}:// followed by an absolute device path, e.g. ${scheme === 'serial' ? 'serial:///dev/ttyUSB0' : 'usb-lp:///dev/usb/lp0'}`,
        );
      if (scheme === 'serial' && query !== undefined && !checkBaud(query))
        return fail('Expected baud to be a whole number of bits per second');
      return ok(scheme, `${scheme}://${rest}`);
    case 'hid': {
      const h = HID.exec(rest);
      if (!h) return fail('Expected hid://VID:PID with 4 hex digits each (and optionally /SERIAL), e.g. hid://1209:0001');
      // VID:PID are hex numbers: 04B4 and 04b4 name the same device. Two identical pads told apart
      // by serial (/SERIAL or ?serial=) or by collection (usagePage, usage, interface) are two links.
      const picks = new Map(
        (query ?? '')
          .split('&')
          .filter(Boolean)
          .map((p) => p.split('=') as [string, string]),
      );
      const serial = h[3] ?? picks.get('serial');
      const collection = ['usagePage', 'usage', 'interface']
        .filter((k) => picks.has(k))
        .map((k) => `${k}=${Number(picks.get(k))}`)
        .join('&');
      return ok(
        'hid',
        `hid://${(h[1] ?? '').toLowerCase()}:${(h[2] ?? '').toLowerCase()}${serial ? `/${serial}` : ''}${collection ? `?${collection}` : ''}`,
      );
    }
    case 'sim':
      if (!SIM.test(rest)) return fail('Expected sim://name with letters, digits, ., _ or -');
      return ok('sim', `sim://${rest}`);
    default:
      return fail(`Unknown link scheme '${scheme}' (expected tcp, serial, usb-lp, hid or sim)`);
  }
}

function checkTcp(rest: string): LinkCheck {
  const m = /^(.*):(\d{1,5})$/.exec(rest);
  if (!m) return fail('Expected tcp://host:port, e.g. tcp://10.0.0.9:9100');
  const host = m[1] ?? '';
  const port = Number(m[2]);
  if (!HOST.test(host)) return fail(`Expected a host name or IP address, got '${host}'`);
  if (port < 1 || port > 65535) return fail(`Expected a port from 1 to 65535, got ${port}`);
  // Host names are case-insensitive; the query (timeouts and the like) does not change the device.
  return ok('tcp', `tcp://${host.toLowerCase()}:${port}`);
}

function checkBaud(query: string): boolean {
  const baud = query.split('&').find((p) => p.startsWith('baud='));
  return baud === undefined || /^baud=[1-9]\d{2,6}$/.test(baud);
}

function splitQuery(s: string): [string, string | undefined] {
  const i = s.indexOf('?');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}

const ok = (scheme: LinkScheme, identity: string): LinkCheck => ({ ok: true, scheme, identity });
const fail = (message: string): LinkCheck => ({ ok: false, message });
