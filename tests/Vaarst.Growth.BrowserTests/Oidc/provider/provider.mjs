// A loopback OpenID Connect provider that looks enough like Microsoft Entra ID for Microsoft.Identity.Web:
// mounted at /<tenant-guid>/v2.0 (Identity.Web's authority is Instance + TenantId + "/v2.0"), HTTPS, and id_tokens
// carrying tid, oid, name, preferred_username and a roles array. Test-only: started by EntraIdSignInTests.
//
// Settings come from arguments (--port 44300 --tenant-id <guid> --redirect-uri a --redirect-uri b ...) or, when an argument is
// missing, from the environment (OIDC_PORT, OIDC_TENANT_ID, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS and
// OIDC_POST_LOGOUT_REDIRECT_URIS space-separated, OIDC_CERT_FILE, OIDC_KEY_FILE). When it listens it prints one line,
// "oidc-provider ready <issuer>", to stdout. With --exit-with-stdin it stops when its stdin closes.
//
// Sign-in uses oidc-provider's built-in development login form: the login name picks an account from accounts.json
// ("sam", "priya"); any other name is someone who is not in the Vaarst Growth directory. The password is not checked.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string' },
    'tenant-id': { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'redirect-uri': { type: 'string', multiple: true },
    'post-logout-redirect-uri': { type: 'string', multiple: true },
    cert: { type: 'string' },
    key: { type: 'string' },
    'exit-with-stdin': { type: 'boolean' },
  },
});

function setting(argument, variable) {
  const value = args[argument] ?? process.env[variable]?.split(' ').filter(Boolean);
  const present = Array.isArray(value) ? value.length > 0 : Boolean(value);
  if (!present) {
    console.error(`oidc-provider: missing --${argument} (or ${variable})`);
    process.exit(2);
  }
  return value;
}

const single = (argument, variable) => [setting(argument, variable)].flat()[0];
const port = Number(single('port', 'OIDC_PORT'));
if (!Number.isInteger(port) || port <= 0) {
  console.error('oidc-provider: the port must be a fixed port number (the issuer names it)');
  process.exit(2);
}
const tenantId = single('tenant-id', 'OIDC_TENANT_ID');
const clientId = single('client-id', 'OIDC_CLIENT_ID');
const clientSecret = single('client-secret', 'OIDC_CLIENT_SECRET');
const redirectUris = [setting('redirect-uri', 'OIDC_REDIRECT_URIS')].flat();
const postLogoutRedirectUris = [setting('post-logout-redirect-uri', 'OIDC_POST_LOGOUT_REDIRECT_URIS')].flat();
const tls = { cert: readFileSync(single('cert', 'OIDC_CERT_FILE')), key: readFileSync(single('key', 'OIDC_KEY_FILE')) };

const { accounts } = JSON.parse(readFileSync(new URL('./accounts.json', import.meta.url), 'utf8'));
const mountPath = `/${tenantId}/v2.0`;

// Like Entra ID: `sub` is pairwise (per application) and differs from the object id `oid`, so a relying party that
// matched people on `sub` would fail here just as it would against the real thing.
const pairwise = (value) => createHash('sha256').update(`${clientId}:${value}`).digest('base64url');
const stranger = (login) => {
  const hex = createHash('sha256').update(`stranger:${login}`).digest('hex');
  return {
    oid: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    name: `${login} (not in the directory)`,
    preferred_username: `${login}@elsewhere.example`,
    roles: ['Engineer'],
  };
};

const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

// No web fonts or other outside requests: the test machine has no internet.
const page = (title, body) => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body{font-family:sans-serif;margin:2rem auto;max-width:28rem}button{display:block;width:100%;margin:.5rem 0;padding:.5rem}</style>
</head><body><h1>${title}</h1>${body}</body></html>`;
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const configuration = {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    client_name: 'Vaarst Growth',
    redirect_uris: redirectUris,
    post_logout_redirect_uris: postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    // ASP.NET Core's OpenID Connect handler sends the client secret in the token request body.
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
  cookies: { keys: [randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  // Lifetimes in seconds; a test run lasts well under these.
  ttl: { Interaction: 600, Session: 3600, Grant: 3600, IdToken: 600, AccessToken: 600, AuthorizationCode: 60 },
  // Put the claims in the id_token itself, as Entra ID does (the app does not call the userinfo endpoint).
  conformIdTokenClaims: false,
  claims: {
    openid: ['sub', 'tid', 'oid', 'roles'],
    profile: ['name', 'preferred_username'],
    email: ['email'],
  },
  async findAccount(ctx, id) {
    const person = accounts[id.toLowerCase()] ?? stranger(id);
    return {
      accountId: id,
      async claims() {
        return {
          sub: pairwise(person.oid),
          tid: tenantId,
          oid: person.oid,
          name: person.name,
          preferred_username: person.preferred_username,
          email: person.preferred_username,
          roles: person.roles,
        };
      },
    };
  },
  // Admin consent, as an Entra tenant grants it for its own line-of-business apps: the login form is the only prompt.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      return ctx.oidc.provider.Grant.find(grantId);
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid profile email');
    await grant.save();
    return grant;
  },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = page('Sign out of the test provider?', `${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
<button type="submit" form="op.logoutForm">No, stay signed in</button>`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.body = page('Signed out of the test provider', '<p>No application asked to be returned to.</p>');
      },
    },
  },
  async renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = page('Test provider error', `<pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
  },
};

const provider = new Provider(`https://127.0.0.1:${port}${mountPath}`, configuration);
// Errors go to stderr with the request's parameters; the test prints them when it fails.
for (const event of ['server_error', 'authorization.error', 'pushed_authorization_request.error', 'grant.error', 'end_session.error']) {
  provider.on(event, (ctx, error) => console.error(
    `oidc-provider ${event}: ${error?.message} ${error?.error_description ?? ''} ${JSON.stringify(ctx?.oidc?.params ?? {})}`));
}

// Mount the provider at /<tenant>/v2.0 the way Express would: strip the prefix and keep originalUrl, which
// oidc-provider uses to build its own URLs.
const callback = provider.callback();
const server = createServer(tls, (req, res) => {
  if (req.url === mountPath || req.url.startsWith(`${mountPath}/`) || req.url.startsWith(`${mountPath}?`)) {
    req.originalUrl = req.url;
    req.url = req.url.slice(mountPath.length) || '/';
    callback(req, res);
  } else {
    res.writeHead(404).end();
  }
});

server.on('error', (error) => {
  console.error(`oidc-provider: ${error.message}`);
  process.exit(1);
});
server.listen(port, '127.0.0.1', () => console.log(`oidc-provider ready ${provider.issuer}`));

// A test that starts the provider keeps its stdin open; if the test process dies, the pipe closes and so do we.
if (args['exit-with-stdin']) {
  process.stdin.on('end', () => process.exit(0)).resume();
}

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
