// Lighthouse on the built site, run by `cargo xtask test` after the build (not by Playwright).
//
// Serves ../../dist on a free port of 127.0.0.1 (a plain static server, like the e2e tests'
// `python3 -m http.server`), then runs Lighthouse 12 in Debian's Chromium (CHROME_PATH, never a
// downloaded Chrome), once with the default mobile emulation and once with the desktop preset.
// Each of Accessibility, Best Practices and SEO must score exactly 100 in each run (one test
// each); Performance and its metrics are reported, not asserted. Reports (JSON and HTML) go to
// artifacts/lighthouse/. The last line is `lighthouse: N passed, M failed` for xtask.
//
// robots.txt: Lighthouse downloads it from inside the page, which the page's CSP forbids
// (`connect-src 'none'`; GoogleChrome/lighthouse#4386), so in the page the audit can only say
// "unable to download". It is skipped there and run here instead: the same Lighthouse audit, on
// what the server answers for /robots.txt to a client outside the page, as a crawler would see it.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import RobotsTxtAudit from 'lighthouse/core/audits/seo/robots-txt.js';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

const DIST = process.env.RELANCE_DIST ?? path.join(import.meta.dirname, '../../dist');
const OUT = path.join(import.meta.dirname, 'artifacts/lighthouse');
const CHROME = process.env.CHROME_PATH ?? CHROMIUM;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const REQUIRED = ['accessibility', 'best-practices', 'seo'];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** dist/ at `/` on 127.0.0.1, a free port: `/` → index.html, a file, or 404. */
async function serve() {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = path.join(DIST, pathname === '/' ? 'index.html' : pathname.slice(1));
    let ok = false;
    try {
      ok = !pathname.includes('..') && statSync(file).isFile();
    } catch {
      // 404
    }
    if (!ok) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

const results = [];
function record(name, ok, detail) {
  results.push(ok);
  console.log(`    ${ok ? 'ok    ' : 'FAILED'} ${name}${detail ? `  ${detail}` : ''}`);
}

/** The Lighthouse robots.txt audit on what the server answers outside the page. */
async function robots(url) {
  const response = await fetch(new URL('/robots.txt', url));
  const content = await response.text();
  const product = RobotsTxtAudit.audit({ RobotsTxt: { status: response.status, content: response.ok ? content : null } });
  record('seo: robots-txt (outside the page)', product.score === 1, `HTTP ${response.status}`);
}

async function audit(url, chrome, formFactor) {
  const flags = {
    port: chrome.port,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: CATEGORIES,
    skipAudits: ['robots-txt'],
  };
  const start = Date.now();
  const runner = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  const { lhr, report } = runner;
  writeFileSync(path.join(OUT, `${formFactor}.report.json`), report[0]);
  writeFileSync(path.join(OUT, `${formFactor}.report.html`), report[1]);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metrics = METRICS.map(([id, short]) => `${short} ${lhr.audits[id]?.displayValue ?? '?'}`).join(', ');
  console.log(`==> lighthouse ${formFactor} (${seconds} s): performance ${score('performance')} (${metrics})`);
  if (lhr.runtimeError) console.log(`    runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  for (const warning of lhr.runWarnings) console.log(`    warning: ${warning}`);
  for (const id of REQUIRED) {
    const failing = lhr.categories[id].auditRefs
      .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
      .map((ref) => `${ref.id} (${lhr.audits[ref.id].explanation ?? lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`);
    record(`${formFactor}: ${id} = 100`, score(id) === 100 && !lhr.runtimeError, `${score(id)}${failing.length ? ` — ${failing.join('; ')}` : ''}`);
  }
  return { formFactor, seconds, scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])), metrics };
}

mkdirSync(OUT, { recursive: true });
const { server, url } = await serve();
const chrome = await chromeLauncher.launch({
  chromePath: CHROME,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
const summary = [];
try {
  console.log(`==> lighthouse ${url} (dist/), Chromium ${CHROME}`);
  for (const formFactor of ['mobile', 'desktop']) summary.push(await audit(url, chrome, formFactor));
  await robots(url);
} catch (error) {
  record('lighthouse run', false, String(error?.stack ?? error));
} finally {
  await chrome.kill();
  server.close();
  server.closeAllConnections();
}
writeFileSync(path.join(OUT, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
const passed = results.filter(Boolean).length;
console.log(`lighthouse: ${passed} passed, ${results.length - passed} failed`);
process.exitCode = results.length - passed === 0 ? 0 : 1;
