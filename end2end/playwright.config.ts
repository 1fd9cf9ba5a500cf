import { defineConfig } from '@playwright/test';
import * as path from 'node:path';

// The real server binary, built by `make test`, on a fresh SQLite file.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
};

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  // Budgets for a cold 2-core machine: a test waits on what the person sees,
  // never on a fixed delay, and no test depends on the pages before it
  // having warmed the browser or the server.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium', launchOptions } },
    {
      name: 'chromium-no-js',
      testMatch: /(forms|confirm|host-page|host-tools|party-orders|draws|reviews|brand-orders|credit|mistakes|digest|payments)\.spec\.ts/,
      use: { browserName: 'chromium', javaScriptEnabled: false, launchOptions },
    },
  ],
  webServer: {
    command: `bash ${path.join(__dirname, 'serve-e2e.sh')}`,
    url: `${baseURL}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), E2E_STRIPE_PORT: process.env.E2E_STRIPE_PORT ?? '3190' },
  },
});
