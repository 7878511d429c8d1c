// The REST APIs the console uses: incident-service (this origin), notification-service's drafts and the
// provider's admin API (other origins, allowed by CORS). Calls carry the signed-in user's bearer token; errors
// come back as RFC 9457 problems.

import {t} from './i18n.js';

let auth = null;

/** The console's sign-in (auth.js), whose token goes with every call. */
export function useAuth(signIn) {
  auth = signIn;
}

export class Problem extends Error {
  constructor(status, body) {
    super(status === 401
      ? t('problem.signInAgain')
      : body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    /** [{field: 'releases[0].massKg', message: '...'}] */
    this.errors = Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

async function request(method, path, {body, raw, contentType, headers = {}, anonymous = false} = {}) {
  const init = {method, headers: {Accept: 'application/json', ...headers}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  } else if (raw !== undefined) {
    // a file as it is, e.g. a CSV import
    init.headers['Content-Type'] = contentType;
    init.body = raw;
  }
  const token = anonymous ? null : auth?.token();
  if (token) init.headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, init);
  if (response.status === 401 && token) {
    // the token was refused (revoked, or the provider's key changed): the user is told to sign in again
    auth.rejected();
    // a read is public: it goes again without the token
    if (method === 'GET') return request(method, path, {headers, anonymous: true});
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = {detail: text};
    }
  }
  if (!response.ok) throw new Problem(response.status, json);
  return {json, etag: response.headers.get('ETag'), status: response.status};
}

const segment = encodeURIComponent;

export const api = {
  settings: () => request('GET', '/api/v1/console/settings').then(r => r.json),
  layer: name => request('GET', `/api/v1/map/${name}`).then(r => r.json),

  listIncidents(filters = {}) {
    const query = new URLSearchParams({size: '200'});
    for (const [key, value] of Object.entries(filters)) {
      if (value) query.set(key, value);
    }
    return request('GET', `/api/v1/incidents?${query}`).then(r => r.json);
  },
  incident: id => request('GET', `/api/v1/incidents/${encodeURIComponent(id)}`),
  report: body => request('POST', '/api/v1/incidents', {body}).then(r => r.json),
  revise: (id, version, body) => request('PUT', `/api/v1/incidents/${encodeURIComponent(id)}`,
    {body, headers: {'If-Match': `"${version}"`}}).then(r => r.json),
  retract: (id, version, reason) => request('POST', `/api/v1/incidents/${encodeURIComponent(id)}/retraction`,
    {body: {reason}, headers: {'If-Match': `"${version}"`}}).then(r => r.json),

  /** null while the incident awaits its assessment, and once it was retracted (410: the assessment was withdrawn) */
  async assessment(id) {
    try {
      return (await request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/assessment`)).json;
    } catch (e) {
      if (e instanceof Problem && (e.status === 404 || e.status === 410)) return null;
      throw e;
    }
  },
  alerts: id => request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/alerts`).then(r => r.json),
  revisions: id => request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/revisions`).then(r => r.json),

  /** Contaminated sites, their series and results, and the facilities that report releases. */
  sites: () => request('GET', '/api/v1/sites?size=200').then(r => r.json),
  site: id => request('GET', `/api/v1/sites/${segment(id)}`).then(r => r.json),
  series: (id, substance, medium) => request('GET',
    `/api/v1/sites/${segment(id)}/series?${new URLSearchParams({substance, medium})}`).then(r => r.json),
  addResult: body => request('POST', '/api/v1/results', {body}).then(r => r.json),
  importResults: csv => request('POST', '/api/v1/results/import', {raw: csv, contentType: 'text/csv'}).then(r => r.json),
  facilities(filters = {}) {
    const query = new URLSearchParams({size: '200'});
    for (const [key, value] of Object.entries(filters)) {
      if (value) query.set(key, value);
    }
    return request('GET', `/api/v1/facilities?${query}`).then(r => r.json);
  },

  /** Alerts that wait for an issuer's approval, at notification-service ({@code base}). */
  drafts: base => request('GET', `${base}/api/v1/alerts?status=DRAFT`).then(r => r.json),
  approve: (base, id) => request('POST', `${base}/api/v1/alerts/${segment(id)}/approval`).then(r => r.json),
  reject: (base, id, reason) => request('POST', `${base}/api/v1/alerts/${segment(id)}/rejection`, {body: {reason}})
    .then(r => r.json),
  deliveries: (base, id) => request('GET', `${base}/api/v1/alerts/${segment(id)}/deliveries`).then(r => r.json),

  /** Users and clients at the sign-in provider ({@code issuer}); admins only. */
  users: issuer => request('GET', `${issuer}/api/v1/users`).then(r => r.json),
  addUser: (issuer, user) => request('POST', `${issuer}/api/v1/users`, {body: user}).then(r => r.json),
  setUserRoles: (issuer, username, roles) => request('PUT', `${issuer}/api/v1/users/${segment(username)}/roles`,
    {body: {roles}}).then(r => r.json),
  clients: issuer => request('GET', `${issuer}/api/v1/clients`).then(r => r.json),
  addClient: (issuer, client) => request('POST', `${issuer}/api/v1/clients`, {body: client}).then(r => r.json),
  setClientRoles: (issuer, clientId, roles) => request('PUT', `${issuer}/api/v1/clients/${segment(clientId)}/roles`,
    {body: {roles}}).then(r => r.json),
};
