// Runs Debian's real nginx (/usr/sbin/nginx) as a child process for the deployment tests: a
// generated nginx.conf in a temp prefix dir (nothing under /etc, /var or /run is written),
// `daemon off`, free loopback ports, and the config snippets of deploy/nginx/ filled in.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, chmodSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const NGINX = process.env.NGINX_BIN ?? '/usr/sbin/nginx';
// deploy/nginx/device-manager.conf says `brotli_static on`: Debian's
// libnginx-mod-http-brotli-static (cargo xtask test installs it). Debian's own nginx.conf
// loads it through modules-enabled/; the generated config here loads it itself.
export const BROTLI_STATIC = process.env.NGINX_BROTLI_STATIC ?? '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const DEPLOY = resolve(import.meta.dirname, '../../deploy/nginx');

export function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/** A snippet of deploy/nginx/ with its @PLACEHOLDERS@ filled in. */
export function snippet(name, values) {
  let text = readFileSync(join(DEPLOY, name), 'utf8');
  for (const [k, v] of Object.entries(values)) text = text.replaceAll(`@${k}@`, v);
  const left = /@[A-Z_]+@/.exec(text);
  if (left) throw new Error(`${name}: ${left[0]} was not filled in`);
  return text;
}

/**
 * Starts nginx with the given `server { }` bodies, each on its own free port. Resolves to
 * { urls, dir, stop() } once every server answers.
 */
export async function startNginx(servers) {
  if (!existsSync(NGINX)) throw new Error(`${NGINX} is missing: apt-get install nginx (cargo xtask test installs it)`);
  const dir = mkdtempSync(join(tmpdir(), 'rcdm-nginx-'));
  chmodSync(dir, 0o755);
  const ports = [];
  for (let i = 0; i < servers.length; i++) ports.push(await freePort());
  const blocks = servers.map((body, i) => `  server {\n    listen 127.0.0.1:${ports[i]};\n    server_name localhost;\n${body}\n  }`).join('\n');
  // As root, nginx would hand requests to `nobody`, who may not read the checkout.
  const user = process.getuid?.() === 0 ? 'user root root;\n' : '';
  if (!existsSync(BROTLI_STATIC)) throw new Error(`${BROTLI_STATIC} is missing: apt-get install libnginx-mod-http-brotli-static (cargo xtask test installs it)`);
  const conf = `load_module ${BROTLI_STATIC};
${user}worker_processes 1;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${blocks}
}
`;
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, conf);
  const proc = spawn(NGINX, [
    '-p', dir, '-e', join(dir, 'error.log'), '-c', confPath,
    '-g', `daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;`,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (c) => { output += c; });
  proc.stderr.on('data', (c) => { output += c; });
  const exited = new Promise((r) => proc.once('exit', (code) => r(code)));
  const log = () => {
    const err = existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : '';
    return `${output}\n${err}\n--- nginx.conf ---\n${conf}`;
  };
  const urls = ports.map((p) => `http://127.0.0.1:${p}`);
  const deadline = Date.now() + 20_000;
  for (const url of urls) {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`nginx exited (${proc.exitCode}):\n${log()}`);
      try {
        await fetch(url);
        break;
      } catch {
        if (Date.now() > deadline) {
          proc.kill('SIGKILL');
          throw new Error(`nginx did not answer on ${url}:\n${log()}`);
        }
        await new Promise((r) => setTimeout(r, 25)); // poll interval, not a wait for time to pass
      }
    }
  }
  return {
    urls,
    dir,
    log,
    async stop() {
      if (proc.exitCode === null) {
        proc.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
