// Browser smoke test: starts the development portal on spare ports, signs in
// as a demo user in Debian's headless Chromium, opens the Aegis page and
// saves screenshots under test-results/. Fails on any page error or an
// unhandled rejection in the portal's log.
import { spawn } from 'node:child_process';
import { mkdirSync, createWriteStream, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const appUrl = 'http://localhost:3100';
const backendUrl = 'http://localhost:7100';
const startTimeoutMs = 300_000;

mkdirSync(results, { recursive: true });
const logPath = join(results, 'browser-smoke-portal.log');
const log = createWriteStream(logPath);

const portal = spawn('yarn', ['start'], {
  cwd: root,
  detached: true,
  env: {
    ...process.env,
    AEGIS_AUTOMATION_TOKEN: 'browser-smoke-test-token',
    APP_CONFIG_app_baseUrl: JSON.stringify(appUrl),
    APP_CONFIG_backend_baseUrl: JSON.stringify(backendUrl),
    APP_CONFIG_backend_listen_port: '7100',
    APP_CONFIG_backend_cors_origin: JSON.stringify(appUrl),
    APP_CONFIG_backend_database_connection: JSON.stringify(':memory:'),
  },
});
portal.stdout.pipe(log);
portal.stderr.pipe(log);

function stopPortal() {
  try {
    process.kill(-portal.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

async function waitFor(what, check) {
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}; see ${logPath}`);
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}

async function main() {
  await waitFor('the backend health check', async () => {
    const response = await fetch(`${backendUrl}/api/aegis/health`);
    return response.ok;
  });
  await waitFor('the demo users in the catalog', async () => {
    const response = await fetch(`${backendUrl}/api/auth/aegis-dev/refresh`, {
      headers: { 'x-aegis-dev-user': 'rex.redtech' },
    });
    return response.ok;
  });
  await waitFor('the frontend dev server', async () => {
    const response = await fetch(appUrl);
    return response.ok;
  });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
    ],
  });
  const pageErrors = [];
  try {
    const page = await browser.newPage({
      viewport: { width: 1400, height: 900 },
    });
    page.on('pageerror', error => pageErrors.push(error.message));

    await page.goto(appUrl, { timeout: 180_000 });
    const signIn = page.getByRole('button', { name: 'Sign in as rex.redtech' });
    await signIn.waitFor({ timeout: 180_000 });
    await page.screenshot({ path: join(results, 'sign-in.png') });

    await signIn.click();
    await page.getByText('No ATT&CK data yet').waitFor({ timeout: 60_000 });
    const navItem = page.getByRole('link', { name: /ATT&CK Coverage/ });
    await navItem.first().waitFor({ timeout: 10_000 });
    if (!page.url().endsWith('/aegis')) {
      throw new Error(`Expected to land on /aegis, got ${page.url()}`);
    }
    await page.screenshot({ path: join(results, 'aegis-home.png') });
  } finally {
    await browser.close();
  }

  if (pageErrors.length > 0) {
    throw new Error(`The page reported errors: ${pageErrors.join('; ')}`);
  }
  const portalLog = readFileSync(logPath, 'utf8');
  if (/unhandled ?rejection/i.test(portalLog)) {
    throw new Error(`The portal logged an unhandled rejection; see ${logPath}`);
  }
  console.log('Browser smoke test passed; screenshots in test-results/');
}

main()
  .then(
    () => 0,
    error => {
      console.error(error);
      return 1;
    },
  )
  .then(code => {
    stopPortal();
    process.exit(code);
  });
