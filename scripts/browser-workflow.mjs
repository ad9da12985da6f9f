// The red/blue workflow walked through the portal's pages in the browser: a
// red tech creates and submits a test, a blue tech evaluates it, both leads
// approve, and the test shows validated. Each step is screenshotted into
// test-results/. Used by browser-smoke.mjs.
import { join } from 'node:path';

const TITLE = 'PowerShell download cradle (browser walk)';

/** Signs one demo user in, in a browser context of their own. */
async function signIn(browser, appUrl, name, pageErrors) {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  });
  const page = await context.newPage();
  page.on('pageerror', error => pageErrors.push(`${name}: ${error.message}`));
  await page.goto(appUrl, { timeout: 180_000 });
  await page.getByRole('button', { name: `Sign in as ${name}` }).click();
  await page.getByText('Signed in as').waitFor({ timeout: 60_000 });
  return { context, page };
}

/** Clicks an action button of the test page and confirms its dialog. */
async function act(page, label) {
  await page.getByRole('button', { name: label, exact: true }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: label, exact: true })
    .click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** Waits for the state chip of the test page to read a state. */
async function stateIs(page, label) {
  await page
    .locator('.MuiChip-root', { hasText: new RegExp(`^${label}$`) })
    .first()
    .waitFor({ timeout: 60_000 });
}

export async function walkWorkflow(browser, { appUrl, results, pageErrors }) {
  const shot = (page, name) =>
    page.screenshot({ path: join(results, `${name}.png`), fullPage: true });

  // The red tech creates the test and records the attack.
  const red = await signIn(browser, appUrl, 'rex.redtech', pageErrors);
  let page = red.page;
  await page
    .getByTestId('sidebar-root')
    .getByRole('link', { name: 'Security tests' })
    .click();
  await page.getByRole('button', { name: 'New test' }).click();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Techniques').fill('T1059');
  await page.getByRole('option', { name: /T1059/ }).first().click();
  await page.getByLabel('Platform').fill('Windows');
  await page.getByLabel('Target services').fill('payments');
  await page
    .getByRole('option', { name: /payments-api/i })
    .first()
    .click();
  await page.getByLabel('Severity').selectOption('high');
  await shot(page, 'test-create');
  await page.getByRole('button', { name: 'Create test' }).click();
  await stateIs(page, 'Draft');
  const testUrl = page.url();
  await shot(page, 'test-draft');

  await act(page, 'Start execution');
  await stateIs(page, 'Red executing');
  await page.getByRole('button', { name: 'Edit red' }).click();
  await page.getByLabel('Executed at').fill('2026-12-01T10:00');
  await page.getByLabel('Commands').fill('powershell -enc SQBFAFgA...');
  await page.getByLabel('Result').fill('Payload ran; beacon called home');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Payload ran; beacon called home').waitFor();
  await page.getByTestId('evidence-input-red').setInputFiles({
    name: 'beacon.log',
    mimeType: 'text/plain',
    buffer: Buffer.from('10:00:02 beacon to 203.0.113.7:443\n'),
  });
  await page.getByRole('button', { name: 'Upload red evidence' }).click();
  await page
    .getByRole('button', { name: 'Copy SHA-256 of beacon.log' })
    .waitFor({ timeout: 60_000 });
  await shot(page, 'test-red-evidence');
  await act(page, 'Submit red');
  await stateIs(page, 'Blue evaluating');
  await shot(page, 'test-red-submitted');
  await red.context.close();

  // The blue tech records what each control saw.
  const blue = await signIn(browser, appUrl, 'bea.bluetech', pageErrors);
  page = blue.page;
  await page.goto(testUrl);
  await stateIs(page, 'Blue evaluating');
  await page.getByRole('button', { name: 'Edit blue' }).click();
  await page.getByRole('button', { name: 'Add control' }).click();
  await page.getByLabel('Control 1', { exact: true }).fill('EDR');
  await page.getByLabel('Result of control 1').selectOption('alerted');
  await page.getByLabel('Detected at').fill('2026-12-01T10:04');
  await page.getByLabel('Detection reference').fill('EDR-4711');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('EDR-4711').waitFor();
  await page.getByTestId('evidence-input-blue').setInputFiles({
    name: 'edr-alert.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"alert":"EDR-4711","severity":"high"}'),
  });
  await page.getByRole('button', { name: 'Upload blue evidence' }).click();
  await page
    .getByRole('button', { name: 'Copy SHA-256 of edr-alert.json' })
    .waitFor({ timeout: 60_000 });
  await act(page, 'Submit blue');
  await stateIs(page, 'In review');
  await shot(page, 'test-in-review');
  await blue.context.close();

  // Both leads approve, each on their own side.
  for (const [name, side] of [
    ['rosa.redlead', 'red'],
    ['bo.bluelead', 'blue'],
  ]) {
    const lead = await signIn(browser, appUrl, name, pageErrors);
    page = lead.page;
    await page.goto(testUrl);
    await stateIs(page, 'In review');
    const sideLabel = side === 'red' ? 'Red' : 'Blue';
    await page
      .getByLabel(`${sideLabel} vote comment`)
      .fill('Evidence checked; approved');
    await page.getByRole('button', { name: `Approve ${side}` }).click();
    await page
      .getByText(`user:default/${name}`)
      .first()
      .waitFor({ timeout: 60_000 });
    if (side === 'red') {
      await shot(page, 'test-red-vote');
    } else {
      await stateIs(page, 'Validated');
      await shot(page, 'test-validated');
    }
    await lead.context.close();
  }

  // The creator finds the outcome in the list and in the notifications.
  const creator = await signIn(browser, appUrl, 'rex.redtech', pageErrors);
  page = creator.page;
  await page.goto(`${appUrl}/aegis/tests`);
  await page
    .getByRole('link', { name: TITLE })
    .first()
    .waitFor({ timeout: 60_000 });
  await shot(page, 'tests-list');
  await page.goto(`${appUrl}/notifications`);
  await page
    .getByText(`“${TITLE}” is validated`)
    .first()
    .waitFor({ timeout: 60_000 });
  await shot(page, 'notifications-rex');
  await creator.context.close();
}
