// Rows on screen while a first load runs: the newest sessions show after the first page,
// search, sort, selection and paging work on them, bulk actions say they act on what is read
// so far, and the end of the load replaces the rows without losing the query, the selection
// or the focus.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp } from './lib.mjs';
import { parseStatus, status, statusMatches } from './table-lib.mjs';

let sim;
let ui;
after(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

test('a first load shows rows at once and ends without losing the admin\'s work', async () => {
  // 6,000 sessions at 100 a page and 300 ms each: the load takes seconds.
  sim = await startSim(['--sessions', '6000', '--seed', '3', '--latency-ms', '300']);
  ui = await openBrowser();
  const { page } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: totp() });

  const banner = page.locator('.note.partial');
  await page.locator('table.devices tbody tr').first().waitFor();
  await banner.waitFor();
  assert.match((await banner.textContent()).trim(), /^Loading… [\d,]+ of [\d,]+ — results so far$/);
  const early = parseStatus(await status(page));
  assert.ok(early.total < 6000, `rows before the end (${early.total})`);

  // The admin works with what is there: a search, a sort, a selection.
  const box = page.getByLabel('Search', { exact: true });
  await box.fill('chrome');
  await statusMatches(page, /filtered from/);
  // Client sorts ascending, then descending, then not at all: the rows in the order read.
  const client = page.locator('table.devices thead th', { hasText: 'Client' });
  const sorted = (dir) => page.locator(`table.devices thead th[aria-sort="${dir}"]`, { hasText: 'Client' });
  await client.click();
  await sorted('ascending').waitFor();
  await client.click();
  await sorted('descending').waitFor();
  await client.click();
  await page.locator('table.devices thead th[aria-sort="ascending"], table.devices thead th[aria-sort="descending"]')
    .first().waitFor({ state: 'detached' });
  const first = page.locator('table.devices tbody tr').first();
  const id = (await first.locator('td.col.id').textContent()).trim();
  assert.match(await page.locator('thead input[type=checkbox]').getAttribute('aria-label'),
    /^Select all [\d,]+ matching devices read so far$/);
  await first.locator('input[type=checkbox]').check();
  await page.locator('.bulk', { hasText: '1 selected' }).waitFor();
  assert.match(await page.locator('.bulk').textContent(), /read so far/);
  await client.click();
  await sorted('ascending').waitFor();
  await box.focus();
  assert.ok(await banner.isVisible(), 'all of this happened while loading');

  // The end of the load: the same view over every session.
  await banner.waitFor({ state: 'detached', timeout: 120000 });
  const done = parseStatus(await statusMatches(page, /filtered from [\d,]+\)$/));
  assert.ok(done.total > early.total && done.total >= 6000, `every session now (${done.total})`);
  assert.equal(await box.inputValue(), 'chrome');
  assert.ok(await page.evaluate(() => document.activeElement?.getAttribute('type') === 'search'),
    'focus stays in the search box');
  await sorted('ascending').waitFor();
  const bulk = (await page.locator('.bulk').textContent()).trim();
  assert.ok(bulk.startsWith('1 selected') && !/read so far/.test(bulk), bulk);
  // Back to the order read: the row selected while loading is still first, still selected.
  await client.click();
  await sorted('descending').waitFor();
  await client.click();
  await sorted('descending').waitFor({ state: 'detached' });
  const again = page.locator('table.devices tbody tr').first();
  assert.equal((await again.locator('td.col.id').textContent()).trim(), id);
  assert.ok(await again.locator('input[type=checkbox]').isChecked(), 'the selection stays');
  assert.match(await page.locator('.rcdm-bar .loaded').textContent(), /^[\d,]+ sessions loaded/);
});
