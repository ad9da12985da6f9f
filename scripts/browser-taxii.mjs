// The ATT&CK sync as an administrator sees it. The portal is configured with
// a TAXII 2.1 server on loopback that is down when it starts, so its first
// sync falls back to the offline bundle file. This walk then starts the TAXII
// server (serving the full Enterprise bundle of the shared data, or the small
// fixture without it), has ada.admin press "Sync now" on the sync page, and
// checks that the run came from TAXII and that the matrix now holds the full
// Enterprise matrix. Screenshots land in test-results/. Used by
// browser-smoke.mjs, which passes the port the portal expects TAXII on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The bundle the loopback TAXII server serves. */
export function taxiiBundle(root) {
  const shared = process.env.AEGIS_SHARED_DATA;
  const full =
    shared && join(shared, 'attack', 'enterprise-attack-18.1.json.gz');
  return full && existsSync(full)
    ? { path: full, full: true }
    : {
        path: join(
          root,
          'plugins/aegis-backend/src/attack/__fixtures__/attack-19-mini.json',
        ),
        full: false,
      };
}

/** Starts plugins/aegis-backend/dev/serveTaxii.ts and waits for its URL. */
async function startTaxii(root, bundle, port) {
  const child = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli-node/config/nodeTransform.cjs',
      'plugins/aegis-backend/dev/serveTaxii.ts',
      bundle,
      String(port),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    child.once('exit', code =>
      reject(new Error(`The TAXII server exited with ${code}`)),
    );
    lines.once('line', resolve);
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

export async function walkTaxiiSync(
  browser,
  { root, appUrl, results, pageErrors, taxiiPort },
) {
  const bundle = taxiiBundle(root);
  const shot = (page, name) =>
    page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
  });
  const page = await context.newPage();
  page.on('pageerror', error => pageErrors.push(`taxii: ${error.message}`));

  await page.goto(appUrl, { timeout: 180_000 });
  await page.getByRole('button', { name: 'Sign in as ada.admin' }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 60_000 });

  // At start TAXII was down: the file served, and the run says why.
  await page.goto(`${appUrl}/aegis/admin/sync`);
  const runs = page.getByRole('table');
  await runs
    .getByText(/^file \(ATT&CK/)
    .first()
    .waitFor();
  await runs
    .getByText(/^taxii skipped:/)
    .first()
    .waitFor();
  await shot(page, 'sync-history-taxii-down');

  const taxii = await startTaxii(root, bundle.path, taxiiPort);
  try {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page
      .getByRole('button', { name: 'Sync now' })
      .waitFor({ timeout: 180_000 });
    await runs
      .getByText(/^taxii \(ATT&CK/)
      .first()
      .waitFor({
        timeout: 60_000,
      });
    await shot(page, 'sync-history-taxii');
  } finally {
    taxii.stop();
  }

  await page.goto(`${appUrl}/aegis/matrix`);
  // Release 18.1 has 14 Enterprise tactics; the fixture has 3. Each tactic
  // is a column (a region named after it).
  const tactics = bundle.full ? 14 : 3;
  const columns = page.locator('section[aria-label]');
  await columns.nth(tactics - 1).waitFor({ timeout: 120_000 });
  const shown = await columns.count();
  if (shown !== tactics) {
    throw new Error(
      `The matrix shows ${shown} tactics after the TAXII sync, not ${tactics}`,
    );
  }
  await shot(page, 'matrix-after-taxii-sync');

  // The catalog module relates the walk's technique to payments-api within
  // its refresh interval; the service's relations card draws it as a node
  // of its graph (an SVG group that navigates on click, not a link).
  const component = `${appUrl}/catalog/default/component/payments-api`;
  const related = page
    .locator('svg g')
    .getByText(/^T1059\b/)
    .first();
  for (let attempt = 0; ; attempt++) {
    await page.goto(component);
    try {
      await related.waitFor({ timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt >= 8) throw error;
    }
  }
  await shot(page, 'catalog-payments-api-relations');
  await related.click();
  await page.waitForURL(/\/catalog\/default\/technique\//);
  await page.getByRole('heading', { name: /T1059/ }).first().waitFor();
  // Its links card points to ATT&CK and to its coverage in Aegis, and its
  // relations graph draws the service it was tested against.
  await page.getByRole('link', { name: 'Coverage in Aegis' }).waitFor();
  await page.getByRole('link', { name: 'MITRE ATT&CK' }).first().waitFor();
  await page
    .locator('svg g')
    .getByText(/payments-api|Payments API/)
    .first()
    .waitFor();
  await shot(page, 'catalog-technique-entity');
  await context.close();
}
