// Sign-in with the deployment's OpenID Connect provider: the authorization code flow with PKCE (RFC 7636,
// S256) for a public client, as RFC 9700 and the OAuth 2.0 for Browser-Based Apps BCP describe it. No OIDC
// client library is published as a WebJar, so this module does the small part of the protocol a page needs:
// discovery, a fresh verifier, state and nonce per attempt, the code exchange, the ID token's claims checked.
//
// The tokens stay in sessionStorage (this tab only, gone when it closes; never localStorage, never a URL,
// never a cookie). A public client gets no refresh token: when the access token expires the console says so
// and offers to sign in again, which the provider's own session usually makes a round trip without a form.

import {t} from './i18n.js';

const SESSION_KEY = 'steppewatch.console.session';
const PENDING_KEY = 'steppewatch.console.signin';
// a token this close to its expiry is not sent: it could lapse on the way
const EXPIRY_MARGIN_MS = 10_000;

/** Who may do what in the console; the services decide, this only hides what they would refuse. */
export const ABILITIES = {
  report: ['analyst', 'issuer'],
  approve: ['issuer'],
  deliveries: ['issuer', 'admin'],
  administer: ['admin'],
};

export class SignInError extends Error {
}

export class Auth extends EventTarget {
  /** @param issuer the provider's issuer (its discovery document lies under it), @param clientId the console's client */
  constructor({issuer, clientId}) {
    super();
    this.issuer = issuer || null;
    this.clientId = clientId;
    this.redirectUri = `${location.origin}/`;
    this.session = readJson(SESSION_KEY);
    this.expired = false;
    if (this.session && Date.now() >= this.session.expiresAt) this.expire();
    this.watchExpiry();
  }

  get enabled() {
    return Boolean(this.issuer && this.clientId);
  }

  /** {name, roles} of whoever is signed in, or null. */
  get user() {
    return this.session ? {name: this.session.name, roles: this.session.roles} : null;
  }

  can(ability) {
    const roles = this.session?.roles || [];
    return (ABILITIES[ability] || []).some(role => roles.includes(role));
  }

  /** The access token for an API call, or null when nobody is signed in or the token is (nearly) spent. */
  token() {
    if (!this.session) return null;
    if (Date.now() >= this.session.expiresAt - EXPIRY_MARGIN_MS) {
      this.expire();
      return null;
    }
    return this.session.accessToken;
  }

  /** The services refused the token (401): it was revoked or the provider's key changed. */
  rejected() {
    if (this.session) this.expire();
  }

  async discovery() {
    if (!this.discovered) {
      const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
      this.discovered = fetch(url, {headers: {Accept: 'application/json'}}).then(async response => {
        if (!response.ok) throw new SignInError(t('signin.noAnswer', {status: response.status, url}));
        const doc = await response.json();
        // OpenID Connect Discovery 1.0, 4.3: the document must name the issuer it was fetched for
        if (doc.issuer !== this.issuer) throw new SignInError(t('signin.otherIssuer', {found: doc.issuer, expected: this.issuer}));
        return doc;
      }).catch(e => {
        this.discovered = null;
        throw e instanceof SignInError ? e : new SignInError(t('signin.unreachable', {issuer: this.issuer}));
      });
    }
    return this.discovered;
  }

  /** Leaves for the provider's sign-in page; comes back to {@link completeSignIn} on the same view. */
  async signIn() {
    if (!this.enabled) throw new SignInError(t('signin.none'));
    if (!globalThis.crypto?.subtle) {
      throw new SignInError(t('signin.insecure'));
    }
    const provider = await this.discovery();
    const verifier = randomText(32);
    const pending = {state: randomText(16), nonce: randomText(16), verifier, returnTo: location.hash || ''};
    sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    const query = new URLSearchParams({
      response_type: 'code', client_id: this.clientId, redirect_uri: this.redirectUri, scope: 'openid profile',
      state: pending.state, nonce: pending.nonce, code_challenge: await s256(verifier), code_challenge_method: 'S256',
    });
    location.assign(`${provider.authorization_endpoint}?${query}`);
  }

