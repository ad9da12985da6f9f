import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
  SignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  githubAuthApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import { Button, Grid, Typography } from '@material-ui/core';
import { useState } from 'react';

const STORAGE_KEY = 'aegis.devSignIn.user';
const DEV_PROVIDER_ID = 'aegis-dev';
const DEV_USER_HEADER = 'x-aegis-dev-user';

type DemoUser = { name: string; role: string };

/**
 * Signs in through GitHub, or, where the config lists demo users (the
 * development portal), as one of those users through the development
 * provider. The chosen user is remembered until sign-out.
 */
export function DevSignInPage(props: SignInPageProps) {
  const configApi = useApi(configApiRef);
  const users = (
    configApi.getOptionalConfigArray('app.devSignIn.users') ?? []
  ).map(user => ({
    name: user.getString('name'),
    role: user.getString('role'),
  }));
  const [chosen, setChosen] = useState(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );

  if (users.length === 0) {
    return (
      <SignInPage
        {...props}
        auto
        provider={{
          id: 'github-auth-provider',
          title: 'GitHub',
          message: 'Sign in using GitHub',
          apiRef: githubAuthApiRef,
        }}
      />
    );
  }

  if (!chosen) {
    return (
      <DemoUserPicker
        users={users}
        onChoose={name => {
          window.localStorage.setItem(STORAGE_KEY, name);
          setChosen(name);
        }}
      />
    );
  }

  const forget = () => {
    window.localStorage.removeItem(STORAGE_KEY);
    setChosen(null);
  };
  return (
    <ProxiedSignInPage
      provider={DEV_PROVIDER_ID}
      headers={{ [DEV_USER_HEADER]: chosen }}
      onSignInSuccess={identity =>
        props.onSignInSuccess(forgettingOnSignOut(identity, forget))
      }
      ErrorComponent={({ error }) => (
        <Content>
          <Typography color="error" paragraph>
            Could not sign in as {chosen}: {error?.message}
          </Typography>
          <Button variant="contained" onClick={forget}>
            Choose another user
          </Button>
        </Content>
      )}
    />
  );
}

function forgettingOnSignOut(
  identity: IdentityApi,
  forget: () => void,
): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
      forget();
    },
  };
}

function DemoUserPicker(props: {
  users: DemoUser[];
  onChoose: (name: string) => void;
}) {
  return (
    <Page themeId="home">
      <Header
        title="Aegis"
        subtitle="Development sign-in: choose a demo user, one per role"
      />
      <Content>
        <Grid container spacing={3}>
          {props.users.map(user => (
            <Grid item xs={12} sm={6} md={4} key={user.name}>
              <InfoCard title={user.name} subheader={`Role: ${user.role}`}>
                <Button
                  variant="contained"
                  color="primary"
                  aria-label={`Sign in as ${user.name}`}
                  onClick={() => props.onChoose(user.name)}
                >
                  Sign in
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
