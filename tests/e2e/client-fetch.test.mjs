// The complete load against a difficult rc-sim: 20,000 sessions while people log in, injected
// server faults, a rate limit that also binds admins, a slow server and Cancel, and the
// server-side narrowing of the sign-in form. Each test has its own rc-sim.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp, USERS, loadedCount, serverTotal } from './lib.mjs';

let sim;
let ui;
async function open(args = []) {
  sim = await startSim(args);
  ui = await openBrowser();
  await ui.page.goto(sim.url);
  return ui.page;
}
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
  ui = undefined;
  sim = undefined;
});

const shortfallNote = (page) => page.getByText(/could not be loaded|"Load at most" limit/);

test('20,000 sessions while 50 people a second log in: all of them, or an honest shortfall', async () => {
  // 40 ms a page keeps the load (200 pages, 6 at a time) on screen for seconds, so the
  // progress bar is still there to be read, and more logins land mid-fetch.
  const page = await open(['--sessions', '20000', '--login-rate', '50', '--latency-ms', '40']);
  await signIn(page, { code: totp() });
  // Progress in words and on a bar with its ARIA values.
  const bar = page.getByRole('progressbar', { name: 'Loading sessions' });
  await page.getByText(/^Loaded [\d,]+ of [\d,]+ sessions/).first().waitFor();
  assert.ok(Number(await bar.getAttribute('aria-valuemax')) >= 20000);
  assert.match(await bar.getAttribute('aria-valuetext'), /^Loaded [\d,]+ of [\d,]+ sessions/);
  const { loaded, total } = await loadedCount(page);
  assert.ok(total >= 20000, `total ${total}`);
  if (loaded !== total) {
    await shortfallNote(page).waitFor();
  } else {
    assert.equal(await shortfallNote(page).count(), 0);
  }
  assert.ok(await serverTotal(sim) >= total, 'the server kept growing, never shrank');
});

test('one request in five failing (500/503): retries still bring every session', async () => {
  const page = await open(['--sessions', '3000', '--fail-500', '0.1', '--fail-503', '0.1']);
  await signIn(page, { code: totp() });
  const { loaded, total } = await loadedCount(page);
  assert.ok(total >= 3000);
  assert.equal(loaded, total);
  assert.equal(await shortfallNote(page).count(), 0);
});

test('a rate limit that binds admins too: loading pauses and says so plainly', async () => {
  const page = await open(['--sessions', '1000', '--rate-limit', '5', '--rate-limit-admins']);
  await signIn(page, { ...USERS.adminPat, code: '' });
  const note = page.getByText(/^The server asked to slow down \(too many requests\): loading goes on by itself in about (\d+) seconds\.$/);
  await note.waitFor();
  const secs = Number(/about (\d+) seconds/.exec(await note.textContent())[1]);
  assert.ok(secs > 0 && secs <= 60, `${secs}`);
  // Still loading (not failed), and still cancellable.
  await page.getByText(/^Loaded [\d,]+ of 1,0\d\d sessions/).first().waitFor();
  assert.equal(await page.getByRole('alert').count(), 0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  // The first page's rows were on screen: they stay.
  await page.getByText('Loading was cancelled; the sessions read until then are shown.').waitFor();
});

test('Cancel on a slow server: a first load keeps the rows read so far, and a cancelled refresh keeps the rows', async () => {
  const page = await open(['--sessions', '2000', '--latency-ms', '200']);
  await signIn(page, { code: totp() });
  // The count comes with the first page, whose rows are on screen by then.
  await page.getByText(/^Loaded [\d,]+ of 2,0\d\d sessions/).first().waitFor();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Loading was cancelled; the sessions read until then are shown.').waitFor();
  assert.equal(await page.getByRole('progressbar').count(), 0);
  const note = page.getByText(/^Loading stopped before the end: ([\d,]+) of 2,0\d\d sessions are shown\.$/);
  await note.waitFor();
  const kept = Number(/end: ([\d,]+) of/.exec(await note.textContent())[1].replaceAll(',', ''));
  assert.ok(kept > 0 && kept < 2000, `${kept}`);
  const partly = await loadedCount(page);
  assert.equal(partly.loaded, kept);
  assert.ok(await page.locator('table tbody tr').count() > 0, 'the rows read stay');

  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  await page.locator('header.rcdm-bar p.loaded', { hasText: /^[\d,]+ sessions loaded/ }).waitFor();
  const before = await loadedCount(page);
  assert.equal(before.loaded, before.total);
  await page.locator('header.rcdm-bar').getByRole('button', { name: 'Refresh' }).click();
  await page.getByRole('progressbar', { name: 'Loading sessions' }).waitFor();
  await page.locator('.load-progress').getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('Loading was cancelled; the sessions loaded before are still shown.').waitFor();
  assert.deepEqual(await loadedCount(page), before);
  assert.ok(await page.locator('table tbody tr').count() > 0);
});

test('Advanced: "Load at most" stops at the newest N and says so; a server filter narrows the load', async () => {
  const page = await open(['--sessions', '2000']);
  await page.getByText('Advanced').click();
  await page.getByLabel('Load at most', { exact: true }).fill('150');
  await signIn(page, { code: totp() });
  const capped = await loadedCount(page);
  assert.equal(capped.loaded, 150);
  assert.ok(capped.total > 150);
  await page.getByText(`Showing the newest 150 of ${capped.total.toLocaleString('en-US')} sessions`).waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByText('Advanced').click();
  await page.getByLabel('Server filter', { exact: true }).fill('Windows');
  await signIn(page, { code: totp() });
  const filtered = await loadedCount(page);
  assert.ok(filtered.loaded > 0 && filtered.loaded < capped.total, JSON.stringify(filtered));
  assert.equal(filtered.loaded, filtered.total);
  await page.getByText('Server filter "Windows": only sessions matching it were loaded.').waitFor();
});
