// The analyst console: a hash router over its views (list, report/revise form, incident page, drafts,
// administration), one map, a sign-in, and a server-sent event stream that keeps whatever is on screen current.
import {api, useAuth} from './api.js';
import {Auth} from './auth.js';
import {renderAccount, showNotice, notAllowed} from './account.js';
import {DraftsView} from './drafts.js';
import {AdminView} from './admin.js';
import {ConsoleMap} from './map.js';
import {IncidentList} from './list.js';
import {IncidentPage} from './detail.js';
import {renderForm} from './form.js';
import {h, clear, announce} from './util.js';

const ctx = {
  panel: document.getElementById('panel'),
  incidents: [],
  filters: {},
  view: null,
};

async function main() {
  try {
    ctx.settings = await api.settings();
  } catch (e) {
    clear(ctx.panel, h('h2', {}, 'The console could not start'), h('p', {}, `incident-service did not answer: ${e.message}`));
    return;
  }
  ctx.notificationUrl = (ctx.settings.notificationUrl || `${location.protocol}//${location.hostname}:8083`).replace(/\/$/, '');
  ctx.auth = new Auth({issuer: ctx.settings.issuer, clientId: ctx.settings.clientId});
  ctx.providerUrl = (ctx.settings.issuer || '').replace(/\/$/, '');
  useAuth(ctx.auth);
  try {
    await ctx.auth.completeSignIn();
  } catch (e) {
    showNotice(e.message);
  }
  renderAccount(ctx.auth);
  ctx.auth.addEventListener('change', () => {
    renderAccount(ctx.auth);
    ctx.view?.onAuthChange?.();
  });
  ctx.map = new ConsoleMap(document.getElementById('map'), ctx.settings);
  ctx.showIncidentsOnMap = selectedId => ctx.map.setIncidents(ctx.incidents, id => { location.hash = `#/incidents/${id}`; }, selectedId);
  ctx.saved = incident => { location.hash = `#/incidents/${incident.id}`; };
  ctx.upsertIncident = upsertIncident;
  // hooks for the browser tests and for curious analysts in the devtools
  window.steppeWatchConsole = {map: ctx.map.map, ctx};
  const layers = ctx.map.loadBaseLayers(api).then(() => document.body.classList.add('layers-ready'));
  window.addEventListener('hashchange', route);
  await route();
  connect();
  await layers;
}

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  ctx.map.stopPicking();
  let match;
  if ((match = hash.match(/^\/incidents\/([^/]+)\/revise$/))) {
    ctx.view = null;
    ctx.map.clearAssessment();
    if (!ctx.auth.can('report')) {
      clear(ctx.panel, notAllowed(ctx.auth, 'Revising needs a sign-in', 'analyst or issuer'));
    } else {
      try {
        const {json} = await api.incident(decodeURIComponent(match[1]));
        renderForm(ctx, json);
      } catch (e) {
        clear(ctx.panel, h('h2', {tabindex: '-1'}, 'Incident not found'), h('p', {}, e.message));
      }
    }
  } else if ((match = hash.match(/^\/incidents\/([^/]+)$/))) {
    ctx.view = new IncidentPage(ctx, decodeURIComponent(match[1]));
    await ctx.view.show();
  } else if (hash === '/report') {
    ctx.view = null;
    ctx.map.clearAssessment();
    if (ctx.auth.can('report')) renderForm(ctx, null);
    else clear(ctx.panel, notAllowed(ctx.auth, 'Reporting needs a sign-in', 'analyst or issuer'));
  } else if (hash === '/drafts' || hash === '/admin') {
    ctx.map.clearAssessment();
    ctx.view = hash === '/drafts' ? new DraftsView(ctx) : new AdminView(ctx);
    await ctx.view.show();
  } else {
    ctx.map.clearAssessment();
    ctx.view = new IncidentList(ctx);
    await ctx.view.show();
  }
  document.body.dataset.view = ctx.view ? ctx.view.constructor.name : 'form';
  ctx.panel.querySelector('h2')?.focus({preventScroll: true});
  ctx.panel.scrollTop = 0;
}

/** One stream for the page; the browser reconnects by itself and we then reload what is shown. */
function connect() {
  const status = document.getElementById('live-status');
  const say = (state, text) => {
    status.dataset.state = state;
    status.querySelector('.text').textContent = text;
    document.body.dataset.live = state;
  };
  const source = new EventSource('/api/v1/events/stream');
  let connectedOnce = false;
  source.addEventListener('ready', () => {
    say('open', 'Live');
    if (connectedOnce) refreshView();
    connectedOnce = true;
  });
  source.addEventListener('error', () => say('reconnecting', 'Reconnecting…'));
  source.addEventListener('incident', event => {
    const incident = JSON.parse(event.data);
    upsertIncident(incident);
    if (ctx.view instanceof IncidentList) ctx.view.upsert(incident);
    else if (ctx.view instanceof IncidentPage) {
      ctx.view.onIncident(incident);
      ctx.showIncidentsOnMap(ctx.view.id);
    } else ctx.showIncidentsOnMap();
  });
  source.addEventListener('assessed', event => {
    const data = JSON.parse(event.data);
    const known = ctx.incidents.find(i => i.id === data.incidentId);
    if (known && data.status && known.version === data.incidentVersion) {
      const updated = {...known, status: data.status};
      upsertIncident(updated);
      if (ctx.view instanceof IncidentList) ctx.view.upsert(updated);
    }
    if (ctx.view instanceof IncidentPage) {
      ctx.view.onAssessed(data);
      ctx.showIncidentsOnMap(ctx.view.id);
    } else if (!(ctx.view instanceof IncidentList)) {
      ctx.showIncidentsOnMap();
    }
    if (data.status && !(ctx.view instanceof IncidentPage && ctx.view.id === data.incidentId)) {
      announce(`${known ? known.title : 'An incident'} is assessed`);
    }
  });
  source.addEventListener('alert', event => {
    if (ctx.view instanceof IncidentPage) ctx.view.onAlert(JSON.parse(event.data));
    else if (ctx.view instanceof DraftsView) ctx.view.load();
  });
}

/** Keeps the map's pins in step: a new incident gets one, a changed one is redrawn. */
function upsertIncident(incident, always = false) {
  const at = ctx.incidents.findIndex(i => i.id === incident.id);
  if (at >= 0) ctx.incidents[at] = incident;
  else if (always || !(ctx.view instanceof IncidentList)) ctx.incidents.push(incident);
}

function refreshView() {
  if (ctx.view instanceof IncidentList) ctx.view.load();
  else if (ctx.view instanceof IncidentPage) ctx.view.refresh();
}

main();
