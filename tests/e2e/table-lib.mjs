// Helpers of the workspace (device table) end-to-end tests: a signed-in page over rc-sim's
// generated sessions, the table's status line, and what the server still lists.
import { startSim, openBrowser, signIn, totp, USERS } from './lib.mjs';

/** rc-sim with 5,000 generated sessions; seed 3 (the e2e data set of the workspace). */
export const SIM_ARGS = ['--sessions', '5000', '--seed', '3'];

/** Starts rc-sim and a browser, signs in (at `path`, e.g. a bookmarked query) and waits for
 *  the loaded table. Fails the test on any `alert()`-style dialog the page opens. */
export async function signedIn({ path = '/', args = SIM_ARGS, contextOptions = {} } = {}) {
  const sim = await startSim(args);
  const ui = await openBrowser(contextOptions);
  const dialogs = [];
  ui.page.on('dialog', async (d) => { dialogs.push(`${d.type()}: ${d.message()}`); await d.dismiss(); });
  await ui.page.goto(sim.url + path);
  await signIn(ui.page, { code: totp() });
  // The whole load: a first load shows its first rows before the end.
  await ui.page.locator('header.rcdm-bar p.loaded', { hasText: /sessions? loaded/ }).waitFor();
  await ui.page.locator('table.devices tbody tr').first().waitFor();
  await ui.page.locator('.pager .status', { hasText: / of [\d,]+/ }).waitFor();
  return { sim, ...ui, dialogs, async close() { await ui.browser.close(); await sim.stop(); } };
}

/** The pager's status line, e.g. `26–50 of 1,234 (filtered from 5,006)`. */
export async function status(page) {
  return (await page.locator('.pager .status').textContent()).trim();
}

/** Waits until the status line matches. */
export async function statusMatches(page, re) {
  await page.locator('.pager .status', { hasText: re }).waitFor();
  return status(page);
}

/** `{ from, to, matched, total }` from the status line. */
export function parseStatus(text) {
  const n = (s) => Number(s.replaceAll(',', ''));
  const m = /^([\d,]+)–([\d,]+) of ([\d,]+)(?: \(filtered from ([\d,]+)\))?$/.exec(text);
  if (!m) return null;
  return { from: n(m[1]), to: n(m[2]), matched: n(m[3]), total: m[4] ? n(m[4]) : n(m[3]) };
}

/** Types a search and waits until the table shows its result (a `filtered from` line). */
export async function search(page, text) {
  const box = page.getByLabel('Search', { exact: true });
  await box.fill(text);
  if (text) await statusMatches(page, /filtered from|No matching/);
  return status(page);
}

/** Texts of one column on the current page (`client`, `user`, `id`, …). */
export async function column(page, key) {
  return (await page.locator(`table.devices tbody td.col.${key}`).allTextContents()).map((t) => t.trim());
}

/** Whether rc-sim still lists the session (asked with the admin's PAT, outside the page). */
export async function serverLists(sim, sessionId) {
  const url = `${sim.url}/api/v1/sessions/list.all?count=100&filter=${encodeURIComponent(sessionId)}`;
  const res = await fetch(url, {
    headers: { 'X-User-Id': USERS.adminPat.userId, 'X-Auth-Token': USERS.adminPat.token },
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`list.all: ${res.status} ${JSON.stringify(body)}`);
  return body.sessions.some((s) => s._id === sessionId);
}

/** Presses Tab until the focused element matches `selector` (keyboard only; bounded). */
export async function tabTo(page, selector, { max = 80, shift = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab');
  }
  const at = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab never reached ${selector}; focus is on ${at}`);
}

/** The focused element's accessible-ish name (aria-label, else text). */
export async function focused(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.getAttribute('aria-label') ?? a.textContent ?? '').trim() : '';
  });
}

/** Waits until the focused element's name (aria-label, else text) is `name`. */
export async function focusLandsOn(page, name) {
  await page.waitForFunction((want) => {
    const a = document.activeElement;
    return a && (a.getAttribute('aria-label') ?? a.textContent ?? '').trim() === want;
  }, name, { timeout: 5000 });
}
