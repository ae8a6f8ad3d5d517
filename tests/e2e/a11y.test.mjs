// Accessibility, proved: axe-core (WCAG 2.0/2.1/2.2 A and AA rules, injected from
// node_modules, no network) on every view of the app in light and dark and at 1440 and 390 px,
// failing on any serious or critical violation; the details panel never hides a row's logout;
// and the live regions a screen reader hears: load progress throttled and once at the end,
// search counts after typing stops, each toast. One server, one browser, one page: the views
// follow each other as an admin would meet them, and each is checked in all four looks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { startSim, openBrowser, signIn, totp, simControl, loadedCount, whenLoaded } from './lib.mjs';
import { status, statusMatches, parseStatus } from './table-lib.mjs';

const axe = createRequire(import.meta.url)('axe-core');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'];
const WIDTHS = [[1440, 900], [390, 844]];
// The announcer's minimum gap between two progress sentences (src/ui/progress.rs).
const PROGRESS_EVERY_MS = 3000;

let sim;
let ui;
/** Every serious or critical violation found, across all views: printed and asserted once
 *  per test so that one run lists them all. */
const found = [];

before(async () => {
  // rc-sim at its default cap of 100 a page: 5,000 sessions are 50 pages.
  sim = await startSim(['--sessions', '5000', '--seed', '3', '--test-control']);
  ui = await openBrowser({ viewport: { width: 1440, height: 900 } });
});
after(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

/** Runs axe on the page as it is; returns the serious and critical violations. */
async function axeNow(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
  const res = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ impact: n.impact, target: n.target.join(' '), summary: n.failureSummary })),
    }));
  }, TAGS);
  return res.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Checks the current view in light and dark at both widths; `ready` (optional) asserts the
 *  view is still the one meant after each look (a load may end while it is being checked). */
async function checkView(name, ready = async () => {}) {
  const { page } = ui;
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme });
      for (const v of await axeNow(page)) {
        for (const n of v.nodes) {
          const line = `${name} · ${theme} · ${width}px: ${v.id} (${n.impact ?? v.impact}) ${n.target}\n    ${v.help}\n    ${(n.summary ?? '').replaceAll('\n', '\n    ')}`;
          // Printed as found, so a later failure in the same test still shows them.
          console.log(`axe violation: ${line}`);
          found.push(line);
        }
      }
      await ready();
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ colorScheme: 'light' });
}

function assertNoneFound() {
  const list = found.splice(0);
  assert.equal(list.length, 0, `serious or critical violations:\n${list.join('\n')}`);
}

/** Records, from now on, every text a live region of `selector` takes (MutationObserver). */
async function listen(page, key, selector) {
  await page.evaluate(([key, selector]) => {
    const seen = (window.__heard ??= {})[key] = [];
    const note = () => {
      for (const el of document.querySelectorAll(selector)) {
        const t = el.textContent.trim();
        if (t && seen[seen.length - 1] !== t) seen.push(t);
      }
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
    note();
  }, [key, selector]);
}
const heard = (page, key) => page.evaluate((key) => window.__heard?.[key] ?? [], key);

/** Whether a click at the element's centre lands on it, as it is now (no scrolling): on
 *  screen, not covered by the panel, not clipped by a scroll area. */
function hits(locator) {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit === el || el.contains(hit);
  });
}

/** Scrolls the page (not the table sideways) until the element's row is at the top. */
async function rowToTop(locator) {
  await locator.evaluate((el) => {
    const main = el.closest('.ws-main');
    if (main) main.scrollLeft = 0;
    el.closest('tr').scrollIntoView({ block: 'start', inline: 'nearest' });
  });
}

