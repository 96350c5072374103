import type { SiteConfig } from './site-config-schema.js';

const PAGE_OF: Readonly<Record<string, string>> = {
  kiosk: '/kiosk/',
  display: '/display/',
  survey: '/survey/',
};

/**
 * The start page of every screen the site declares, with its key, as the IT clerk types it into
 * the box behind each screen once (the page keeps the key afterwards). A counter screen's address
 * names its counter by number, as it is labelled on the desk.
 */
export function screenAddresses(site: SiteConfig, base: string): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const d of site.devices) {
    if (!d.key) continue;
    const key = `key=${encodeURIComponent(d.key)}`;
    if (d.kind === 'counter-screen') {
      const counter = site.counters.find((c) => c.id === d.counterId);
      out.push({ name: d.name, url: `${base}/counter/screen?counter=${counter?.number ?? ''}&${key}` });
    } else if (d.kind === 'survey') {
      const counter = site.counters.find((c) => c.id === d.counterId);
      out.push({ name: d.name, url: `${base}/survey/?counter=${counter?.number ?? ''}&${key}` });
    } else {
      const page = PAGE_OF[d.kind];
      if (page) out.push({ name: d.name, url: `${base}${page}?${key}` });
    }
  }
  return out;
}
