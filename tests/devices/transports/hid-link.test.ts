import { afterEach, describe, expect, it } from 'vitest';
import { HidUnavailableError, type HidBackend } from '../../../server/devices/transports/hid/hid-backend.js';
import { HidLink, type HidLinkTiming } from '../../../server/devices/transports/hid/hid-link.js';
import { sharedHidListing } from '../../../server/devices/transports/hid/hid-list-cache.js';
import { parseHidLink } from '../../../server/devices/transports/hid/hid-match.js';
import { nodeHidBackend } from '../../../server/devices/transports/hid/node-hid-backend.js';
import { TransportUrlError } from '../../../server/devices/transports/transport.js';
import { FakeHid } from '../../helpers/fake-hid.js';
import { waitFor } from '../helpers/bounded.js';

const FAST_HID: HidLinkTiming = { pollMs: 20, retryMinMs: 20, retryMaxMs: 100, openTimeoutMs: 2_000 };
const PAD = { vendorId: 0x1209, productId: 0x4d43, product: 'Counter pad' };
const RAW = { ...PAD, usagePage: 0xff60, usage: 0x61, interface: 1 };
const KEYBOARD = { ...PAD, usagePage: 0x01, usage: 0x06, interface: 0 };

describe('parseHidLink', () => {
  it.each([
    ['hid://1209:4D43', { vendorId: 0x1209, productId: 0x4d43 }],
    ['hid://1209:4d43/SN-7', { vendorId: 0x1209, productId: 0x4d43, serialNumber: 'SN-7' }],
    [
      'hid://1209:4d43?serial=SN-7&usagePage=0xff60&usage=97&interface=1',
      { vendorId: 0x1209, productId: 0x4d43, serialNumber: 'SN-7', usagePage: 0xff60, usage: 97, interface: 1 },
    ],
  ])('reads %s', (url, match) => {
    expect(parseHidLink(url)).toEqual(match);
  });

  it.each([
    ['hid://1209', /4 hex digits/],
    ['hid://1209:4d43?usagePage=ff60', /usagePage must be a number from 0 to 65535 \(decimal or 0x-hex\), got 'ff60'/],
    ['hid://1209:4d43?interface=300', /interface must be a number from 0 to 255/],
    ['hid://1209:4d43?baud=9600', /unknown option 'baud' \(known: serial, usagePage, usage, interface\)/],
    ['hid://1209:4d43/A?serial=B', /serial number is given twice/],
    ['serial:///dev/ttyUSB0', /expected a hid:\/\/ link/],
  ])('refuses %s', (url, message) => {
    expect(() => parseHidLink(url)).toThrow(TransportUrlError);
    expect(() => parseHidLink(url)).toThrow(message);
  });
});

