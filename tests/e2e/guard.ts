// Shared test fixture: every test fails if the page makes a request to a non-local origin,
// makes any request after its load event (issue 3: "no request after the page has loaded"),
// logs a console error (a CSP violation is one) or throws an uncaught error.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];
/** Schemes that never reach a server. */
export const INERT = ['blob:', 'data:', 'about:'];

/** What the guard saw during one test. */
export interface Seen {
  /** Every request URL, in order (including requests the CSP or the guard blocked). */
  all: string[];
  /** Requests to non-local hosts, each URL once. */
  external: string[];
  /** Requests of the page after the load event of its current document (blob:, data: aside). */
  late: string[];
  errors: string[];
}

/** Records (and blocks) non-local requests, late requests, console errors and page errors. */
export async function watch(context: BrowserContext, page: Page): Promise<Seen> {
  const seen: Seen = { all: [], external: [], late: [], errors: [] };
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
  context.on('request', (request) => {
    seen.all.push(request.url());
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

/** `test` with the guard installed and checked automatically. */
export const test = base.extend<{ guard: Seen }>({
  guard: [
    async ({ context, page }, use) => {
      const seen = await watch(context, page);
      await use(seen);
      expect(seen.external, 'requests to non-local origins').toEqual([]);
      expect(seen.late, 'requests after the load event').toEqual([]);
      expect(seen.errors, 'console errors and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
