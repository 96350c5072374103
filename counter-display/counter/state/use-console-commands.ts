import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CommandInput, CommandName } from '../../../common/contract/commands.js';
import type { Ack, ErrorBody } from '../../../common/contract/errors.js';
import type { HallConnection } from '../../../ui/realtime/use-hall.js';
import { newCommandId } from '../../../ui/device-key.js';
import { LinkWatch, sendOnce, type CommandLink } from './command-sender.js';

/** A refusal is kept as the hub gave it and worded at render time, against the view of that moment. */
export type ConsoleMessage =
  | { readonly kind: 'refused'; readonly error: Pick<ErrorBody, 'code'>; readonly ticketId: string | null }
  | { readonly kind: 'info' | 'warn'; readonly text: string };

export interface ConsoleCommands {
  /** The command on its way, if any: every action waits for its answer. */
  readonly busy: CommandName | null;
  readonly message: ConsoleMessage | null;
  run<K extends CommandName, T = unknown>(
    name: K,
    input: Omit<CommandInput<K>, 'commandId'>,
    about?: { ticketId?: string | null; done?: string },
  ): Promise<Ack<T> | null>;
  say(message: ConsoleMessage | null): void;
}

const ANSWER_TIMEOUT_MS = 8000;

/**
 * Sends the officer's commands one at a time: a fresh command id per press, the same id for the
 * automatic retry after a lost link (sendOnce), nothing else accepted while one is in flight, and
 * a sign-out when the hub no longer knows the session.
 */
export function useConsoleCommands(hall: HallConnection, onSignedOut: () => void): ConsoleCommands {
  const [busy, setBusy] = useState<CommandName | null>(null);
  const [message, setMessage] = useState<ConsoleMessage | null>(null);
  const inFlight = useRef(false);
  const latest = useRef(hall);
  latest.current = hall;
  const watch = useMemo(() => new LinkWatch(), []);
  useEffect(() => watch.set(hall.connected), [hall.connected]);
  const link = useMemo<CommandLink>(
    () => ({
      send: (event, input) => latest.current.send(event, input, ANSWER_TIMEOUT_MS),
      whenConnected: (ms) => watch.whenConnected(ms),
    }),
    [],
  );

  return {
    busy,
    message,
    say: setMessage,
    async run(name, input, about) {
      // A ref, not the state: two clicks in one frame both see the state before either re-renders.
      if (inFlight.current) return null;
      inFlight.current = true;
      setBusy(name);
      try {
        const ack = await sendOnce<never>(link, name, { ...input, commandId: newCommandId() } as Record<string, unknown> & {
          commandId: string;
        });
        if (!ack.ok && ack.error.code === 'UNAUTHENTICATED') onSignedOut();
        else if (!ack.ok) setMessage({ kind: 'refused', error: ack.error, ticketId: about?.ticketId ?? null });
        else setMessage(about?.done ? { kind: 'info', text: about.done } : null);
        return ack;
      } finally {
        inFlight.current = false;
        setBusy(null);
      }
    },
  };
}
