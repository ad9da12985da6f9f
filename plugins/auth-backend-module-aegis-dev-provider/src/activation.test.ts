import { ConfigReader } from '@backstage/config';
import { isDevSignInActive } from './activation';

function config(auth: object) {
  return new ConfigReader({ auth });
}

describe('isDevSignInActive', () => {
  it('is off when the provider is not configured', () => {
    expect(isDevSignInActive(config({}), 'development')).toBe(false);
  });

  it('runs when configured for the current auth environment', () => {
    const devConfig = config({
      environment: 'development',
      providers: { 'aegis-dev': { development: {} } },
    });

    expect(isDevSignInActive(devConfig, 'development')).toBe(true);
  });

  it('treats a missing auth environment as development', () => {
    const devConfig = config({
      providers: { 'aegis-dev': { development: {} } },
    });

    expect(isDevSignInActive(devConfig, undefined)).toBe(true);
  });

  it('stays off under the production config, whose environment is production', () => {
    const productionConfig = config({
      environment: 'production',
      providers: { 'aegis-dev': { development: {} } },
    });

    expect(isDevSignInActive(productionConfig, 'production')).toBe(false);
  });

  it('refuses a production section', () => {
    const productionConfig = config({
      environment: 'production',
      providers: { 'aegis-dev': { production: {} } },
    });

    expect(() => isDevSignInActive(productionConfig, undefined)).toThrow(
      /must never be configured for production/,
    );
  });

  it('refuses to run with NODE_ENV=production', () => {
    const devConfig = config({
      environment: 'development',
      providers: { 'aegis-dev': { development: {} } },
    });

    expect(() => isDevSignInActive(devConfig, 'production')).toThrow(
      /NODE_ENV=production/,
    );
  });
});
