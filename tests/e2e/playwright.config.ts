// Playwright runs against the release build in ../../dist (built by `cargo xtask test`),
// served as static files, in Debian's Chromium. Nothing is downloaded and no request may
// leave 127.0.0.1 (see guard.ts).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

// RELANCE_E2E_PORT lets a second checkout run its tests while another one uses 8080.
const port = process.env.RELANCE_E2E_PORT ?? '8080';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // xtask reads the JSON report to count passed and failed tests.
  reporter: [['list'], ['json', { outputFile: 'artifacts/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'fr-FR',
    // The app registers a service worker (offline use); each test's context starts without one.
    // guard.ts checks the worker's requests (Playwright reports them with request.serviceWorker()).
    serviceWorkers: 'allow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ../../dist`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
  },
});
