/** A class of citizens served first (người cao tuổi, người khuyết tật, …); the list is site config. */
export interface PriorityClass {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

/**
 * strict: a waiting priority ticket is always called before normal ones.
 * interleave: after `every` normal calls at a counter, the next call goes to a priority ticket.
 * In both modes a ticket (of any class) that has waited `ageCapMinutes` goes first, oldest first,
 * so that no citizen waits without bound behind a stream of others.
 */
export type PriorityMode = { readonly kind: 'strict' } | { readonly kind: 'interleave'; readonly every: number };

export interface PriorityPolicy {
  readonly mode: PriorityMode;
  readonly ageCapMinutes: number;
  readonly classes: readonly PriorityClass[];
}
