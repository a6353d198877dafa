// Shared test fixture: every test fails if the page makes a request to a non-local origin,
// makes any request after its load event (issue 3: "no request after the page has loaded"),
// logs a console error (a CSP violation is one) or throws an uncaught error.
// The service worker (src/sw.js) is held to its own promise: it may only GET its own script and
// the files its build lists (the `BUILD` list in that sw.js, read from the running worker), all
// from its own origin. Playwright reports a worker's requests on the context only, with
// `request.serviceWorker()` set; the page's requests (even those the worker answers) are page
// requests as before. (The browser's update check, a GET of sw.js, is not reported at all.)
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];
/** Schemes that never reach a server. */
export const INERT = ['blob:', 'data:', 'about:'];

/** What the guard saw during one test. */
export interface Seen {
  /** Every request URL of the page, in order (including requests the CSP or the guard blocked). */
  all: string[];
  /** Every request of a service worker, in order: `GET <url> <the worker's script URL>`. */
  worker: string[];
  /** Requests of a service worker that are not a GET of its script or of a file its build lists. */
  strayWorker: string[];
  /** Reads of the workers' lists, and checks waiting for them. */
  pending: Promise<void>[];
  /** Requests to non-local hosts, each URL once. */
  external: string[];
  /** Requests of the page after the load event of its current document (blob:, data: aside). */
  late: string[];
  errors: string[];
}

/** Records (and blocks) non-local requests, late requests, console errors and page errors. */
export async function watch(context: BrowserContext, page: Page): Promise<Seen> {
  const seen: Seen = { all: [], worker: [], strayWorker: [], pending: [], external: [], late: [], errors: [] };
  const record = (url: string) => {
    const u = new URL(url);
    const external = !INERT.includes(u.protocol) && !LOCAL_HOSTS.includes(u.hostname);
    if (external && !seen.external.includes(url)) seen.external.push(url);
    return external;
  };
  // Two hooks: `route` blocks the request, `request` also sees what routing may miss.
  // Each URL is recorded once.
  await context.route('**/*', (route) =>
    record(route.request().url()) ? route.abort('blockedbyclient') : route.continue(),
  );
  const lists = new Map<Worker, Promise<Set<string>>>();
  const listOf = (worker: Worker) => {
    if (!lists.has(worker)) lists.set(worker, precacheOf(worker).catch(() => new Set<string>()));
    return lists.get(worker) as Promise<Set<string>>;
  };
  context.on('serviceworker', (worker) => void listOf(worker));
  context.on('request', (request) => {
    const worker = request.serviceWorker();
    if (worker) {
      const line = `${request.method()} ${request.url()} ${worker.url()}`;
      seen.worker.push(line);
      // A list that cannot be read is empty: the worker's file requests then fail the test.
      seen.pending.push(
        listOf(worker).then((files) => {
          const url = new URL(request.url());
          url.search = '';
          const allowed = request.url() === worker.url() || files.has(url.href);
          if (request.method() !== 'GET' || request.postData() !== null || !allowed) seen.strayWorker.push(line);
        }),
      );
    } else {
      seen.all.push(request.url());
    }
    record(request.url());
  });
  // Playwright delivers `load` and `request` in the order the browser reports them. A new
  // document (goto, reload, a link) starts with the main frame's navigation request.
  let loaded = false;
  page.on('load', () => {
    loaded = true;
  });
  page.on('request', (request) => {
    if (INERT.includes(new URL(request.url()).protocol)) return;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loaded = false;
    else if (loaded) seen.late.push(request.url());
  });
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  return seen;
}

/** The `const BUILD = {…};` line of a served sw.js: its version and files (paths relative to it). */
export function buildOf(sw: string): { version: string; files: [string, string][] } {
  const line = sw.split('\n').find((l) => l.startsWith('const BUILD = '));
  if (!line) throw new Error('sw.js has no BUILD line');
  return JSON.parse(line.slice('const BUILD = '.length, line.lastIndexOf(';')));
}

/** The files (absolute URLs) of the build a running service worker holds (its `BUILD` line). */
async function precacheOf(worker: Worker): Promise<Set<string>> {
  const build = (await worker.evaluate('BUILD')) as ReturnType<typeof buildOf>;
  return new Set(build.files.map(([file]) => new URL(file, worker.url()).href));
}

/** Service-worker requests that break its promise (see `Seen.strayWorker`). */
export async function workerViolations(seen: Seen): Promise<string[]> {
  await Promise.all(seen.pending);
  return seen.strayWorker;
}

/** `test` with the guard installed and checked automatically. */
export const test = base.extend<{ guard: Seen }>({
  guard: [
    async ({ context, page }, use) => {
      const seen = await watch(context, page);
      await use(seen);
      expect(seen.external, 'requests to non-local origins').toEqual([]);
      expect(seen.late, 'requests after the load event').toEqual([]);
      expect(seen.errors, 'console errors and page errors').toEqual([]);
      expect(await workerViolations(seen), 'service-worker requests other than its script and its files').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
