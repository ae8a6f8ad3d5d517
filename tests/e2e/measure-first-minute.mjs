// Measures the first minute as a person feels it (not a test): the sign-in form interactive
// on an emulated Fast 4G link (9 Mbit/s, 150 ms), cold and on a repeat visit, and the time
// from "Load sessions" to the first rows and to the whole table, against rc-sim with
// N sessions and a latency per page. Usage: node measure-first-minute.mjs [sessions] [latency]
import { startSim, openBrowser, signIn, totp } from './lib.mjs';

const sessions = process.argv[2] ?? '100000';
const latency = process.argv[3] ?? '50';
const sim = await startSim(['--sessions', sessions, '--seed', '3', '--latency-ms', latency]);
const ui = await openBrowser();
const { page, context } = ui;
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
const fast4g = { offline: false, latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) };
async function formReady() {
  const t0 = Date.now();
  await page.goto(sim.url);
  await page.getByLabel('User ID', { exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('form.sign-in') !== null);
  return Date.now() - t0;
}
await cdp.send('Network.clearBrowserCache');
await cdp.send('Network.emulateNetworkConditions', fast4g);
const cold = await formReady();
const warm = await formReady();
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
const t0 = Date.now();
await signIn(page, { code: totp() });
await page.locator('table.devices tbody tr').first().waitFor({ timeout: 120000 });
const first = Date.now() - t0;
await page.locator('.rcdm-bar .loaded').waitFor({ timeout: 120000 });
await page.locator('.note.partial').waitFor({ state: 'detached', timeout: 120000 });
const all = Date.now() - t0;
console.log(`measure sign-in-form fast4g cold ${cold} ms, repeat ${warm} ms`);
console.log(`measure ${sessions} sessions at ${latency} ms a page: first rows ${first} ms, all ${all} ms`);
await ui.browser.close();
await sim.stop();
