import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import aegisPlugin from './alpha';
import { fakeAegisApi } from './__testUtils__';
import { aegisApiRef } from './api/aegisApiRef';

describe('new frontend system', () => {
  it('mounts the Aegis page at /aegis', async () => {
    renderTestApp({
      features: [aegisPlugin],
      initialRouteEntries: ['/aegis'],
      apis: [[aegisApiRef, fakeAegisApi()]],
    });

    expect(await screen.findByText('No ATT&CK data yet')).toBeInTheDocument();
  });
});
