import { checkDeviceLink } from '../../../config/device-link.js';
import { TransportUrlError } from '../transport.js';
import { hex4, type HidDeviceInfo } from './hid-backend.js';

/** Which HID interface a link means. Unset fields match anything. */
export interface HidMatch {
  readonly vendorId: number;
  readonly productId: number;
  /** Tells two identical pads apart (iSerial); cheap pads often have none, or all the same one. */
  readonly serialNumber?: string;
  /** Picks one collection of a composite device: a QMK pad lists a keyboard and a raw HID collection. */
  readonly usagePage?: number;
  readonly usage?: number;
  readonly interface?: number;
}

const OPTIONS = ['serial', 'usagePage', 'usage', 'interface'] as const;

/**
 * The match for `hid://VID:PID[/SERIAL][?serial=…&usagePage=…&usage=…&interface=…]`. Numbers may be
 * decimal or 0x-hex (usagePage=0xff60). The link is checked with the site config's rules first, so a
 * link the config accepted parses the same here. Throws TransportUrlError for anything else, naming it.
 */
export function parseHidLink(url: string): HidMatch {
  const check = checkDeviceLink(url);
  if (!check.ok) throw new TransportUrlError(url, check.message);
  if (check.scheme !== 'hid') throw new TransportUrlError(url, `expected a hid:// link, got ${check.scheme}://`);
  const afterScheme = url.slice('hid://'.length);
  const q = afterScheme.indexOf('?');
  const [ids = '', pathSerial] = (q < 0 ? afterScheme : afterScheme.slice(0, q)).split('/');
  const [vid = '', pid = ''] = ids.split(':');
  let match: { -readonly [K in keyof HidMatch]: HidMatch[K] } = {
    vendorId: parseInt(vid, 16),
    productId: parseInt(pid, 16),
    ...(pathSerial ? { serialNumber: pathSerial } : {}),
  };
  if (q < 0) return match;
  for (const part of afterScheme.slice(q + 1).split('&')) {
    const [name = '', raw = ''] = part.split('=');
    const value = decodeURIComponent(raw);
    switch (name as (typeof OPTIONS)[number]) {
      case 'serial':
        if (match.serialNumber !== undefined && match.serialNumber !== value)
          throw new TransportUrlError(url, 'the serial number is given twice, differently');
        match = { ...match, serialNumber: value };
        break;
      case 'usagePage':
      case 'usage':
        match = { ...match, [name]: number(url, name, value, 0xffff) };
        break;
      case 'interface':
        match = { ...match, interface: number(url, name, value, 255) };
        break;
      default:
        throw new TransportUrlError(url, `unknown option '${name}' (known: ${OPTIONS.join(', ')})`);
    }
  }
  return match;
}

function number(url: string, name: string, value: string, max: number): number {
  const n = /^0x[0-9a-f]+$/i.test(value) ? parseInt(value, 16) : /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > max) {
    throw new TransportUrlError(url, `${name} must be a number from 0 to ${max} (decimal or 0x-hex), got '${value}'`);
  }
  return n;
}

export function matchesHid(match: HidMatch, d: HidDeviceInfo): boolean {
  return (
    d.vendorId === match.vendorId &&
    d.productId === match.productId &&
    (match.serialNumber === undefined || d.serialNumber === match.serialNumber) &&
    (match.usagePage === undefined || d.usagePage === match.usagePage) &&
    (match.usage === undefined || d.usage === match.usage) &&
    (match.interface === undefined || d.interface === match.interface)
  );
}

/** The match as a person reads it in a log: "1209:4d43 usagePage=0xff60". */
export function describeHidMatch(match: HidMatch): string {
  const parts = [`${hex4(match.vendorId)}:${hex4(match.productId)}`];
  if (match.serialNumber !== undefined) parts.push(`serial=${match.serialNumber}`);
  if (match.usagePage !== undefined) parts.push(`usagePage=0x${hex4(match.usagePage)}`);
  if (match.usage !== undefined) parts.push(`usage=0x${match.usage.toString(16)}`);
  if (match.interface !== undefined) parts.push(`interface=${match.interface}`);
  return parts.join(' ');
}
