// Measures the first minute as a person feels it (not a test): the sign-in form interactive
// on an emulated Fast 4G link (9 Mbit/s, 150 ms), cold and on a repeat visit, and the time
// from "Load sessions" to the first rows and to the whole table, against rc-sim with
// N sessions and a latency per page. Usage: node measure-first-minute.mjs [sessions] [latency] [runs]
//
// Every time is taken inside the page, on the page's own clock: from the navigation's start (or
// the click) to the moment the DOM shows the thing, plus the first task after it (so a main
// thread still busy after the render counts). Playwright's own waits poll at up to 500 ms
// intervals and once made a 0.85 s form read as 1.25 s; they are used here only to know when
// to read the page's marks.
import { startSim, openBrowser, signIn, totp } from './lib.mjs';

const sessions = process.argv[2] ?? '100000';
const latency = process.argv[3] ?? '50';
const runs = Number(process.argv[4] ?? '1');
const sim = await startSim(['--sessions', sessions, '--seed', '3', '--latency-ms', latency]);
const ui = await openBrowser();
const { page, context } = ui;

// Marks, on performance.now(): `form` when the sign-in form is in the DOM and a task has run
// after it; `click` at the Load sessions click; `rows` at the first table row; `all` once the
// table says loaded and the "results so far" note is gone.
await page.addInitScript(() => {
  const marks = (window.__marks = {});
  const afterTask = (key) => setTimeout(() => { marks[key] = performance.now(); }, 0);
  addEventListener('click', (e) => {
    if (e.target.closest?.('form.sign-in button[type=submit]')) marks.click = performance.now();
  }, true);
  new MutationObserver(() => {
    if (marks.formSeen === undefined && document.querySelector('form.sign-in')) {
      marks.formSeen = performance.now();
      afterTask('form');
    }
    if (marks.click !== undefined && marks.rows === undefined && document.querySelector('table.devices tbody tr')) {
      marks.rows = performance.now();
    }
    if (marks.rows !== undefined && marks.all === undefined && document.querySelector('.rcdm-bar .loaded')
      && !document.querySelector('.note.partial')) {
      marks.all = performance.now();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
});
const mark = (key) => page.waitForFunction((k) => window.__marks?.[k], key, { timeout: 180000 });

const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
const fast4g = { offline: false, latency: 150, downloadThroughput: (9e6 / 8), uploadThroughput: (1.5e6 / 8) };
const formReady = async () => {
  await page.goto(sim.url, { waitUntil: 'commit' });
  return Math.round(await (await mark('form')).jsonValue());
};
const cold = [];
const warm = [];
await cdp.send('Network.emulateNetworkConditions', fast4g);
for (let i = 0; i < runs; i++) {
  await cdp.send('Network.clearBrowserCache');
  cold.push(await formReady());
  warm.push(await formReady());
}
await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
await signIn(page, { code: totp() });
const click = await (await mark('click')).jsonValue();
const first = Math.round((await (await mark('rows')).jsonValue()) - click);
const all = Math.round((await (await mark('all')).jsonValue()) - click);
console.log(`measure sign-in-form fast4g cold ${cold.join(', ')} ms, repeat ${warm.join(', ')} ms`);
console.log(`measure ${sessions} sessions at ${latency} ms a page: first rows ${first} ms, all ${all} ms`);
await ui.browser.close();
await sim.stop();
