import { describe, expect, it } from 'vitest';
import { checkDeviceLink } from '../../../server/config/device-link.js';

describe('checkDeviceLink', () => {
  it.each([
    ['tcp://10.0.0.9:9100', 'tcp', 'tcp://10.0.0.9:9100'],
    ['tcp://Printer-1.local:9100?timeout=3000', 'tcp', 'tcp://printer-1.local:9100'],
    ['tcp://[fe80::1]:9100', 'tcp', 'tcp://[fe80::1]:9100'],
    ['serial:///dev/ttyUSB0?baud=9600', 'serial', 'serial:///dev/ttyUSB0'],
    ['serial:///dev/serial/by-id/usb-FTDI_FT232R-if00-port0', 'serial', 'serial:///dev/serial/by-id/usb-FTDI_FT232R-if00-port0'],
    ['usb-lp:///dev/usb/lp0', 'usb-lp', 'usb-lp:///dev/usb/lp0'],
    ['hid://1209:ABCD', 'hid', 'hid://1209:abcd'],
    ['hid://1209:abcd/SN-0001', 'hid', 'hid://1209:abcd/SN-0001'],
    ['sim://kiosk-1-printer', 'sim', 'sim://kiosk-1-printer'],
  ])('accepts %s', (link, scheme, identity) => {
    expect(checkDeviceLink(link)).toEqual({ ok: true, scheme, identity });
  });

  it.each([
    ['10.0.0.9:9100', /Expected a link like/],
    ['ftp://host:21', /Unknown link scheme 'ftp'/],
    ['tcp://10.0.0.9', /Expected tcp:\/\/host:port/],
    ['tcp://10.0.0.9:0', /port from 1 to 65535/],
    ['tcp://10.0.0.9:70000', /port from 1 to 65535/],
    ['tcp://bad_host:9100', /host name or IP address/],
    ['serial://dev/ttyUSB0', /absolute device path/],
    ['serial:///dev/ttyUSB0?baud=fast', /baud/],
    ['serial:///dev/ttyUSB0?baud', /name=value pairs/],
    ['usb-lp://lp0', /absolute device path/],
    ['hid://1209:1', /4 hex digits/],
    ['hid://VID:PID', /4 hex digits/],
    ['sim://', /sim:\/\/name/],
    ['sim://a b', /sim:\/\/name/],
  ])('refuses %s', (link, message) => {
    const result = checkDeviceLink(link);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});

describe('hid link identity', () => {
  it('tells pads apart by serial or collection, and names one pad one way', () => {
    const id = (url: string) => {
      const r = checkDeviceLink(url);
      if (!r.ok) throw new Error(r.message);
      return r.identity;
    };
    expect(id('hid://1209:0001?serial=A')).not.toBe(id('hid://1209:0001?serial=B'));
    expect(id('hid://1209:0001/A')).toBe(id('hid://1209:0001?serial=A'));
    expect(id('hid://1209:0001?usagePage=0xFF60')).toBe(id('hid://1209:0001?usagePage=65376'));
    expect(id('hid://1209:0001?interface=1')).not.toBe(id('hid://1209:0001?interface=2'));
  });
});
