// RC Device Manager for host pages: loads the app once (checking the integrity of its wasm and
// JS), exports `mount(element, options)`, and defines the <rc-device-manager> element.
//
// One build serves any path: every URL here is resolved against this module's own URL, and the
// names and integrity hashes of the app's files are read from the app's index.html (the
// <script data-rcdm-js data-rcdm-wasm> tag and Trunk's preload links), so nothing is hard-coded.
// Nothing here becomes a global, nothing is inline, and the page's CSP needs only
// `script-src 'self' 'wasm-unsafe-eval'`.

const MARK = 'script[data-rcdm-js][data-rcdm-wasm]';
const PREFIX = 'RC Device Manager: ';

let loading = null;
let bindings = null;
let exportsOfWasm = null;

/** Loads the app's wasm once per page; later calls share the same promise. */
export function ready() {
  loading ??= boot().catch((e) => {
    console.error(PREFIX + e.message);
    throw e;
  });
  return loading;
}

/** Mounts a widget in `element`; resolves to its handle (setCredentials, refresh, setFilter, setOptions, destroy). */
export async function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError(`${PREFIX}mount needs a DOM element`);
  await ready();
  return bindings.mount(element, options);
}

/** For leak tests: wasm memory size, [live widgets, idle pooled roots], live API clients. */
export function debugStats() {
  return {
    wasmBytes: exportsOfWasm ? exportsOfWasm.memory.buffer.byteLength : 0,
    counts: bindings ? Array.from(bindings.instanceCounts()) : [0, 0],
    clients: bindings ? bindings.liveClients() : 0,
  };
}

async function boot() {
  const own = document.querySelector(MARK);
  let doc = document;
  let base = document.baseURI;
  if (!own) {
    // A host page: the app's index.html next to this module says what to load.
    const url = new URL('./', import.meta.url);
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`the app page ${url} answered ${res.status}`);
    doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    base = url.href;
  }
  const assets = assetsOf(doc, base);
  if (!own) {
    await Promise.all([...assets.css.map(addStylesheet), preloadModule(assets.js, assets.jsIntegrity)]);
  }
  const wasm = fetch(assets.wasm, { integrity: assets.wasmIntegrity, credentials: 'same-origin' });
  const mod = await import(assets.js);
  exportsOfWasm = await mod.default({ module_or_path: wasm });
  bindings = mod;
}

function assetsOf(doc, base) {
  const script = doc.querySelector(MARK);
  if (!script) throw new Error('the app page has no loader tag (script[data-rcdm-js]); was it built with this Trunk.toml?');
  const abs = (href) => new URL(href, base).href;
  const integrityOf = (href) => {
    for (const link of doc.querySelectorAll('link[rel="modulepreload"], link[rel="preload"]')) {
      if (abs(link.getAttribute('href')) === href) return link.getAttribute('integrity') ?? '';
    }
    return '';
  };
  const js = abs(script.getAttribute('data-rcdm-js'));
  const wasm = abs(script.getAttribute('data-rcdm-wasm'));
  const css = Array.from(doc.querySelectorAll('link[rel="stylesheet"][href]'), (l) => ({
    href: abs(l.getAttribute('href')),
    integrity: l.getAttribute('integrity') ?? '',
  }));
  return { js, wasm, jsIntegrity: integrityOf(js), wasmIntegrity: integrityOf(wasm), css };
}

function loaded(link, what) {
  return new Promise((resolve, reject) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', () => reject(new Error(`${what} ${link.href} did not load or failed its integrity check`)), { once: true });
  });
}

// The app's stylesheets select only inside `.rcdm`; they go before the host's own styles so
// the host's rules win ties when it themes the widget.
function addStylesheet({ href, integrity }) {
  if (Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some((l) => l.href === href)) return null;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  if (integrity) {
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
  }
  link.dataset.rcdm = '';
  const done = loaded(link, 'stylesheet');
  document.head.insertBefore(link, document.head.querySelector('link[rel="stylesheet"], style'));
  return done;
}

// The module graph takes a preloaded module from the module map, so the integrity checked here
// is the one the import below runs; the link has done its job once loaded.
async function preloadModule(href, integrity) {
  if (!integrity) return;
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  link.integrity = integrity;
  link.crossOrigin = 'anonymous';
  const done = loaded(link, 'script');
  document.head.append(link);
  try {
    await done;
  } finally {
    link.remove();
  }
}

