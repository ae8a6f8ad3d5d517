// The thin slice, end to end: sign in through the browser against rc-sim, see the rows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSim, openBrowser, signIn, totp, wrongCode } from './lib.mjs';

let sim;
let ui;
before(async () => {
  sim = await startSim();
  ui = await openBrowser();
});
after(async () => {
  await ui?.browser.close();
  await sim?.stop();
});

test('signing in with a real TOTP code shows the contract example row', async () => {
  const { page, errors } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: totp() });
  const row = page.locator('table tbody tr').first();
  await row.waitFor();
  const headers = await page.locator('table thead th').allTextContents();
  assert.deepEqual(headers.map((h) => h.trim()),
    ['Client', 'Version', 'OS', 'User', 'Last login', 'Device ID', 'IP address']);
  const cells = (await row.locator('td').allTextContents()).join(' | ');
  for (const want of ['Chrome', 'Windows 10', 'testroxie', 'o94SveQp6fyPsoiNC', '172.20.0.2']) {
    assert.ok(cells.includes(want), `row lacks ${want}: ${cells}`);
  }
  assert.deepEqual(errors, []);
});

test('a wrong 2FA code says so and keeps the form', async () => {
  const { page } = ui;
  await page.goto(sim.url);
  await signIn(page, { code: wrongCode() });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /two-factor code was not accepted/i);
  assert.equal(await page.getByLabel('User ID').count(), 1);
  assert.equal(page.url().includes('token'), false);
});
