// Browser smoke test: starts the development portal on spare ports and, in
// Debian's headless Chromium, signs in as each demo user, opens the Aegis page
// and checks that only admins are offered user administration; the admin
// opens the Users & roles page; then the demo users take a security test from
// draft to validated (browser-workflow.mjs), and the admin looks at the
// coverage dashboard, the reports and the ATT&CK card and tab of payments-api
// (browser-coverage.mjs); last the admin syncs ATT&CK from a loopback TAXII
// server (browser-taxii.mjs). Screenshots land in test-results/. Fails on
// any page error or an unhandled rejection in the portal's log.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  createWriteStream,
  mkdirSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { visitCoverage } from './browser-coverage.mjs';
import { walkTaxiiSync } from './browser-taxii.mjs';
import { walkWorkflow } from './browser-workflow.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(root, 'test-results');
const appUrl = 'http://localhost:3100';
const backendUrl = 'http://localhost:7100';
const startTimeoutMs = 300_000;
const taxiiPort = 7190;

mkdirSync(results, { recursive: true });
const logPath = join(results, 'browser-smoke-portal.log');
const log = createWriteStream(logPath);

// Every process of this portal carries the marker, so all of them can be
// stopped, including the backend the CLI starts in a process group of its own.
const marker = `AEGIS_SMOKE_RUN=${randomUUID()}`;
const portal = spawn('yarn', ['start'], {
  cwd: root,
  detached: true,
  env: {
    ...process.env,
    AEGIS_SMOKE_RUN: marker.split('=')[1],
    AEGIS_AUTOMATION_TOKEN: 'browser-smoke-test-token',
    AEGIS_ATTACK_BUNDLE: join(
      root,
      'plugins/aegis-backend/src/attack/__fixtures__/attack-19-mini.json',
    ),
    APP_CONFIG_app_baseUrl: JSON.stringify(appUrl),
    APP_CONFIG_backend_baseUrl: JSON.stringify(backendUrl),
    APP_CONFIG_backend_listen_port: '7100',
    APP_CONFIG_backend_cors_origin: JSON.stringify(appUrl),
    APP_CONFIG_backend_database_connection: JSON.stringify(':memory:'),
    // A loopback TAXII server, down until the TAXII walk starts it.
    APP_CONFIG_aegis_attack_sources_taxii_url: JSON.stringify(
      `http://127.0.0.1:${taxiiPort}`,
    ),
  },
});
portal.stdout.pipe(log);
portal.stderr.pipe(log);

function stopPortal() {
  for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
    try {
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (environ.split('\0').includes(marker)) {
        process.kill(Number(pid), 'SIGKILL');
      }
    } catch {
      // gone already, or not ours to read
    }
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

const DEMO_USERS = [
  'ada.admin',
  'rex.redtech',
  'bea.bluetech',
  'rosa.redlead',
  'bo.bluelead',
  'vic.viewer',
];

/** Signs in as one demo user in a fresh browser context and looks around. */
async function visitAs(browser, name, pageErrors) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', error => pageErrors.push(`${name}: ${error.message}`));

  await page.goto(appUrl, { timeout: 180_000 });
  const signIn = page.getByRole('button', { name: `Sign in as ${name}` });
  await signIn.waitFor({ timeout: 180_000 });
  if (name === DEMO_USERS[0]) {
    await page.screenshot({ path: join(results, 'sign-in.png') });
  }
  await signIn.click();

  await page.getByText(`Signed in as`).waitFor({ timeout: 60_000 });
  // The portal synced the offline ATT&CK fixture at start.
  await page.getByText(/Aegis holds \d+ tactics/).waitFor({ timeout: 60_000 });
  await page
    .getByRole('link', { name: /ATT&CK Coverage/ })
    .first()
    .waitFor();
  if (!page.url().endsWith('/aegis')) {
    throw new Error(`${name} landed on ${page.url()} instead of /aegis`);
  }
  await page.screenshot({ path: join(results, `aegis-home-${name}.png`) });

  const adminLink = page.getByRole('link', { name: 'Users & roles' });
  const isAdmin = name === 'ada.admin';
  if ((await adminLink.count()) !== (isAdmin ? 1 : 0)) {
    throw new Error(
      `${name} ${isAdmin ? 'is not' : 'is'} offered user administration`,
    );
  }
  if (name === 'vic.viewer') {
    await page.getByRole('link', { name: /Open the ATT&CK matrix/ }).click();
    await page.getByRole('link', { name: /T1059/ }).first().waitFor({
      timeout: 60_000,
    });
    await page.screenshot({ path: join(results, 'attack-matrix.png') });
    await page.getByRole('link', { name: /T1059/ }).first().click();
    await page.getByText('Adversaries may abuse interpreters.').waitFor({
      timeout: 60_000,
    });
    await page.screenshot({ path: join(results, 'technique-T1059.png') });
  }
  if (isAdmin) {
    await adminLink.click();
    await page
      .getByText('rex.redtech@example.com')
      .waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(results, 'users-and-roles.png') });
    await page.goto(`${appUrl}/aegis/admin/sync`);
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByText(/manual by user:default\/ada\.admin/).waitFor({
      timeout: 60_000,
    });
    await page.screenshot({ path: join(results, 'attack-sync.png') });
    // The admin keeps a test template, which red techs start tests from.
    await page.goto(`${appUrl}/aegis/templates`);
    await page.getByRole('button', { name: 'New template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('Encoded PowerShell download');
    await dialog.getByLabel('Techniques').fill('T1059');
    await page.getByRole('option', { name: /T1059/ }).first().click();
    await dialog.getByLabel('Platform').fill('Windows');
    await dialog.getByRole('button', { name: /Create|Save/ }).click();
    await page
      .getByText('Encoded PowerShell download')
      .first()
      .waitFor({ timeout: 60_000 });
    await page.screenshot({
      path: join(results, 'templates.png'),
      fullPage: true,
    });
  }
  await context.close();
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
  await waitFor('the first ATT&CK sync', async () => {
    const signIn = await fetch(`${backendUrl}/api/auth/aegis-dev/refresh`, {
      headers: { 'x-aegis-dev-user': 'ada.admin' },
    });
    const { backstageIdentity } = await signIn.json();
    const runs = await fetch(`${backendUrl}/api/aegis/system/sync-runs`, {
      headers: { Authorization: `Bearer ${backstageIdentity.token}` },
    });
    const { items } = await runs.json();
    return items.some(run => run.outcome === 'succeeded');
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
    for (const name of DEMO_USERS) {
      await visitAs(browser, name, pageErrors);
    }
    await walkWorkflow(browser, { appUrl, results, pageErrors });
    await visitCoverage(browser, { appUrl, results, pageErrors });
    await walkTaxiiSync(browser, {
      root,
      appUrl,
      results,
      pageErrors,
      taxiiPort,
    });
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
  console.log(
    `Browser smoke test passed for ${DEMO_USERS.length} demo users, the workflow walk, the coverage pages and the TAXII sync; screenshots in test-results/`,
  );
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
