import { useEffect, useState } from 'preact/hooks';
import { hubRequest } from './hub-api.js';

export interface SatisfactionToday {
  readonly scaleId: string;
  readonly levels: Readonly<Record<string, number>>;
  readonly rated: number;
  readonly notRated: number;
  readonly satisfactionRate: number | null;
}

interface Row extends SatisfactionToday {
  readonly counterId: string;
  readonly officerId: string | null;
}

/**
 * The officer's own ratings today at this counter, fetched again whenever `trigger` changes (the
 * console passes something that moves when a rating is given or a chance lapses), and on reconnect.
 * The scale with the most answers wins when a switch of scale happened today.
 */
export function useSatisfaction(
  token: string,
  counterId: string,
  officerId: string,
  trigger: string,
  connected: boolean,
): SatisfactionToday | null {
  const [today, setToday] = useState<SatisfactionToday | null>(null);
  useEffect(() => {
    if (!connected) return;
    let live = true;
    void hubRequest<{ rows: Row[] }>('GET', '/api/surveys/satisfaction', token).then((ack) => {
      if (!live || !ack.ok) return;
      const mine = ack.data.rows
        .filter((r) => r.counterId === counterId && r.officerId === officerId)
        .sort((a, b) => b.rated + b.notRated - (a.rated + a.notRated));
      setToday(mine[0] ?? null);
    });
    return () => {
      live = false;
    };
  }, [token, counterId, officerId, trigger, connected]);
  return today;
}
