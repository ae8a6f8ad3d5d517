// Drives the in-browser benchmark page (benches/browser/) in headless Chromium: starts rc-sim
// with 100,000 sessions serving the built page (same origin, so the client part can fetch),
// hands the page a TOTP code when it asks, waits for it to finish, and prints its
// `bench <name> <median> <unit>` lines. Exit code 1 only when the page could not run.
// The `load` part (the app's complete load beside plain JavaScript's) runs against that
// rc-sim and then against a second one started with `--latency-ms 50` (label `latency50`).
//
//   RCSIM_BIN=target/release/rc-sim RCDM_DIST=dist-bench node tests/e2e/bench-runner.mjs [--runs N] [--parts grid,ui,client,load]
//
// Not a test: `node --test` never picks it up (no .test.mjs).
import { startSim, openBrowser, totp } from './lib.mjs';

const SIM_ARGS = ['--sessions', '100000', '--seed', '1', '--print-totp', 'off'];
const LIMIT_MS = Number(process.env.RCDM_BENCH_TIMEOUT_MS ?? 30 * 60_000);

function flag(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** Runs one part of the page (grid, ui, client or load) in a new tab; returns its lines. */
async function runPart(context, base, part, label) {
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'log') process.stderr.write(`page: ${m.text()}\n`);
    if (m.type() === 'error') errors.push(m.text());
  });
  const failed = new Promise((_, reject) => {
    page.on('pageerror', (e) => reject(new Error(`the page failed: ${e}`)));
    page.on('crash', () => reject(new Error('the page crashed')));
  });
  failed.catch(() => {});
  const params = new URLSearchParams({ parts: part });
  if (label) params.set('label', label);
  if (flag('runs')) params.set('runs', flag('runs'));
  try {
    await page.goto(`${base}/?${params}`);
    // The code is computed when the page asks, so it is fresh however long the page ran.
    const codeGiven = (async () => {
      await page.waitForFunction(
        () => document.body.dataset.wantCode === '1' || document.body.dataset.done === '1',
        null,
        { timeout: LIMIT_MS, polling: 250 },
      );
      const wants = await page.evaluate(() => document.body.dataset.wantCode === '1');
      if (wants) await page.evaluate((code) => window.wasmBindings.give_code(code), totp());
    })();
    codeGiven.catch(() => {});
    await Promise.race([
      page.waitForFunction(() => document.body.dataset.done === '1', null, {
        timeout: LIMIT_MS,
        polling: 500,
      }),
      failed,
      codeGiven.then(() => new Promise(() => {})),
    ]);
    const text = (await page.textContent('#results')) ?? '';
    const lines = text.split('\n').filter((l) => l.trim());
    for (const e of errors) lines.push(`error ${part}: the console said: ${e}`);
    return { lines, problems: lines.filter((l) => l.startsWith('error ')).length };
  } catch (e) {
    return { lines: [`error ${part}: ${e.message ?? e}`], problems: 1 };
  } finally {
    await page.close();
  }
}

async function main() {
  const sim = await startSim(SIM_ARGS);
  let browser;
  try {
    const opened = await openBrowser();
    browser = opened.browser;
    let lines = [];
    let problems = 0;
    // Each part on a fresh page: its memory figures then see nothing the others left behind
    // (wasm memory never shrinks).
    const parts = (flag('parts') ?? 'grid,ui,client,load').split(',');
    for (const part of parts) {
      const result = await runPart(opened.context, sim.url, part);
      lines = lines.concat(result.lines);
      problems += result.problems;
    }
    if (parts.includes('load')) {
      const slow = await startSim([...SIM_ARGS, '--latency-ms', '50']);
      try {
        const result = await runPart(opened.context, slow.url, 'load', 'latency50');
        lines = lines.concat(result.lines);
        problems += result.problems;
      } finally {
        await slow.stop();
      }
    }
    for (const line of lines) console.log(line);
    if (!lines.some((l) => l.startsWith('bench '))) {
      console.error('the bench page reported no figures');
      return 1;
    }
    return problems ? 1 : 0;
  } finally {
    await browser?.close();
    await sim.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`bench-runner: ${e.message ?? e}`);
    process.exit(1);
  },
);