test('sign-in, 2FA prompt and loading: no serious violation; progress announced throttled and once at the end', async () => {
  const { page } = ui;
  await page.goto(sim.url);
  await page.getByRole('button', { name: 'Load sessions' }).waitFor();
  await checkView('sign-in');

  // No code on the form: the server asks, the prompt opens.
  await signIn(page, { code: '' });
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Code from your authenticator app').waitFor();
  await checkView('2FA prompt');

  // A slow server, so the load shows its progress for a while (50 pages, 6 at a time).
  await simControl(sim, 'faults', { latency_ms: 1200 });
  await listen(page, 'progress', '.load-progress .progress-text');
  await listen(page, 'load', '.rcdm [data-announce="load"]');
  await dialog.getByLabel('Code from your authenticator app').fill(totp());
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  const progress = page.locator('.load-progress');
  await progress.waitFor();
  await checkView('loading', async () => {
    assert.ok(await progress.isVisible(), 'the load ended before every look at it was checked');
  });
  // The whole load (a first load shows its first rows before the end).
  await whenLoaded(page);
  const took = Date.now() - started;
  await simControl(sim, 'faults', {});
  const { loaded, total } = await loadedCount(page);
  const n = (v) => v.toLocaleString('en-US');
  const end = `Loading done: ${loaded === total ? n(total) : `${n(loaded)} of ${n(total)}`} sessions.`;
  await page.waitForFunction((end) => window.__heard.load.at(-1) === end, end);
  const said = await heard(page, 'load');
  const shown = await heard(page, 'progress');
  console.log(`load of ${total} sessions in ${took} ms: ${shown.length} progress texts shown, ${said.length} announced:\n  ${said.join('\n  ')}`);
  assert.equal(said.filter((t) => t.startsWith('Loading done')).length, 1, 'the end is announced once');
  assert.ok(said.slice(0, -1).every((t) => t.startsWith('Loading: ')), 'progress before the end');
  // Progress reaches the screen at most once a frame, and the six answers of a
  // latency-bound round (1.2 s, six pages in flight) may land in one: at least one text per
  // round of pages.
  const rounds = Math.ceil(total / 100 / 6);
  assert.ok(shown.length >= rounds - 1, `a round-by-round progress to throttle (${shown.length} texts, ${rounds} rounds)`);
  assert.ok(said.length <= Math.ceil(took / PROGRESS_EVERY_MS) + 2,
    `at most one announcement every ${PROGRESS_EVERY_MS} ms: ${said.length} in ${took} ms`);
  assert.ok(said.length * 2 <= shown.length + 1,
    `fewer announcements (${said.length}) than progress steps (${shown.length}), at most one per 2.5 rounds`);
  assertNoneFound();
});