  /**
   * On the way back from the provider (?code=…&state=… or ?error=…): removes them from the address at once, checks
   * the state, exchanges the code with the verifier and checks the ID token. False when the page was not a return.
   */
  async completeSignIn() {
    const params = new URLSearchParams(location.search);
    if (!params.has('state') || !(params.has('code') || params.has('error'))) return false;
    const pending = readJson(PENDING_KEY);
    sessionStorage.removeItem(PENDING_KEY);
    history.replaceState(null, '', `${location.pathname}${pending?.returnTo || ''}`);
    if (!pending || params.get('state') !== pending.state) {
      throw new SignInError(t('signin.notStartedHere'));
    }
    if (params.has('error')) {
      throw new SignInError(t('signin.refused', {reason: params.get('error_description') || params.get('error')}));
    }
    const provider = await this.discovery();
    const response = await fetch(provider.token_endpoint, {
      method: 'POST',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
      body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'),
        redirect_uri: this.redirectUri, client_id: this.clientId, code_verifier: pending.verifier}),
    });
    const tokens = await response.json().catch(() => ({}));
    if (!response.ok || !tokens.access_token) {
      throw new SignInError(t('signin.noToken', {reason: tokens.error_description || tokens.error || response.status}));
    }
    const id = this.checkIdToken(tokens.id_token, pending.nonce);
    const access = claims(tokens.access_token) || {};
    const now = Date.now();
    // whichever ends first; an opaque token without expires_in is trusted for five minutes
    const expiresAt = Math.min(tokens.expires_in ? now + tokens.expires_in * 1000 : Infinity,
      access.exp ? access.exp * 1000 : Infinity, tokens.expires_in || access.exp ? Infinity : now + 300_000);
    this.session = {
      accessToken: tokens.access_token, idToken: tokens.id_token, expiresAt,
      name: access.preferred_username || id.preferred_username || id.name || id.sub,
      roles: rolesOf(access).length ? rolesOf(access) : rolesOf(id),
    };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(this.session));
    this.expired = false;
    this.watchExpiry();
    this.dispatchEvent(new Event('change'));
    return true;
  }

  /**
   * The ID token came straight from the token endpoint over the connection the page opened, which OpenID Connect
   * Core 3.1.3.7 accepts in place of checking its signature; its issuer, audience, expiry and nonce are checked.
   */
  checkIdToken(idToken, nonce) {
    const id = claims(idToken);
    if (!id) throw new SignInError(t('signin.noIdToken'));
    const audience = Array.isArray(id.aud) ? id.aud : [id.aud];
    const problem = id.iss !== this.issuer ? t('signin.issuedBy', {issuer: id.iss})
      : !audience.includes(this.clientId) ? t('signin.otherClient')
        : id.nonce !== nonce ? t('signin.otherNonce')
          : !(id.exp * 1000 > Date.now()) ? t('signin.expired')
            : null;
    if (problem) throw new SignInError(t('signin.notAccepted', {problem}));
    return id;
  }

  /** Forgets the tokens here, then ends the provider's session too, so the next sign-in asks again. */
  async signOut() {
    const idToken = this.session?.idToken;
    this.clear();
    this.expired = false;
    let provider = null;
    try {
      provider = this.enabled ? await this.discovery() : null;
    } catch {
      // the tokens are gone from this page, which is what signing out here means
    }
    if (provider?.end_session_endpoint && idToken) {
      const query = new URLSearchParams({id_token_hint: idToken, client_id: this.clientId,
        post_logout_redirect_uri: this.redirectUri});
      location.assign(`${provider.end_session_endpoint}?${query}`);
    } else {
      this.dispatchEvent(new Event('change'));
    }
  }

  clear() {
    clearTimeout(this.timer);
    this.session = null;
    sessionStorage.removeItem(SESSION_KEY);
  }

  expire() {
    this.clear();
    this.expired = true;
    this.dispatchEvent(new Event('change'));
  }

  watchExpiry() {
    clearTimeout(this.timer);
    if (!this.session) return;
    const left = this.session.expiresAt - EXPIRY_MARGIN_MS - Date.now();
    this.timer = setTimeout(() => this.expire(), Math.min(Math.max(left, 0), 2 ** 31 - 1));
  }
}

/** The roles of a token: our provider's claim {@code roles}, or Keycloak's realm roles. */
function rolesOf(claimSet) {
  const roles = Array.isArray(claimSet?.roles) ? claimSet.roles : claimSet?.realm_access?.roles || [];
  return roles.filter(role => typeof role === 'string').map(role => role.toLowerCase())
    .filter((role, i, all) => all.indexOf(role) === i).sort();
}

/** The claims of a JWT, unverified: for showing who is signed in, never for deciding what is allowed. */
function claims(jwt) {
  const part = typeof jwt === 'string' ? jwt.split('.')[1] : null;
  if (!part) return null;
  try {
    const binary = atob(part.replaceAll('-', '+').replaceAll('_', '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, c => c.charCodeAt(0))));
  } catch {
    return null;
  }
}

function readJson(key) {
  try {
    return JSON.parse(sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** n random bytes as base64url text: 32 give the 43 characters RFC 7636 4.1 recommends for a verifier. */
function randomText(n) {
  return base64url(crypto.getRandomValues(new Uint8Array(n)));
}

/** RFC 7636 4.2: BASE64URL(SHA256(ASCII(verifier))). */
export async function s256(verifier) {
  return base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
}
