// The incident-service REST API as the console uses it. Errors come back as RFC 9457 problems.

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    /** [{field: 'releases[0].massKg', message: '...'}] */
    this.errors = Array.isArray(this.body.errors) ? this.body.errors : [];
  }
}

async function request(method, path, {body, headers = {}} = {}) {
  const init = {method, headers: {Accept: 'application/json', ...headers}};
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch(path, init);
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

  /** null while the incident awaits its assessment */
  async assessment(id) {
    try {
      return (await request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/assessment`)).json;
    } catch (e) {
      if (e instanceof Problem && e.status === 404) return null;
      throw e;
    }
  },
  alerts: id => request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/alerts`).then(r => r.json),
  revisions: id => request('GET', `/api/v1/incidents/${encodeURIComponent(id)}/revisions`).then(r => r.json),
};
