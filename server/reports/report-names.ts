import type { SiteConfig } from '../config/site-config-schema.js';

/**
 * What a report names its rows with, from the site config as it stands: queues, counters (with
 * their numbers) and officers. A row whose id is no longer here (a counter since removed) keeps
 * its figures under its id.
 */
export interface ReportNames {
  readonly queues: readonly { readonly id: string; readonly name: string }[];
  readonly counters: readonly { readonly id: string; readonly number: number; readonly name: string }[];
  readonly officers: readonly { readonly id: string; readonly name: string; readonly role: string }[];
}

export function siteReportNames(site: Pick<SiteConfig, 'queues' | 'counters' | 'officers'>): ReportNames {
  return {
    queues: site.queues.map((q) => ({ id: q.id, name: q.name })),
    counters: site.counters.map((c) => ({ id: c.id, number: c.number, name: c.name })),
    officers: site.officers.map((o) => ({ id: o.id, name: o.name, role: o.role })),
  };
}
