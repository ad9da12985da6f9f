// The coverage pages in the browser, after the workflow walk has validated a
// test against payments-api: the dashboard, the reports page, and the
// payments-api catalog page with its ATT&CK card and tab. Each page is
// screenshotted into test-results/, and the figures they show must agree
// with one another and with the Navigator layer the reports page downloads.
// Used by browser-smoke.mjs.
import { join } from 'node:path';

const STATUS_LABELS = {
  validated: 'Validated',
  partial: 'Partial',
  in_progress: 'In progress',
  not_covered: 'Not covered',
};

/** Reads `<label>: <number>` for each status out of a page's text. */
function countsIn(text, what) {
  return Object.fromEntries(
    Object.entries(STATUS_LABELS).map(([status, label]) => {
      const found = new RegExp(`${label}: (\\d+)`).exec(text);
      if (!found) throw new Error(`${what} shows no count of ${label}`);
      return [status, Number(found[1])];
    }),
  );
}

/**
 * Techniques of a Navigator layer by status, each counted once. The layer
 * colours sub-techniques too; the counts everywhere else count techniques,
 * a sub-technique through its parent.
 */
function layerCounts(layer) {
  const statusOf = new Map(
    layer.techniques
      .filter(t => !t.techniqueID.includes('.'))
      .map(t => [
        t.techniqueID,
        t.metadata.find(m => m.name === 'Status').value,
      ]),
  );
  const counts = { validated: 0, partial: 0, in_progress: 0, not_covered: 0 };
  for (const status of statusOf.values()) counts[status] += 1;
  return counts;
}

function expectSame(what, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: ${a}, expected ${e}`);
}

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
  const dashboard = countsIn(
    await page.getByRole('list', { name: 'Coverage counts' }).innerText(),
    'The dashboard',
  );
  if (dashboard.validated < 1) {
    throw new Error(
      'The dashboard shows no validated technique after the walk',
    );
  }

  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Reports' })
    .click();
  await page
    .getByRole('table', { name: 'Coverage by tactic' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'reports');
  const summary = await page
    .getByText(/^\d+ techniques: \d+ validated/)
    .innerText();
  const [, ...reported] = summary.match(
    /(\d+) validated, (\d+) partial, (\d+) in progress, (\d+) not covered/,
  );
  expectSame(
    'The coverage summary report',
    Object.fromEntries(
      Object.keys(STATUS_LABELS).map((status, i) => [
        status,
        Number(reported[i]),
      ]),
    ),
    dashboard,
  );
  // The layer as the reports page downloads it, with the page's cookie.
  const layerLink = page.getByRole('link', { name: 'Navigator layer' });
  await page.waitForFunction(
    () => document.querySelector('a[href*="/reports/navigator-layer"]'),
    undefined,
    { timeout: 60_000 },
  );
  const layerUrl = new URL(await layerLink.getAttribute('href'));
  const fetchLayer = async url => {
    const answer = await context.request.get(url.toString());
    if (!answer.ok()) {
      throw new Error(
        `The Navigator layer download answered ${answer.status()}`,
      );
    }
    return answer.json();
  };
  expectSame(
    'The Navigator layer',
    layerCounts(await fetchLayer(layerUrl)),
    dashboard,
  );
  layerUrl.searchParams.set('entityRef', 'component:default/payments-api');
  const serviceLayer = layerCounts(await fetchLayer(layerUrl));

  await page.goto(`${appUrl}/catalog/default/component/payments-api`);
  await page.getByText(/% validated/).waitFor({ timeout: 60_000 });
  await shot(page, 'catalog-payments-api-attack-card');
  // The card counts the techniques tested against the service; the layer
  // lists every technique, the untested ones as not covered.
  const card = countsIn(
    await page.getByRole('list', { name: 'Techniques by status' }).innerText(),
    "payments-api's ATT&CK card",
  );
  const tested = ({ validated, partial, in_progress }) => ({
    validated,
    partial,
    in_progress,
  });
  expectSame(
    "payments-api's card against its Navigator layer",
    tested(card),
    tested(serviceLayer),
  );
  if (card.validated < 1) {
    throw new Error("payments-api's card shows no validated technique");
  }

  await page.getByRole('link', { name: /View ATT&CK coverage/ }).click();
  await page.getByText('Tested techniques').waitFor({ timeout: 60_000 });
  await page
    .getByRole('region', { name: 'Execution' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'catalog-payments-api-attack-tab');

  await context.close();
}
