// Helpers for the offline, update and deployment tests: the build's service-worker file list,
// what the worker has cached, and a small static server (a copy of dist/ under a sub-path,
// with the headers of deploy/_headers) started inside a test.
import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, type Page } from '@playwright/test';
import { buildOf } from './guard';

export { buildOf };
export const DIST = path.join(import.meta.dirname, '../../dist');
export const HEADERS = path.join(import.meta.dirname, '../../deploy/_headers');

/** The absolute URLs of the files `sw.js` (text) lists, for an app at `base` (ends with `/`). */
export function precacheUrls(sw: string, base: string): string[] {
  return buildOf(sw)
    .files.map(([file]) => new URL(file, base).href)
    .sort();
}

/** The `relance-*` caches and the URLs each holds, from inside the page. */
export async function caches(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const found: Record<string, string[]> = {};
    for (const key of await globalThis.caches.keys()) {
      if (!key.startsWith('relance-')) continue;
      const cache = await globalThis.caches.open(key);
      found[key] = (await cache.keys()).map((request) => request.url).sort();
    }
    return found;
  });
}

/** Waits until the service worker is active and its cache holds exactly the build of `sw`. */
export async function offlineReady(page: Page, sw: string, base: string) {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(base);
  const version = `relance-${buildOf(sw).version}`;
  await expect.poll(() => caches(page), { timeout: 15_000 }).toEqual({ [version]: precacheUrls(sw, base) });
}

/** The types deploy/nginx.conf compresses (`gzip_types`, and text/html, always). */
const COMPRESSED = new Set(['text/html', 'text/css', 'text/javascript', 'application/manifest+json']);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** The rules of a `_headers` file (Netlify / Cloudflare Pages): path pattern → headers. */
export function parseHeaders(text: string): { pattern: string; headers: [string, string][] }[] {
  const rules: { pattern: string; headers: [string, string][] }[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
    } else {
      const at = line.indexOf(':');
      rules.at(-1)?.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** Headers of `pathname` under `rules` mounted at `prefix`; two rules giving one header join with ", ", as the hosts do. */
export function headersFor(rules: ReturnType<typeof parseHeaders>, prefix: string, pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { pattern, headers } of rules) {
    const full = prefix + pattern.slice(1);
    const match = full.endsWith('*') ? pathname.startsWith(full.slice(0, -1)) : pathname === full;
    if (!match) continue;
    for (const [name, value] of headers) {
      const key = name.toLowerCase();
      out[key] = out[key] ? `${out[key]}, ${value}` : value;
    }
  }
  return out;
}

export interface StaticSite {
  /** The app's address, e.g. http://127.0.0.1:41234/relance/ */
  url: string;
  /** Every request the server answered: `GET /relance/sw.js 200 <Sec-Fetch-Dest> <ms since start>`. */
  log: string[];
  close: () => Promise<void>;
}

/**
 * Serves `dir` at `prefix` (`/relance/`) on 127.0.0.1, on a free port, as a static host would:
 * `prefix` → index.html, other paths → the file or 404, the headers of `headersFile` if given,
 * ETag/If-None-Match (so the worker's revalidation gets 304). Reads files at each request, so a
 * test can replace them ("a new build"). With `gzip`, HTML, CSS, scripts and the manifest go
 * compressed to a browser that accepts it, as deploy/nginx.conf's `gzip on` (level 1) does.
 */
export async function serve(dir: string, prefix = '/', headersFile?: string, gzip = false): Promise<StaticSite> {
  const rules = headersFile ? parseHeaders(readFileSync(headersFile, 'utf-8')) : [];
  const log: string[] = [];
  const started = Date.now();
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let status = 404;
    let body: Buffer = Buffer.from('not found');
    let type = 'text/plain';
    if (pathname.startsWith(prefix) && !pathname.includes('..')) {
      const name = pathname.slice(prefix.length) || 'index.html';
      const file = path.join(dir, name);
      try {
        if (statSync(file).isFile()) {
          body = readFileSync(file);
          status = 200;
          type = TYPES[path.extname(file)] ?? 'application/octet-stream';
        }
      } catch {
        // 404
      }
    }
    const headers: Record<string, string> = { 'content-type': type, ...(status === 200 ? headersFor(rules, prefix, pathname) : {}) };
    if (status === 200 && gzip && COMPRESSED.has(type.split(';')[0]) && /\bgzip\b/.test(String(request.headers['accept-encoding']))) {
      body = gzipSync(body, { level: 1 });
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    if (status === 200) {
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
      headers.etag = etag;
      if (request.headers['if-none-match'] === etag) status = 304;
    }
    const dest = request.headers['sec-fetch-dest'] ?? '-';
    log.push(`${request.method} ${pathname}${request.url?.includes('?') ? '?…' : ''} ${status} ${dest} ${Date.now() - started}`);
    response.writeHead(status, headers);
    response.end(status === 304 || request.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
