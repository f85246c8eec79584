import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { freePort } from '../../src/db/embedded';
import { startTestApp, type TestApp } from './app';

const WEB_DIST = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserTest extends TestApp {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page open on the app. */
  newPage(): Promise<Page>;
}

/**
 * The built web app served by the real server on a free port, and headless Debian Chromium.
 * A missing browser or web build fails the test: end-to-end tests never skip themselves.
 */
export async function startBrowserTest(): Promise<BrowserTest> {
  if (!existsSync(`${WEB_DIST}/index.html`)) throw new Error(`no web build at ${WEB_DIST}: run npm run build`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ webDist: WEB_DIST, publicUrl: baseUrl, port });
  await t.app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return {
    ...t,
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', viewport: { width: 1366, height: 800 } });
      // Generous: CI shares two cores with the database, the server and Chromium.
      context.setDefaultTimeout(30_000);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs in through the login form the way a user does. */
export async function signInThroughForm(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/');
  await page.getByPlaceholder('登录名 / 邮箱 / 手机号').fill(login);
  await page.locator('input[type=password]').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.locator('[data-testid="current-user"], [data-testid="forced-password-change"]').first().waitFor();
}

/** The screen a user with a temporary password meets first: choose a new one, then the app opens. */
export async function chooseNewPasswordThroughForm(page: Page, temporary: string, chosen: string): Promise<void> {
  const form = page.getByTestId('forced-password-change');
  const inputs = form.locator('input[type=password]');
  await inputs.nth(0).fill(temporary);
  await inputs.nth(1).fill(chosen);
  await inputs.nth(2).fill(chosen);
  await form.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByTestId('current-user').waitFor();
}

const OPEN_DROPDOWN = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

export interface ChooseOptions {
  /** Typed into the select's search first, to filter a long list. */
  search?: string;
  /** Typed too, for pickers that ask the server as one types: the pick waits for the answer. */
  serverSearch?: string;
  /** What shows once the pick took; by default the select showing the option's text. */
  took?: Locator;
}

/**
 * Picks an option of an antd select the way a user does, and makes sure it took. On a busy machine
 * a click can land while the dropdown is still opening, or while a server search replaces the
 * options under the pointer; so the pick waits for the search's answer and is retried until `took`
 * shows. A pick that already took is never clicked again (that would undo it in a multiple select).
 */
export async function chooseOption(page: Page, select: Locator, option: string | RegExp, { search, serverSearch, took }: ChooseOptions = {}): Promise<void> {
  const shown = (took ?? select.locator('.ant-select-content').filter({ hasText: option })).first();
  for (let attempt = 0; ; attempt++) {
    if (await shown.isVisible()) return;
    if (attempt === 0 || !(await page.locator(OPEN_DROPDOWN).first().isVisible())) await select.click();
    if (serverSearch !== undefined) {
      const answered = page.waitForResponse((r) => decodeURIComponent(r.url()).includes(serverSearch), { timeout: 10_000 }).catch(() => null);
      await select.locator('input').last().fill(serverSearch);
      await answered;
    } else if (search !== undefined) {
      await select.locator('input').last().fill(search);
    }
    await page.locator(`${OPEN_DROPDOWN} .ant-select-item-option`).filter({ hasText: option }).first().click();
    try {
      await shown.waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Picks an item of an antd dropdown menu (the list's view switcher …) and makes sure it took:
 * `took()` starts waiting for the sign that it did (the list's request for the view) and rejects
 * when that does not come. On a busy machine a click can land while the menu is still opening or
 * already closing and do nothing; then the menu is opened again and the item clicked again.
 */
export async function chooseMenuItem(opener: Locator, item: Locator, took: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    // The first time the menu is opened whatever shows: the last pick's menu may still be fading out.
    if (attempt === 0 || !(await item.isVisible())) await opener.click();
    const done = took();
    done.catch(() => {}); // awaited below; a click that throws first must not leave it unhandled
    await item.click();
    try {
      await done;
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Clicks a button until `sign` shows what the click does (a dialog's result …): on a busy machine a
 * click can land while a dialog is still settling and do nothing. A click that is already on its
 * way shows the button loading, and another click on it does nothing either.
 */
export async function clickUntil(button: Locator, sign: Locator): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (await sign.isVisible()) return;
    // The sign may come (and the button go) between the look and the click: then the click gives up.
    await button.click({ timeout: 5_000 }).catch(() => {});
    try {
      await sign.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Picks a node of an antd tree select (所属部门 …) by its title and makes sure it took, retrying a
 * click that landed while the dropdown was still opening.
 */
export async function chooseTreeNode(page: Page, field: Locator, title: string): Promise<void> {
  const select = page.locator('.ant-select').filter({ has: field }).last();
  for (let attempt = 0; ; attempt++) {
    await field.click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree').getByTitle(title, { exact: true }).click();
    try {
      await select.locator('.ant-select-content').filter({ hasText: title }).first().waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** Drags with the mouse the way a user does: press, move in small steps (dnd-kit waits for 5 px), release. */
export async function dragTo(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + 80, { steps: 15 });
  await page.mouse.up();
}
