// The coverage pages in the browser, after the workflow walk has validated a
// test against payments-api: the dashboard, the reports page, and the
// payments-api catalog page with its ATT&CK card and tab. Each page is
// screenshotted into test-results/. Used by browser-smoke.mjs.
import { join } from 'node:path';

export async function visitCoverage(browser, { appUrl, results, pageErrors }) {
  const shot = (page, name) =>
    page.screenshot({ path: join(results, `${name}.png`), fullPage: true });
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', error => pageErrors.push(`coverage: ${error.message}`));

  await page.goto(appUrl, { timeout: 180_000 });
  await page.getByRole('button', { name: 'Sign in as ada.admin' }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 60_000 });

  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Coverage dashboard' })
    .click();
  await page
    .getByRole('list', { name: 'Coverage counts' })
    .waitFor({ timeout: 60_000 });
  await page
    .getByRole('table', { name: 'Validation rates per lead' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'coverage-dashboard');

  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Reports' })
    .click();
  await page
    .getByRole('table', { name: 'Coverage by tactic' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'reports');

  await page.goto(`${appUrl}/catalog/default/component/payments-api`);
  await page.getByText(/% validated/).waitFor({ timeout: 60_000 });
  await shot(page, 'catalog-payments-api-attack-card');

  await page.getByRole('link', { name: /View ATT&CK coverage/ }).click();
  await page.getByText('Tested techniques').waitFor({ timeout: 60_000 });
  await page
    .getByRole('region', { name: 'Execution' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'catalog-payments-api-attack-tab');

  await context.close();
}
