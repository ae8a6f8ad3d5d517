// Trunk post-build hook: gives every local <script src> in the built HTML pages an integrity
// hash (Trunk hashes only the files it builds itself; the loader and the example page's
// scripts are copied as they are), so a page under `script-src 'self'` also runs only the
// exact bytes that were built.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sri-hook: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}

const digest = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;

// The app's own page loads the loader under a hashed name, like every file Trunk builds: on a
// repeat visit it comes from the cache (a year, immutable) instead of costing a round trip to
// revalidate it before anything can start (150 ms on a Fast 4G link). Host pages import the
// loader by its fixed name, `rc-device-manager.js`, which stays beside it and is revalidated.
const loaderPath = join(dir, 'rc-device-manager.js');
let hashedLoader = null;
if (existsSync(loaderPath)) {
  const hex = createHash('sha384').update(readFileSync(loaderPath)).digest('hex').slice(0, 16);
  hashedLoader = `rc-device-manager-${hex}.js`;
  copyFileSync(loaderPath, join(dir, hashedLoader));
}

for (const page of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const path = join(dir, page);
  const html = readFileSync(path, 'utf8');
  // Quoted or not: a release build's HTML is minified (`src=./rc-device-manager.js`).
  const out = html.replace(/<script\b([^>]*?)\bsrc=(?:"([^"]+)"|([^\s">]+))([^>]*)>/g, (tag, before, quoted, bare, after) => {
    let src = quoted ?? bare;
    if (/\bintegrity=/.test(tag) || /^[a-z]+:|^\/\//i.test(src)) return tag;
    // Only the tag that boots the app (it names the app's files); a host-like page such as
    // portal.html keeps the fixed name, as host pages are told to.
    if (hashedLoader && /\bdata-rcdm-js=/.test(tag)) src = src.replace(/(^|\/)rc-device-manager\.js$/, `$1${hashedLoader}`);
    const file = join(dir, src.replace(/^\.?\//, '').split(/[?#]/)[0]);
    if (!existsSync(file)) {
      console.error(`sri-hook: ${page} loads ${src}, which is not in the build`);
      process.exitCode = 1;
      return tag;
    }
    return `<script${before}src="${src}" integrity="${digest(file)}"${after}>`;
  });
  if (out !== html) writeFileSync(path, out);
}
