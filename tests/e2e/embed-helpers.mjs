// Helpers of the embedding, deployment and security end-to-end tests: the portal page, event
// and CSP recorders installed before any page script runs, and Chromium's own counters of
// DOM nodes and JS listeners (after a forced garbage collection) for leak checks.
import { createHash } from 'node:crypto';

export const EVENTS = ['rcdm:loaded', 'rcdm:device-logged-out', 'rcdm:error', 'rcdm:signed-out'];

/** The admin's personal access token that skips 2FA (rc-sim's "Ignore Two Factor" PAT). */
export const PAT = 'rcsim-pat-admin-bypass2fa-0123456789abcdef';

/** Users whose 2FA falls back to the password: their code is sha256_hex(password). */
export const NO2FA = {
  userId: 'rcsimNo2faUser001',
  token: 'rcsim-no2fa-token-0123456789abcdefghijklmn',
  code: createHash('sha256').update('no2fa-password').digest('hex'),
};

/**
 * Records, from before the first script of every page: each rcdm:* event (where it was
 * dispatched and its detail), each CSP violation, and every live interval and timeout.
 */
export async function installRecorders(context) {
  await context.addInitScript(({ events }) => {
    window.__rcdmEvents = [];
    window.__cspViolations = [];
    for (const name of events) {
      document.addEventListener(name, (e) => {
        window.__rcdmEvents.push({
          type: e.type,
          target: e.target?.id || e.target?.tagName || '',
          detail: JSON.parse(JSON.stringify(e.detail ?? null)),
        });
      }, true);
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
    // Live intervals and timeouts of a second or more (a refresh timer, a poll), so a test can
    // see that destroy leaves none behind; shorter timeouts end by themselves.
    const live = new Set();
    window.__liveTimers = () => live.size;
    const wrap = (set, clear, once) => {
      const origSet = window[set];
      const origClear = window[clear];
      window[set] = function (fn, ms, ...rest) {
        let id;
        const cb = typeof fn === 'function' && once ? (...a) => { live.delete(id); return fn(...a); } : fn;
        id = origSet.call(window, cb, ms, ...rest);
        if (!once || Number(ms) >= 1000) live.add(id);
        return id;
      };
      window[clear] = function (id) { live.delete(id); return origClear.call(window, id); };
    };
    wrap('setTimeout', 'clearTimeout', true);
    wrap('setInterval', 'clearInterval', false);
  }, { events: EVENTS });
}

/** Chromium's live DOM nodes and JS event listeners, after a full garbage collection. */
export async function domCounters(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
    return { nodes, jsEventListeners };
  } finally {
    await cdp.detach();
  }
}

/** Listeners on window and document (what a widget must never leave behind). */
export async function globalListeners(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const out = {};
    for (const what of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression: what });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      out[what] = listeners.map((l) => l.type).sort();
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

/** Mounts a widget with mount() in a new <div id=…> appended to the body. */
export async function mountIn(page, id, options) {
  await page.evaluate(async ({ id, options }) => {
    const { mount } = await import('./rc-device-manager.js');
    const host = document.createElement('div');
    host.id = id;
    document.body.append(host);
    window.__handles ??= {};
    window.__handles[id] = await mount(host, options);
  }, { id, options });
  return page.locator(`#${id}`);
}

/** Everything a page could leak a secret into: its URL, storage, cookies, events, text. */
export async function pageSurfaces(page) {
  return page.evaluate(() => ({
    url: location.href,
    history: history.length,
    localStorage: JSON.stringify({ ...localStorage }),
    sessionStorage: JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
    events: JSON.stringify(window.__rcdmEvents ?? []),
    text: document.body.innerText,
    attributes: Array.from(document.querySelectorAll('*'), (el) =>
      Array.from(el.attributes, (a) => `${a.name}=${a.value}`).join(' ')).join('\n'),
  }));
}
