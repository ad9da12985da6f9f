import { Header, Page } from '@backstage/core-components';
import { HomeContent } from './HomeContent';

/** The Aegis home page with its own header, for the legacy frontend system. */
export function HomePage() {
  return (
    <Page themeId="tool">
      <Header
        title="ATT&CK Coverage"
        subtitle="What the company is proven to detect and block"
      />
      <HomeContent />
    </Page>
  );
}
