// The analyst console: a hash router over its views (list, report/revise form, incident page, drafts,
// administration, contaminated sites, facilities), one map, a sign-in, the page's language, and a server-sent
// event stream that keeps whatever is on screen current.
import {api, useAuth} from './api.js';
import {Auth} from './auth.js';
import {renderAccount, showNotice, notAllowed} from './account.js';
import {DraftsView} from './drafts.js';
import {AdminView} from './admin.js';
import {ConsoleMap} from './map.js';
import {IncidentList} from './list.js';
import {IncidentPage} from './detail.js';
import {renderForm} from './form.js';
import {SitesList, SitePage} from './sites.js';
import {FacilitiesView} from './facilities.js';
import {h, clear, announce} from './util.js';
import {t, setLanguage, initialLanguage} from './i18n.js';

const ctx = {
  panel: document.getElementById('panel'),
  incidents: [],
  filters: {},
  view: null,
};

async function main() {
  try {
    await setLanguage(initialLanguage(), {remember: false});
  } catch (e) {
    // without a dictionary the keys show: still better than no console
    showNotice(e.message);
  }
  document.querySelectorAll('.languages button').forEach(button => button.addEventListener('click', () => changeLanguage(button.dataset.lang)));
  try {
    ctx.settings = await api.settings();
  } catch (e) {
    clear(ctx.panel, h('h2', {}, t('start.failed')), h('p', {}, t('start.noAnswer', {message: e.message})));
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
  ctx.view?.leave?.();
  let match;
  if ((match = hash.match(/^\/incidents\/([^/]+)\/revise$/))) {
    ctx.view = null;
    ctx.map.clearAssessment();
    if (!ctx.auth.can('report')) {
      clear(ctx.panel, notAllowed(ctx.auth, t('auth.reviseNeeds'), t('auth.analystOrIssuer')));
    } else {
      try {
        const {json} = await api.incident(decodeURIComponent(match[1]));
        renderForm(ctx, json);
      } catch (e) {
        clear(ctx.panel, h('h2', {tabindex: '-1'}, t('incident.notFound')), h('p', {}, e.message));
      }
    }
  } else if ((match = hash.match(/^\/incidents\/([^/]+)$/))) {
    ctx.view = new IncidentPage(ctx, decodeURIComponent(match[1]));
    await ctx.view.show();
  } else if (hash === '/report') {
    ctx.view = null;
    ctx.map.clearAssessment();
    if (ctx.auth.can('report')) renderForm(ctx, null);
    else clear(ctx.panel, notAllowed(ctx.auth, t('auth.reportNeeds'), t('auth.analystOrIssuer')));
  } else if ((match = hash.match(/^\/sites\/([^/]+)$/))) {
    ctx.map.clearAssessment();
    ctx.view = new SitePage(ctx, decodeURIComponent(match[1]));
    await ctx.view.show();
  } else if (hash === '/sites' || hash === '/facilities') {
    ctx.map.clearAssessment();
    ctx.view = hash === '/sites' ? new SitesList(ctx) : new FacilitiesView(ctx);
    await ctx.view.show();
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
  document.querySelectorAll('.topbar nav a').forEach(a => {
    const current = a.getAttribute('href') === `#${hash}` || (a.id === 'sites-link' && hash.startsWith('/sites/'));
    if (current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  ctx.panel.querySelector('h2')?.focus({preventScroll: true});
  ctx.panel.scrollTop = 0;
}

/** Another language: the static texts change at once, the header, the legend and the view are drawn again. */
async function changeLanguage(lang) {
  try {
    await setLanguage(lang);
  } catch (e) {
    showNotice(e.message);
    return;
  }
  renderAccount(ctx.auth);
  ctx.map.renderLegend();
  const live = document.getElementById('live-status');
  live.querySelector('.text').textContent = t(`live.${live.dataset.state}`);
  // a form with something typed in keeps it: it speaks the new language when it is opened next
  const typed = [...ctx.panel.querySelectorAll('form.incident-form input, form.incident-form textarea')]
    .some(el => el.type !== 'checkbox' && el.type !== 'file' && el.value);
  if (!typed) await route();
}

/** One stream for the page; the browser reconnects by itself and we then reload what is shown. */
function connect() {
  const status = document.getElementById('live-status');
  const say = state => {
    status.dataset.state = state;
    status.querySelector('.text').textContent = t(`live.${state}`);
    document.body.dataset.live = state;
  };
  const source = new EventSource('/api/v1/events/stream');
  let connectedOnce = false;
  source.addEventListener('ready', () => {
    say('open');
    if (connectedOnce) refreshView();
    connectedOnce = true;
  });
  source.addEventListener('error', () => say('reconnecting'));
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
      announce(known ? t('live.assessedTitle', {title: known.title}) : t('live.assessedOne'));
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