describe('HidLink over a fake HID backend', () => {
  let link: HidLink | undefined;
  afterEach(async () => {
    await link?.close();
    link = undefined;
  });

  function watch(url: string, backend: HidBackend) {
    const l = new HidLink({ url, backend, timing: FAST_HID });
    const reports: string[] = [];
    const events: string[] = [];
    l.on('report', (b) => reports.push(Buffer.from(b).toString('hex')));
    l.on('up', (d) => events.push(`up ${d.path}`));
    l.on('down', (reason) => events.push(`down ${reason}`));
    link = l;
    return { link: l, reports, events };
  }

  it('opens the collection the link names on a composite pad, and hears only its reports', async () => {
    const hid = new FakeHid();
    const keyboard = hid.plug(KEYBOARD);
    const raw = hid.plug(RAW);
    const { link, reports } = watch('hid://1209:4d43?usagePage=0xff60', hid);
    await link.open();
    expect(link.state).toBe('up');
    expect(link.device?.path).toBe(raw.path);
    expect(keyboard.send([0, 0, 0x57, 0, 0, 0, 0, 0])).toBe(0);
    expect(raw.send([0x4d, 0x43, 0x01])).toBe(1);
    expect(reports).toEqual(['4d4301']);
  });

  it('starts without the pad, comes up when it is plugged in, with no restart', async () => {
    const hid = new FakeHid();
    const { link, reports, events } = watch('hid://1209:4d43', hid);
    await link.open();
    expect(link.state).toBe('down');
    expect(link.lastError).toBe('no HID device 1209:4d43 is plugged in');
    const pad = hid.plug(PAD);
    await waitFor(() => link.state === 'up', 'the link to come up after the plug');
    pad.send([1, 2, 3]);
    expect(reports).toEqual(['010203']);
    expect(events).toEqual(['down no HID device 1209:4d43 is plugged in', `up ${pad.path}`]);
  });

  it('goes down on unplug and comes back on replug to a new node; a dead handle is released', async () => {
    const hid = new FakeHid();
    const first = hid.plug(RAW);
    const { link, reports, events } = watch('hid://1209:4d43', hid);
    await link.open();
    first.unplug();
    expect(link.state).toBe('down');
    expect(link.lastError).toBe(`1209:4d43 (${first.path}): could not read from HID device`);
    expect(first.send([9])).toBe(0);
    const second = first.replug();
    await waitFor(() => link.state === 'up', 'the link to come back after the replug');
    expect(link.device?.path).toBe(second.path);
    expect(second.path).not.toBe(first.path);
    second.send([0x4d, 0x43, 0x02]);
    expect(reports).toEqual(['4d4302']);
    expect(events).toEqual([
      `up ${first.path}`,
      `down 1209:4d43 (${first.path}): could not read from HID device`,
      `up ${second.path}`,
    ]);
    expect(first.openHandles + second.openHandles).toBe(1);
  });

  it('notices an unplug that the handle never reports, from the device list', async () => {
    const hid = new FakeHid();
    const pad = hid.plug(PAD);
    const { link } = watch('hid://1209:4d43', hid);
    await link.open();
    pad.unplug({ silently: true });
    await waitFor(() => link.state === 'down', 'the link to see the silent unplug');
    expect(link.lastError).toBe('1209:4d43 was unplugged');
    pad.replug();
    await waitFor(() => link.state === 'up', 'the link to come back');
  });

  it('retries a pad that refuses to open, and says why meanwhile', async () => {
    const hid = new FakeHid();
    const pad = hid.plug(PAD);
    pad.failNextOpens(3, `cannot open device with path ${pad.path}`);
    const { link, reports } = watch('hid://1209:4d43', hid);
    await link.open();
    expect(link.state).toBe('down');
    expect(link.lastError).toBe(`cannot open 1209:4d43 (${pad.path}): cannot open device with path ${pad.path}`);
    await waitFor(() => link.state === 'up', 'the link to open after the failures');
    expect(hid.openCalls).toBe(4);
    pad.send([7]);
    expect(reports).toEqual(['07']);
  });

  it('refuses to guess between two identical pads; a serial number tells them apart', async () => {
    const hid = new FakeHid();
    const a = hid.plug({ ...PAD, serialNumber: 'A' });
    const b = hid.plug({ ...PAD, serialNumber: 'B' });
    const { link } = watch('hid://1209:4d43', hid);
    await link.open();
    expect(link.state).toBe('down');
    expect(link.lastError).toBe(
      `2 HID devices match 1209:4d43 (${a.path}, ${b.path}); add ?serial=, ?interface= or ?usagePage= to the link`,
    );
    expect(a.openHandles + b.openHandles).toBe(0);
    await link.close();
    const bySerial = watch('hid://1209:4d43?serial=B', hid);
    await bySerial.link.open();
    expect(bySerial.link.device?.path).toBe(b.path);
  });

  it('reports HID unavailable as the reason, without throwing', async () => {
    const hid = new FakeHid();
    hid.unavailable = 'libusb-1.0.so.0: cannot open shared object file: No such file or directory';
    const { link } = watch('hid://1209:4d43', hid);
    await link.open();
    expect(link.state).toBe('down');
    expect(link.lastError).toBe('HID unavailable: libusb-1.0.so.0: cannot open shared object file: No such file or directory');
    hid.unavailable = undefined;
    hid.plug(PAD);
    await waitFor(() => link.state === 'up', 'the link to come up once HID is there');
  });

  it('close releases the pad, and the link cannot be opened again', async () => {
    const hid = new FakeHid();
    const pad = hid.plug(PAD);
    const { link, events } = watch('hid://1209:4d43', hid);
    await link.open();
    await link.close();
    expect(pad.openHandles).toBe(0);
    expect(link.state).toBe('down');
    expect(link.lastError).toBe('closed');
    expect(events.at(-1)).toBe('down closed');
    await expect(link.open()).rejects.toThrow(/closed/);
  });
});

describe('nodeHidBackend', () => {
  it('reports a binding that cannot load as "HID unavailable", not a crash', async () => {
    const backend = nodeHidBackend({
      load: () => Promise.reject(new Error('libusb-1.0.so.0: cannot open shared object file: No such file or directory')),
    });
    await expect(backend.list()).rejects.toThrow(HidUnavailableError);
    await expect(backend.list()).rejects.toThrow(/^HID unavailable: libusb-1.0.so.0/);
    await expect(backend.open('/dev/hidraw0')).rejects.toThrow(/^HID unavailable/);
  });

  it('asks node-hid for the hidraw driver on Linux before the binding loads', async () => {
    const calls: string[] = [];
    const fake = {
      setDriverType: (t: string) => calls.push(`driver ${t}`),
      getHidapiVersion: () => {
        calls.push('load');
        return '0.14.0';
      },
      devicesAsync: async () => [
        { vendorId: 0x1209, productId: 0x4d43, path: '/dev/hidraw3', interface: 1, usagePage: 0xff60, usage: 0x61, release: 1 },
        { vendorId: 0x1209, productId: 0x4d43, interface: 0, release: 1 },
      ],
    };
    const backend = nodeHidBackend({ load: async () => fake as never, platform: 'linux' });
    expect(await backend.list()).toEqual([
      { vendorId: 0x1209, productId: 0x4d43, path: '/dev/hidraw3', interface: 1, usagePage: 0xff60, usage: 0x61 },
    ]);
    expect(calls).toEqual(['driver hidraw', 'load']);
  });

  it('the real node-hid either lists devices or says why HID is unavailable', async () => {
    const outcome = await nodeHidBackend()
      .list()
      .then(
        (devices) => (Array.isArray(devices) ? 'listed' : 'odd'),
        (e: unknown) => (e instanceof HidUnavailableError ? 'unavailable' : `other: ${String(e)}`),
      );
    expect(['listed', 'unavailable']).toContain(outcome);
  });
});

describe('sharedHidListing', () => {
  it('answers polls within the window from one listing', async () => {
    const hid = new FakeHid();
    hid.plug(PAD);
    let now = 0;
    const shared = sharedHidListing(hid, 500, () => now);
    await Promise.all([shared.list(), shared.list(), shared.list()]);
    expect(hid.listCalls).toBe(1);
    now = 499;
    await shared.list();
    expect(hid.listCalls).toBe(1);
    now = 500;
    expect(await shared.list()).toHaveLength(1);
    expect(hid.listCalls).toBe(2);
  });
});
