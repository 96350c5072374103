import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TObject } from '@sinclair/typebox';
import type { Server, Socket } from 'socket.io';
import { COMMAND_NAMES, COMMANDS, SNAPSHOT_REQUEST, type CommandName } from '../../common/contract/commands.js';
import { errorBody, type Ack } from '../../common/contract/errors.js';
import type { AuthService } from '../services/auth-service.js';
import type { HallService } from '../services/hall-service.js';
import type { IssueLimits } from '../services/issue-limits.js';
import type { Logger } from '../services/logger.js';
import type { Principal } from '../services/principal.js';
import { roomsOf } from './rooms.js';
import { isStorageFault } from '../storage/storage-fault.js';

interface SocketData {
  principal: Principal;
  token: string | null;
  deviceKey: string | null;
  /** The client's address, for the per-address limit on issuing tickets. */
  ip: string;
}

const checkers = Object.fromEntries(
  COMMAND_NAMES.map((name) => [name, TypeCompiler.Compile(COMMANDS[name].input as TObject)]),
) as Record<CommandName, TypeCheck<TObject>>;

/**
 * The hall over socket.io. A screen authenticates in the handshake, joins its rooms, receives a
 * snapshot at once and every fact after it; commands are checked against the same schemas as REST.
 */
export function attachHallSocket(
  io: Server,
  deps: {
    hall: HallService;
    auth: AuthService;
    logger: Logger;
    deviceSeen?: (deviceId: string) => void;
    issueLimits?: IssueLimits | null;
  },
): () => void {
  io.use((socket, next) => {
    const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
    const token = typeof auth.token === 'string' && auth.token.length <= 256 ? auth.token : null;
    const deviceKey = typeof auth.deviceKey === 'string' && auth.deviceKey.length <= 256 ? auth.deviceKey : null;
    const principal = token ? deps.auth.fromToken(token) : deviceKey ? deps.auth.fromDeviceKey(deviceKey) : null;
    if (!principal) {
      const err = new Error('UNAUTHENTICATED') as Error & { data: unknown };
      err.data = errorBody('UNAUTHENTICATED');
      return next(err);
    }
    (socket.data as SocketData) = { principal, token, deviceKey: token ? null : deviceKey, ip: socket.handshake.address };
    next();
  });

  io.on('connection', (socket: Socket) => {
    const data = socket.data as SocketData;
    void socket.join(roomsOf(data.principal));
    // The health page tells the IT clerk when each screen last connected.
    if (data.principal.kind === 'device') deps.deviceSeen?.(data.principal.deviceId);
    socket.emit('hall:snapshot', deps.hall.snapshot());

    socket.on(SNAPSHOT_REQUEST, (ack: unknown) => {
      if (typeof ack === 'function') ack({ ok: true, data: deps.hall.snapshot() });
    });

    for (const name of COMMAND_NAMES) {
      socket.on(name, (input: unknown, ack: unknown) => {
        if (typeof ack !== 'function') return; // a command nobody waits for an answer to is malformed
        (ack as (a: Ack<unknown>) => void)(runCommand(name, input, data));
      });
    }
  });

  function runCommand(name: CommandName, input: unknown, data: SocketData): Ack<unknown> {
    // An officer's session is checked on every command, so a revoked or expired token stops at once.
    const principal = data.token ? deps.auth.fromToken(data.token) : data.principal;
    if (!principal) return { ok: false, error: errorBody('UNAUTHENTICATED') };
    const checker = checkers[name];
    if (!checker.Check(input)) {
      const details = [...checker.Errors(input)].slice(0, 20).map((e) => ({ path: e.path, message: e.message }));
      return { ok: false, error: errorBody('VALIDATION_FAILED', details) };
    }
    if (name === 'ticket:issue' && deps.issueLimits?.check(principal, data.ip))
      return { ok: false, error: errorBody('RATE_LIMITED') };
    try {
      return deps.hall.execute(name, input as { commandId: string }, principal);
    } catch (err) {
      deps.logger.error({ err, command: name }, 'socket command failed');
      return { ok: false, error: errorBody(isStorageFault(err) ? 'STORAGE_UNAVAILABLE' : 'INTERNAL') };
    }
  }

  const offFacts = deps.hall.onFacts((facts) => {
    for (const fact of facts) io.to('hall').emit(fact.type, fact);
  });
  // New settings: a screen whose key was removed or replaced is let go (it reconnects and is refused,
  // showing its set-up message), one whose counter changed rejoins its rooms; everyone adopts the new
  // view whole, so a kiosk offers a new queue at once.
  const offReconfigured = deps.hall.onReconfigured((view) => {
    for (const socket of io.of('/').sockets.values()) {
      const data = socket.data as SocketData;
      if (!data.deviceKey) continue;
      const now = deps.auth.fromDeviceKey(data.deviceKey);
      if (!now) {
        socket.disconnect(true);
        continue;
      }
      if (JSON.stringify(now) !== JSON.stringify(data.principal)) {
        for (const room of roomsOf(data.principal)) void socket.leave(room);
        data.principal = now;
        void socket.join(roomsOf(now));
      }
    }
    io.to('hall').emit('hall:snapshot', view);
  });
  return () => {
    offFacts();
    offReconfigured();
  };
}
