// The thin slice, end to end: sign in through the browser against rc-sim, see the rows.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp, wrongCode } from './lib.mjs';

// A fresh server per test: a remembered 2FA window from one test must not help the next.
let sim;
let ui;
beforeEach(async () => {
  sim = await startSim();
  ui = await openBrowser();
});
afterEach(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

test('signing in with a real TOTP code shows the contract example row', async () => {
  const { page, errors } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: totp() });
  const row = page.locator('table tbody tr', { hasText: 'o94SveQp6fyPsoiNC' });
  await row.waitFor();
  const headers = await page.locator('table thead th').allTextContents();
  assert.deepEqual(headers.map((h) => h.trim()),
    ['Client', 'Version', 'OS', 'User', 'Last login', 'Device ID', 'IP address']);
  const cells = (await row.locator('td').allTextContents()).join(' | ');
  for (const want of ['Chrome', '113.0.0', 'Windows 10', 'testroxie', '172.20.0.2']) {
    assert.ok(cells.includes(want), `row lacks ${want}: ${cells}`);
  }
  assert.deepEqual(errors, []);
});

test('a wrong 2FA code says so and keeps what was typed', async () => {
  const { page } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: wrongCode() });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /two-factor code was not accepted/i);
  assert.equal(await page.getByLabel('User ID').inputValue(), 'rcsimAdminUser001');
  assert.equal(page.url().includes('token'), false);
});
