import { describe, expect, it } from 'vitest';
import { createTransport } from '../../../server/devices/transports/open-transport.js';
import { SerialTransport } from '../../../server/devices/transports/serial-transport.js';
import { SimTransport } from '../../../server/devices/transports/sim-transport.js';
import { TcpTransport } from '../../../server/devices/transports/tcp-transport.js';
import { TransportUrlError } from '../../../server/devices/transports/transport.js';
import { UsbLpTransport } from '../../../server/devices/transports/usb-lp-transport.js';

const deps = { dataDir: '/tmp/unused' };

describe('createTransport', () => {
  it('picks the transport by scheme, without opening it', () => {
    expect(createTransport('tcp://10.0.0.9:9100', deps)).toBeInstanceOf(TcpTransport);
    expect(createTransport('tcp://[::1]:9100', deps)).toBeInstanceOf(TcpTransport);
    expect(createTransport('serial:///dev/ttyUSB0?baud=9600&flow=rtscts', deps)).toBeInstanceOf(SerialTransport);
    expect(createTransport('usb-lp:///dev/usb/lp0', deps)).toBeInstanceOf(UsbLpTransport);
    const sim = createTransport('sim://kiosk-1-printer', deps);
    expect(sim).toBeInstanceOf(SimTransport);
    expect(sim.state).toBe('down');
  });

  it.each([
    ['hid://1209:0001', /hid:\/\/ devices .* their own driver, not opened as a byte transport/],
    ['ftp://printer', /Unknown link scheme 'ftp'/],
    ['tcp://printer', /Expected tcp:\/\/host:port/],
    ['serial://ttyUSB0', /absolute device path/],
    ['serial:///dev/ttyUSB0?parity=even', /unknown option 'parity' \(known: baud, flow\)/],
    ['serial:///dev/ttyUSB0?flow=dtrdsr', /flow must be one of none, rtscts, xonxoff, got 'dtrdsr'/],
    ['tcp://10.0.0.9:9100?timeout=5', /unknown option 'timeout' \(this link takes no options\)/],
  ])('refuses %s clearly', (url, message) => {
    let error: unknown;
    try {
      createTransport(url, deps);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TransportUrlError);
    expect((error as Error).message).toMatch(new RegExp(`^Cannot open device link "${url.replace(/[?.*+/[\]]/g, '\\$&')}": `));
    expect((error as Error).message).toMatch(message);
  });
});