// Attribute → option. Credentials are never attributes (anything on the page can read the
// DOM): pass them with element.setCredentials({ userId, authToken }).
const ATTRS = {
  'server-url': ['serverUrl', 'string'],
  'page-size': ['pageSize', 'number'],
  columns: ['columns', 'list'],
  theme: ['theme', 'string'],
  locale: ['locale', 'string'],
  lang: ['lang', 'string'],
  'auto-refresh-seconds': ['autoRefreshSeconds', 'number'],
  'read-only': ['readOnly', 'boolean'],
  'url-state': ['urlState', 'boolean'],
  // The Findings panel's settings, gathered into the `findings` option.
  'stale-days': ['staleDays', 'finding-number'],
  'max-per-user': ['maxPerUser', 'finding-number'],
  'min-versions': ['minVersions', 'finding-versions'],
  'trusted-networks': ['trustedNetworks', 'finding-lines'],
};

// `min-versions="desktop-app=4.0.0 Chrome=120"`; `trusted-networks="10.0.0.0/8 Office;
// 2001:db8::/32 VPN"` (one network per `;` or line).
function findingValue(kind, raw) {
  if (kind === 'finding-number') return /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (kind === 'finding-lines') return raw.split(/[;\n]/).map((l) => l.trim()).filter(Boolean);
  const out = {};
  for (const pair of raw.split(/[\s,]+/).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    out[at > 0 ? pair.slice(0, at) : pair] = at > 0 ? pair.slice(at + 1) : '';
  }
  return out;
}

function optionsOf(el) {
  const options = {};
  for (const [attr, [key, kind]] of Object.entries(ATTRS)) {
    const raw = el.getAttribute(attr);
    if (raw === null) continue;
    if (kind.startsWith('finding-')) (options.findings ??= {})[key] = findingValue(kind, raw);
    else if (kind === 'boolean') options[key] = raw !== 'false';
    else if (kind === 'number') options[key] = /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
    else if (kind === 'list') options[key] = raw.split(/[\s,]+/).filter(Boolean);
    else options[key] = raw;
  }
  return options;
}

class RcDeviceManagerElement extends HTMLElement {
  static observedAttributes = Object.keys(ATTRS);

  #handle = null;
  #mounting = null;

  connectedCallback() {
    this.#mounting ??= this.#mount();
  }

  disconnectedCallback() {
    // A move within the page disconnects and reconnects at once: keep the widget then.
    queueMicrotask(() => {
      if (!this.isConnected) this.#teardown();
    });
  }

  attributeChangedCallback() {
    this.#handle?.setOptions(optionsOf(this));
  }

  async #mount() {
    try {
      const handle = await mount(this, optionsOf(this));
      if (!this.isConnected) {
        handle.destroy();
        this.#mounting = null;
        return null;
      }
      this.#handle = handle;
      // Attributes may have changed while the app was loading.
      handle.setOptions(optionsOf(this));
      return handle;
    } catch (e) {
      this.textContent = `Device management could not be loaded: ${e.message}`;
      this.#mounting = null;
      return null;
    }
  }

  #teardown() {
    // Still loading: the pending mount decides when it resolves (it destroys itself if the
    // element is gone by then), so a removal and re-insertion meanwhile mounts only once.
    if (!this.#handle) return;
    this.#handle.destroy();
    this.#handle = null;
    this.#mounting = null;
  }

  async #call(method, ...args) {
    const handle = this.#handle ?? (await (this.#mounting ?? Promise.resolve(null)));
    return handle ? handle[method](...args) : false;
  }

  /** Signs in with credentials the portal holds: { userId, authToken, serverUrl? }. */
  setCredentials(credentials) {
    return this.#call('setCredentials', credentials);
  }

  /** Reloads every session. */
  refresh() {
    return this.#call('refresh');
  }

  /** Puts text in the widget's search box. */
  setFilter(text) {
    return this.#call('setFilter', String(text));
  }
}

if (!customElements.get('rc-device-manager')) {
  customElements.define('rc-device-manager', RcDeviceManagerElement);
}

// The app's own page loads the app at once; a host page only when a widget is first mounted.
if (document.querySelector(MARK)) ready().catch(() => {});
