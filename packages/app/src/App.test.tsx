import { render, screen } from '@testing-library/react';
import App from './App';

jest.setTimeout(30_000);

describe('App', () => {
  it('offers the demo users on the development sign-in page', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: {
              title: 'Aegis',
              devSignIn: {
                users: [
                  { name: 'ada.admin', role: 'admin' },
                  { name: 'vic.viewer', role: 'viewer' },
                ],
              },
            },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());

    expect(
      // The whole app loads first, which is slow on a busy machine.
      await screen.findByRole(
        'button',
        { name: 'Sign in as ada.admin' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Role: viewer')).toBeInTheDocument();
  });
});
