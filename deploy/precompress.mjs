// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every .wasm,
// .js and .css of a built dist/ folder, so nginx (`brotli_static`/`gzip_static`) and rc-sim
// (`ServeDir::precompressed_*`) send compressed bytes without compressing per request.
// `cargo xtask dist` runs it after the release build; by hand: `node deploy/precompress.mjs dist`.
// Node's own zlib: node already runs every build (the SRI hook), and the size stage measures
// with the same encoder, so its figure is exactly the .br bytes shipped.
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, writeFileSync, statSync, utimesSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2];
if (!root || !existsSync(root)) {
  console.error('usage: node deploy/precompress.mjs <dist folder>');
  process.exit(2);
}

const files = [];
(function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.(wasm|js|css)$/.test(entry.name)) files.push(path);
    // A variant whose source is gone (a file of an earlier build) would be served stale.
    else if (/\.(wasm|js|css)\.(br|gz)$/.test(entry.name) && !existsSync(path.replace(/\.(br|gz)$/, ''))) {
      rmSync(path);
    }
  }
})(root);

let raw = 0;
let gz = 0;
let br = 0;
for (const path of files.sort()) {
  const bytes = readFileSync(path);
  const text = !path.endsWith('.wasm');
  const b = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: text ? constants.BROTLI_MODE_TEXT : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
  const g = gzipSync(bytes, { level: 9 });
  // Same modification time as the original: the variants are that file, only encoded.
  const { atime, mtime } = statSync(path);
  for (const [ext, out] of [['.br', b], ['.gz', g]]) {
    writeFileSync(path + ext, out);
    utimesSync(path + ext, atime, mtime);
  }
  raw += bytes.length;
  gz += g.length;
  br += b.length;
  console.log(`precompress ${relative(root, path)} ${bytes.length} gzip ${g.length} brotli ${b.length}`);
}
console.log(`precompress total ${raw} gzip ${gz} brotli ${br} (${files.length} files)`);
