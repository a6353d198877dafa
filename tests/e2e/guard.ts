// Shared test fixture: every test fails if the page makes a request to a non-local origin,
// logs a console error (a CSP violation is one) or throws an uncaught error.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

const LOCAL_HOSTS = ['127.0.0.1', 'localhost'];

/** What the guard saw during one test. */
export interface Seen {
  external: string[];
  errors: string[];
}

/** Records (and blocks) non-local requests, console errors and page errors. */
export async function watch(context: BrowserContext, page: Page): Promise<Seen> {
  const seen: Seen = { external: [], errors: [] };
  const record = (url: string) => {
    const u = new URL(url);
    const external = !['blob:', 'data:', 'about:'].includes(u.protocol) && !LOCAL_HOSTS.includes(u.hostname);
    if (external && !seen.external.includes(url)) seen.external.push(url);
    return external;
  };
  // Two hooks: `route` blocks the request, `request` also sees what routing may miss.
  // Each URL is recorded once.
  await context.route('**/*', (route) =>
    record(route.request().url()) ? route.abort('blockedbyclient') : route.continue(),
  );
  context.on('request', (request) => record(request.url()));
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
      expect(seen.errors, 'console errors and page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
