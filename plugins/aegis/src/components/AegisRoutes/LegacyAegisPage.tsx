import { Header, Page } from '@backstage/core-components';
import { AegisRoutes } from './AegisRoutes';

/**
 * The Aegis pages with their own header, for the legacy frontend system; the
 * new frontend system draws the header itself.
 */
export function LegacyAegisPage() {
  return (
    <Page themeId="tool">
      <Header
        title="ATT&CK Coverage"
        subtitle="What the company is proven to detect and block"
      />
      <AegisRoutes />
    </Page>
  );
}