test('table, filters, details, logout dialogs: no serious violation; a row\'s logout stays reachable with details open', async () => {
  const { page } = ui;
  await page.locator('.pager .status', { hasText: / of [\d,]+/ }).waitFor();
  await checkView('table');

  await page.locator('button.filters-toggle').click();
  await page.locator('fieldset.filters').waitFor();
  await checkView('filters open');
  await page.locator('button.filters-toggle').click();
  await page.locator('fieldset.filters').waitFor({ state: 'detached' });

  await page.locator('button.findings-toggle').click();
  await page.locator('section.findings').waitFor();
  await checkView('findings panel');
  await page.locator('button.findings-toggle').click();
  await page.locator('section.findings').waitFor({ state: 'detached' });

  const row = page.locator('table.devices tbody tr').nth(2);
  await row.locator('td.col.client').click();
  const panel = page.locator('aside.details');
  await panel.getByText('Up to date').waitFor();
  await checkView('details');

  // The details panel never hides the row or its logout. At 1440 px the row's own button is
  // in sight with the table scrolled fully left (it stays at the table area's right edge);
  // at 390 px the panel is a sheet over the lower screen and the row's column is hidden
  // (its logout is the panel's), and the row can still be scrolled up above the sheet.
  const selected = page.locator('table.devices tbody tr[tabindex="0"]');
  for (const [width, height] of WIDTHS) {
    await page.setViewportSize({ width, height });
    await panel.waitFor();
    await rowToTop(selected.locator('td.sel'));
    if (width > 420) {
      assert.ok(await hits(selected.locator('td.act button.logout')), `the row's Log out in sight at ${width} px`);
    }
    assert.ok(await hits(selected.locator('td.col.client')), `the row above the panel at ${width} px`);
    const panelLogout = panel.getByRole('button', { name: 'Log out device' });
    await panelLogout.scrollIntoViewIfNeeded();
    assert.ok(await hits(panelLogout), `the panel's Log out at ${width} px`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  // Focus order follows the layout: the table's row stop, then the panel.
  await selected.focus();
  const order = [];
  for (let i = 0; i < 40 && order.at(-1) !== 'Close details'; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent.trim()));
  }
  assert.equal(order.at(-1), 'Close details', `Tab from the row reaches the panel: ${order.join(' → ')}`);

  // The single logout dialog, then confirmed: the toast is announced.
  await listen(page, 'toast', '.rcdm .toasts[role="status"]');
  await panel.getByRole('button', { name: 'Log out device' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await checkView('logout dialog');
  await dialog.locator('.dialog-actions button.danger').click();
  await page.waitForFunction(() => (window.__heard.toast ?? []).some((t) => /logged out/i.test(t)));
  assert.ok((await heard(page, 'toast')).some((t) => /logged out/i.test(t)), 'the toast is in the live region');
  await dialog.waitFor({ state: 'detached' });

  // The bulk dialog for two selected rows.
  const boxes = page.locator('table.devices tbody td.sel input[type="checkbox"]');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Log out 2 devices' }).click();
  await dialog.waitFor();
  await checkView('bulk logout dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Clear selection' }).click();

  // A bulk run's report (with its verification), then the logout record; not the admin's
  // own rows (their logout asks once more).
  const others = page.locator('table.devices tbody tr:not(.mine) td.sel input[type="checkbox"]');
  await others.nth(0).check();
  await others.nth(1).check();
  await page.getByRole('button', { name: 'Log out 2 devices' }).click();
  await dialog.locator('.dialog-actions button.danger').click();
  await dialog.locator('.verify', { hasText: 'Verified' }).waitFor();
  await checkView('logout report');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('button.log-toggle').click();
  await page.locator('section.logout-log tbody tr').first().waitFor();
  await checkView('logout record');
  await page.locator('button.log-toggle').click();
  assertNoneFound();
});

test('overview, group by user, empty state, error state: no serious violation; search counts announced after typing stops', async () => {
  const { page } = ui;
  const panelClose = page.getByRole('button', { name: 'Close details' });
  if (await panelClose.count()) await panelClose.click();

  await page.getByRole('button', { name: 'Overview' }).click();
  await page.locator('.overview .chart g.bar').first().waitFor();
  await checkView('overview');

  await page.getByRole('button', { name: 'Group by user' }).click();
  await page.locator('.groups .group').first().waitFor();
  await page.locator('.groups .group .expander').first().click();
  await page.locator('.groups .group-rows').first().waitFor();
  await checkView('group by user');

  await page.getByRole('button', { name: 'Table' }).click();
  await page.locator('table.devices tbody tr').first().waitFor();

  // Typing a search, key by key: the count is announced once typing stops, not per key.
  await listen(page, 'count', '.rcdm [data-announce="count"]');
  const box = page.getByLabel('Search', { exact: true });
  await box.click();
  await page.keyboard.type('firefox', { delay: 120 });
  const result = parseStatus(await statusMatches(page, /filtered from/));
  const sentence = `${result.matched.toLocaleString('en-US')} sessions match`;
  await page.waitForFunction((s) => (window.__heard.count ?? []).at(-1) === s, sentence);
  // Seven keys, seven counts on screen; said once the typing stopped (twice at most, should
  // the busy machine pause between two keys for longer than the second it waits).
  const counts = await heard(page, 'count');
  assert.ok(counts.length <= 2, `announced after typing stops, not per key: ${counts.join(' | ')}`);

  // The empty state.
  await box.fill('no-such-device-anywhere');
  await page.getByText('No sessions match').waitFor();
  await page.waitForFunction(() => (window.__heard.count ?? []).at(-1) === 'None of the sessions match');
  await checkView('empty state');
  await page.locator('.empty').getByRole('button', { name: 'Clear filters' }).click();
  await statusMatches(page, /^1–25 of [\d,]+$/);

  // An error state: the server's 2FA window runs out, the prompt is cancelled.
  await simControl(sim, 'expire-2fa', {});
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alert').getByText(/asks for a two-factor code/).waitFor();
  await checkView('error state');
  assert.ok(parseStatus(await status(page)).total > 0, 'the rows stay under the error');

  // The views above were dark through the system's preference (theme "auto"); a host's
  // theme: 'dark' on a light system must give exactly the same colours (base.css has both).
  const colours = () => page.evaluate(() => {
    const css = getComputedStyle(document.querySelector('.rcdm'));
    return ['bg', 'fg', 'muted', 'border', 'control-border', 'accent', 'on-accent', 'danger', 'on-danger', 'row-hover']
      .map((k) => `${k} ${css.getPropertyValue(`--rcdm-${k}`).trim()}`);
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  const auto = await colours();
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await colours();
  await page.evaluate(() => document.querySelector('.rcdm').setAttribute('data-theme', 'dark'));
  assert.deepEqual(await colours(), auto, 'theme "dark" is the system dark');
  assert.notDeepEqual(auto, light);
  await page.evaluate(() => document.querySelector('.rcdm').setAttribute('data-theme', 'auto'));
  // The server's refusals (the 2FA answers) are console lines of their own; nothing else.
  assert.deepEqual(ui.errors.filter((e) => !/^Failed to load resource: the server responded with a status of 40[01]/.test(e)), []);
  assertNoneFound();
});
