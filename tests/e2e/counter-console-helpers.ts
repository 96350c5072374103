import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/test-hub.js';

/** The desk PC screens the console is built for. */
export const DESK_SMALL = { width: 1366, height: 768 };
export const DESK_LARGE = { width: 1920, height: 1080 };

/**
 * Signs in at /counter/ as an officer would: by the labelled fields and the button. These are the
 * selectors another test can use too (see the report of issue 4).
 */
export async function signInAt(page: Page, baseUrl: string, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/counter/`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

/** Opens counter `n` from the choose-a-counter screen and waits for its console. */
export async function openCounter(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: `Mở quầy ${n}`, exact: true }).click();
  await page.getByTestId('current-ticket').waitFor();
}

/**
 * What would make an officer hunt or squint on the console: the page scrolling (only the lists may
 * scroll inside themselves), text cut off in a button or title, a target smaller than 44 px, text
 * under 15 px.
 */
export async function consoleLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    // body has overflow-x hidden, which makes it its own scroll box: measure it as well as the page.
    const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    const tall = Math.max(document.documentElement.scrollHeight, document.body.scrollHeight);
    if (wide > window.innerWidth) problems.push(`scrolls sideways: ${wide}px of ${window.innerWidth}px`);
    if (tall > window.innerHeight) problems.push(`scrolls down: ${tall}px of ${window.innerHeight}px`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, input, label.choice'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (el.tagName !== 'INPUT' && (r.width < 44 || r.height < 44))
        problems.push(`small target "${el.textContent?.trim()}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`text cut in "${el.textContent?.trim()}"`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('h1, h2, .current-number, .action-label'))) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
        problems.push(`text overflows "${el.textContent?.trim()}"`);
    }
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (!el.childNodes.length || !Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 15) problems.push(`small text ${size}px "${el.textContent?.trim().slice(0, 30)}"`);
    }
    return problems;
  });
}
