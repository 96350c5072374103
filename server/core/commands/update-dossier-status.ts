import type { CommandInput } from '../../../common/contract/commands.js';
import { accept, refuse, type DecideContext, type Decision } from '../decision.js';
import type { HallState } from '../hall-state.js';
import { actingCounter } from './counter-guard.js';

/** What the hub adds before deciding: the dossier's status as the hall knows it (null: unknown here). */
export type UpdateDossierStatusInput = Omit<CommandInput<'dossier:update-status'>, 'commandId'> & {
  readonly dossier?: { readonly status: number } | null;
};

/**
 * The steps the one-stop counter itself takes on a dossier (TrangThaiHoSo): refuse one just received
 * (2 -> 3), ask for more papers (2 or 4 -> 5), hand the result over (9 -> 10). Anything else is the
 * province's to decide; a step that does not follow the dossier's status is refused.
 */
const FROM: Readonly<Record<3 | 5 | 10, readonly number[]>> = { 3: [2], 5: [2, 4], 10: [9] };

export function updateDossierStatus(
  state: HallState,
  input: UpdateDossierStatusInput,
  ctx: DecideContext,
): Decision<{ code: string; status: number }> {
  const guard = actingCounter(state, input.counterId, ctx.actor, 'open-or-paused');
  if (!guard.ok) return guard;
  if (!input.dossier) return refuse('DOSSIER_NOT_FOUND');
  if (!FROM[input.status].includes(input.dossier.status)) return refuse('DOSSIER_STATUS_CONFLICT');
  return accept(
    [
      {
        type: 'dossier:progressed',
        at: ctx.now,
        code: input.code,
        from: input.dossier.status,
        to: input.status,
        counterId: input.counterId,
        officerId: guard.runtime.officerId,
        note: input.note ?? null,
      },
    ],
    { code: input.code, status: input.status },
  );
}
