import type { CommandName } from '../../common/contract/commands.js';
import type { Role } from './principal.js';

const STAFF: readonly Role[] = ['officer', 'supervisor', 'admin'];

/**
 * Which roles may send which command. Screens are narrow on purpose: a kiosk only issues tickets,
 * and a hall display or counter screen sends no command at all, so a stolen display key can never
 * call or cancel a ticket. Which counter an officer may act on is a domain rule, checked in the core.
 */
export const COMMAND_ROLES: { readonly [K in CommandName]: readonly Role[] } = {
  'ticket:issue': ['kiosk', ...STAFF],
  'ticket:call-next': STAFF,
  'ticket:call-specific': STAFF,
  'ticket:recall': STAFF,
  'ticket:start': STAFF,
  'ticket:finish': STAFF,
  'ticket:skip': STAFF,
  'ticket:transfer': STAFF,
  'ticket:return': STAFF,
  'ticket:cancel': STAFF,
  'counter:open': STAFF,
  'counter:pause': STAFF,
  'counter:resume': STAFF,
  'counter:close': STAFF,
  // Only the citizen rates: through the survey terminal or button pad beside the counter, never staff.
  'survey:rate': ['survey'],
  'dossier:receive': STAFF,
  'dossier:update-status': STAFF,
};

export function mayRun(role: Role, command: CommandName): boolean {
  return COMMAND_ROLES[command].includes(role);
}
