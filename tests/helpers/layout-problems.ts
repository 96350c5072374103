import type { Page } from 'playwright-core';

/**
 * Checks a kiosk screen the way the issue asks, and as a citizen would meet it: nothing scrolls
 * (sideways or down: a kiosk has no scroll bar anyone would find, so the footer must fit too), no
 * touch target under 64 px, base text at least 24 px.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const widest = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (widest > window.innerWidth) problems.push(`scrolls sideways: ${widest}px of ${window.innerWidth}px`);
    // body has overflow-x hidden, which makes it its own scroll box: measure it as well as the page.
    const tallest = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
    if (tallest > window.innerHeight) problems.push(`scrolls down: ${tallest}px of ${window.innerHeight}px`);
    for (const el of Array.from(document.querySelectorAll('button, a, [role=button]'))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.width < 64 || r.height < 64))
        problems.push(`small target "${el.textContent?.trim()}" ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    const body = parseFloat(getComputedStyle(document.body).fontSize);
    if (body < 24) problems.push(`base text ${body}px`);
    return problems;
  });
}
