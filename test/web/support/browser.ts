/**
 * Debian's chromium driven by playwright-core, with the flags this closed network needs, and a
 * watch on every page: console errors, page errors and 5xx answers are collected and must stay empty.
 * Under CI=true a missing browser fails; elsewhere the browser tests skip, saying so.
 */
import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { sessionCookieName } from '../../../src/auth/session.js';
import { password } from './seed.js';

export const chromiumPath = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
export const haveBrowser = existsSync(chromiumPath);

/** Throws under CI when the browser is missing; otherwise says the tests skip. */
export function browserAvailable(): boolean {
  if (haveBrowser) return true;
  if (process.env.CI === 'true') throw new Error(`CI 需要浏览器 ${chromiumPath}（.ci/run 会安装 chromium）`);
  console.warn(`跳过网页端到端测试：没有找到 ${chromiumPath}（apt-get install chromium）`);
  return false;
}

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and 5xx answers seen so far. */
  problems: string[];
}

/** A context (signed in as `username` through the API when given) and a watched page. */
export async function openPage(browser: Browser, baseURL: string, username?: string): Promise<Watched> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 860 },
    // Charts draw at once (no animation), so pages and screenshots show their final state.
    reducedMotion: 'reduce',
    acceptDownloads: true,
  });
  if (username) {
    const res = await fetch(`${baseURL}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    await context.addCookies([{ name: sessionCookieName, value: token, url: baseURL }]);
  }
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('console', (m) => {
    // The browser's own line for a 4xx answer is the API refusing as designed (shown to the user);
    // 5xx answers are caught below.
    if (
      m.type() === 'error' &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      problems.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return { context, page, problems };
}

/** Serious or critical accessibility violations on the page as it is now. */
/** What the page's `document.getAnimations()` gives, as far as waiting for them needs (no DOM types here). */
interface PageAnimation {
  playState: string;
  effect: { getTiming(): { iterations?: number } } | null;
}

export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are measured as painted: a drawer or dialog fading in is half transparent, so wait for
  // every finite animation and transition to end (spinners run forever and are left running).
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): PageAnimation[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  // A toast is checked while it fades in (half transparent): leave it out.
  const result = await new AxeBuilder({ page }).exclude('.ant-message').analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}
