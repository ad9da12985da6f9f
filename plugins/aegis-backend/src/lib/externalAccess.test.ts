import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { warnAboutUnrestrictedTokens } from './externalAccess';

function warningsFor(externalAccess: object[]) {
  const logger = mockServices.logger.mock();
  warnAboutUnrestrictedTokens(
    new ConfigReader({ backend: { auth: { externalAccess } } }),
    logger,
  );
  return logger.warn.mock.calls.map(([message]) => message);
}

const token = (subject: string, accessRestrictions?: object[]) => ({
  type: 'static',
  options: { token: 'x'.repeat(24), subject },
  ...(accessRestrictions ? { accessRestrictions } : {}),
});

describe('warnAboutUnrestrictedTokens', () => {
  it('warns about a token without any restriction', () => {
    expect(warningsFor([token('ci')])).toEqual([
      expect.stringContaining("'ci'"),
    ]);
  });

  it('warns about a token restricted to Aegis but to no permission', () => {
    expect(warningsFor([token('ci', [{ plugin: 'aegis' }])])).toHaveLength(1);
  });

  it('stays quiet for tokens limited to Aegis permissions or to other plugins', () => {
    expect(
      warningsFor([
        token('reader', [
          { plugin: 'aegis', permission: ['aegis.report.read'] },
        ]),
        token('catalog-only', [{ plugin: 'catalog' }]),
      ]),
    ).toEqual([]);
  });
});
