// The community page: find a place, see its active alerts, subscribe, keep the management link.
// Speaks Kazakh, Russian and English (dictionaries in i18n/); plain DOM, no build step.
import {contains, withinKm} from './geo.js';

const L = window.L;
const LANGUAGES = ['kk', 'ru', 'en'];
const STORE = 'steppewatch.subscriptions';
const POLL_MS = 30000;
const LEVELS = {
  'AEGL-3': {stroke: '#a50f15', fill: '#de2d26', dash: null, key: 'aegl_3'},
  'AEGL-2': {stroke: '#c2410c', fill: '#fb8c3c', dash: '9 5', key: 'aegl_2'},
  'AEGL-1': {stroke: '#8a6d00', fill: '#fde047', dash: '2 5', key: 'aegl_1'},
};
const OTHER = {stroke: '#3f4f6b', fill: '#8ea2c0', dash: '12 4 3 4'};
const SEVERITY_GLYPH = {Extreme: '▲▲▲', Severe: '▲▲', Moderate: '▲', Minor: '△', Unknown: '?'};

const state = {
  lang: 'en',
  dict: {},
  dicts: {},
  mode: 'settlement',
  place: null, // {kind: 'settlement', hit} | {kind: 'area', lon, lat, radiusKm}
  results: null,
  alerts: null,
  checkedAt: null,
  alertsError: null,
  subscribed: null,
  mine: [],
};

// ---------------------------------------------------------------------------------------- helpers

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * Text for Leaflet's tooltips as a DOM node: given a string, Leaflet sets it as innerHTML, and settlement names
 * come from imports, headlines from alerts.
 */
const text = (...parts) => h('span', {}, ...parts);

const $ = selector => document.querySelector(selector);

/** t('population', {n: '70 000'}) */
function t(key, values = {}) {
  const found = state.dict[key] ?? state.dicts.en?.[key] ?? key;
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

function announce(message) {
  const region = $('#announcer');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

function formatInt(n) {
  return new Intl.NumberFormat(state.dict.numberLocale || 'en-GB').format(n);
}

/** In the reader's time zone, with month names from the dictionary (browsers may lack Kazakh locale data). */
function formatTime(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const months = state.dict.months || state.dicts.en.months;
  const clock = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return (state.dict.dateFormat || '{d} {month} {y}, {time}').replace('{d}', date.getDate())
    .replace('{month}', months[date.getMonth()]).replace('{y}', date.getFullYear()).replace('{time}', clock);
}

/** A settlement's name in the page's language, with the others beside it. */
function placeName(s) {
  const own = state.lang === 'kk' ? s.nameKk || s.nameRu || s.name : state.lang === 'ru' ? s.nameRu || s.name : s.name;
  const others = [s.nameKk, s.nameRu, s.name].filter(n => n && n !== own);
  return {own, others: [...new Set(others)]};
}

function regionName(r) {
  if (!r) return '';
  return state.lang === 'kk' ? r.nameKk || r.name : state.lang === 'ru' ? r.nameRu || r.name : r.name;
}

function numberOrText(value) {
  const v = (value || '').trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
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
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = {detail: text};
  }
  if (!response.ok) {
    const error = new Error(json?.detail || json?.title || `HTTP ${response.status}`);
    error.status = response.status;
    error.errors = Array.isArray(json?.errors) ? json.errors : [];
    throw error;
  }
  return json;
}

// ---------------------------------------------------------------------------------------- language

async function setLanguage(lang) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  if (!state.dicts[lang]) state.dicts[lang] = await request('GET', `/i18n/${lang}.json`);
  if (!state.dicts.en) state.dicts.en = await request('GET', '/i18n/en.json');
  state.lang = lang;
  state.dict = state.dicts[lang];
  try {
    localStorage.setItem('steppewatch.lang', lang);
  } catch { /* private mode: the choice lasts for this visit */ }
  document.documentElement.lang = lang;
  document.title = t('title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)));
  document.querySelectorAll('.languages button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
  if (!state.languageTouched) $('#sub-language').value = lang;
  renderAll();
}

function initialLanguage() {
  const stored = (() => {
    try {
      return localStorage.getItem('steppewatch.lang');
    } catch {
      return null;
    }
  })();
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.languages || [navigator.language]).map(l => (l || '').slice(0, 2));
  return browser.find(l => LANGUAGES.includes(l)) || 'en';
}

// ---------------------------------------------------------------------------------------- map

const map = {
  leaflet: null,
  zones: null,
  place: null,
  settlements: null,
  /** layers whose permanent labels follow the language */
  labelled: [],
};

function createMap() {
  const m = L.map('map', {zoomSnap: 0.25, minZoom: 3, maxZoom: 13});
  m.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  m.createPane('regions').style.zIndex = 200;
  m.createPane('zones').style.zIndex = 380;
  m.createPane('places').style.zIndex = 450;
  m.fitBounds([[40.3, 46.3], [55.6, 87.5]], {paddingBottomRight: [0, 10]});
  map.leaflet = m;
  // for the browser tests' screenshots: the map is not moving
  m.on('movestart', () => { document.body.dataset.mapIdle = 'false'; });
  m.on('moveend', () => { document.body.dataset.mapIdle = 'true'; });
  map.zones = L.layerGroup().addTo(m);
  map.place = L.layerGroup().addTo(m);
  L.control.scale({imperial: false}).addTo(m);
  const Legend = L.Control.extend({onAdd: () => h('div', {class: 'legend', id: 'legend'})});
  new Legend({position: 'bottomright'}).addTo(m);
  m.on('click', e => {
    if (state.mode !== 'area') return;
    $('#area-lon').value = e.latlng.lng.toFixed(4);
    $('#area-lat').value = e.latlng.lat.toFixed(4);
    useArea(null, false);
  });
  window.steppeWatchCommunity = {map: m, state};
}

async function loadLayers() {
  const [regions, settlements] = await Promise.all([
    request('GET', '/api/v1/community/regions').catch(() => null),
    request('GET', '/api/v1/community/settlements').catch(() => null),
  ]);
  if (regions) {
    const cities = new Set(['osm:85123', 'osm:85124', 'osm:85125']);
    L.geoJSON(regions, {
      pane: 'regions', interactive: false,
      style: {color: '#8d8370', weight: 1, fillColor: '#f4f0e4', fillOpacity: 1},
      onEachFeature: (feature, layer) => {
        if (cities.has(feature.properties.id)) return;
        // the label follows the page's language
        layer.bindTooltip(() => text(String(regionName(feature.properties) || '').replace(/ [Rr]egion$| облысы$| область$/, '')),
          {permanent: true, direction: 'center', className: 'region-label', interactive: false});
        map.labelled.push(layer);
      },
    }).addTo(map.leaflet);
  }
  if (settlements) {
    state.settlements = new Map(settlements.map(x => [x.id, x]));
    map.settlements = L.layerGroup(settlements.map(s => {
      const marker = L.circleMarker([s.lat, s.lon], {
        pane: 'places', radius: s.population >= 250000 ? 5 : s.population >= 50000 ? 4 : 3,
        color: '#fff', weight: 1, fillColor: '#3b3b3b', fillOpacity: 0.85, bubblingMouseEvents: true,
      });
      if (s.population >= 250000) {
        marker.bindTooltip(() => text(placeName(s).own), {permanent: true, direction: 'right', offset: [4, 0], className: 'city-label'});
        map.labelled.push(marker);
      } else {
        marker.bindTooltip(() => text(`${placeName(s).own} · ${t('population', {n: formatInt(s.population)})}`));
      }
      // in settlement mode a settlement on the map can be chosen by clicking it
      marker.on('click', () => { if (state.mode === 'settlement') choose(s); });
      return marker;
    })).addTo(map.leaflet);
  }
  document.body.classList.add('layers-ready');
}

function levelStyle(level) {
  return LEVELS[level] || OTHER;
}

function drawZones() {
  map.zones.clearLayers();
  for (const alert of state.activeAll || []) {
    const zones = [...(alert.hazardZones || [])].sort((a, b) => rank(a.level) - rank(b.level));
    for (const zone of zones) {
      const s = levelStyle(zone.level);
      L.geoJSON(zone.geometry, {
        pane: 'zones',
        style: {color: s.stroke, weight: 2, dashArray: s.dash, fillColor: s.fill, fillOpacity: 0.3,
          className: `alert-zone level-${String(zone.level).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`},
      }).bindTooltip(text(`${zone.level}${zone.substance ? ` · ${zone.substance}` : ''} — ${headlineOf(alert)}`), {sticky: true})
        .addTo(map.zones);
    }
  }
}

function rank(level) {
  return {'AEGL-3': 3, 'AEGL-2': 2, 'AEGL-1': 1}[level] || 0;
}

function drawPlace(fit) {
  map.place.clearLayers();
  const p = state.place;
  if (!p) return;
  if (p.kind === 'settlement') {
    const {lat, lon} = p.hit;
    L.circleMarker([lat, lon], {pane: 'places', radius: 9, color: '#111827', weight: 3, fill: false}).addTo(map.place);
    L.tooltip({permanent: true, direction: 'right', offset: [10, 0], className: 'place-label'})
      .setLatLng([lat, lon]).setContent(text(placeName(p.hit).own)).addTo(map.place);
    if (fit) map.leaflet.flyTo([lat, lon], Math.max(map.leaflet.getZoom(), 8), {duration: 0.6});
  } else {
    const circle = L.circle([p.lat, p.lon], {radius: p.radiusKm * 1000, pane: 'places', color: '#111827', weight: 2.5,
      dashArray: '6 4', fillColor: '#111827', fillOpacity: 0.06, interactive: false}).addTo(map.place);
    L.circleMarker([p.lat, p.lon], {pane: 'places', radius: 4, color: '#111827', weight: 2, fillColor: '#fff', fillOpacity: 1,
      interactive: false}).addTo(map.place);
    if (fit) map.leaflet.flyToBounds(circle.getBounds().pad(0.3), {duration: 0.6, maxZoom: 10});
  }
}

function renderLegend() {
  const legend = $('#legend');
  if (!legend) return;
  // colours through the CSSOM, not a style attribute, which the Content-Security-Policy forbids
  const swatch = s => {
    const el = h('span', {class: 'swatch', 'aria-hidden': 'true'});
    Object.assign(el.style, {background: s.fill, borderColor: s.stroke, borderStyle: s.dash ? 'dashed' : 'solid'});
    return el;
  };
  legend.replaceChildren(h('p', {class: 'legend-title'}, t('legend_h')), h('ul', {},
    Object.entries(LEVELS).map(([level, s]) => h('li', {}, swatch(s), h('b', {}, level), ` ${t(s.key)}`)),
    h('li', {}, swatch(OTHER), t('legend_other')),
    h('li', {}, h('span', {class: 'ring', 'aria-hidden': 'true'}), t('legend_place')),
    h('li', {}, h('span', {class: 'dot', 'aria-hidden': 'true'}), t('legend_settlement'))));
}

// ---------------------------------------------------------------------------------------- place

function setMode(mode) {
  state.mode = mode;
  $('#search-form').hidden = mode !== 'settlement';
  $('#area-form').hidden = mode !== 'area';
  $('#map').classList.toggle('picking', mode === 'area');
}

async function search(event) {
  event?.preventDefault();
  const q = $('#search').value.trim();
  if (!q) return;
  try {
    state.results = await request('GET', `/api/v1/community/settlements?q=${encodeURIComponent(q)}&limit=8`);
  } catch (e) {
    state.results = [];
  }
  renderResults();
  if (state.results.length) announce(t('search_results', {n: state.results.length}));
}

function renderResults() {
  const status = $('#search-status');
  const list = $('#search-results');
  if (!state.results) {
    status.textContent = '';
    list.replaceChildren();
    return;
  }
  status.textContent = state.results.length ? t('search_results', {n: state.results.length}) : t('search_none');
  const typed = $('#search').value.trim().toLowerCase();
  list.replaceChildren(...state.results.map(s => {
    const name = placeName(s);
    // found by another name (Atasu for Zhangaarqa): show that name too
    const also = (s.alternateNames || []).filter(n => typed && n.toLowerCase().includes(typed)).slice(0, 2);
    const others = [...new Set([...name.others, ...also])];
    return h('li', {},
      h('button', {type: 'button', class: 'result', 'data-id': s.id, onclick: () => choose(s)},
        h('span', {class: 'result-name'}, name.own),
        others.length ? h('span', {class: 'result-other'}, ` (${others.join(', ')})`) : null,
        h('span', {class: 'result-meta'}, [regionName(s.region), t('population', {n: formatInt(s.population)})].filter(Boolean).join(' · '))));
  }));
}

function choose(settlement) {
  state.place = {kind: 'settlement', hit: settlement};
  clearErrors();
  renderPlace();
  drawPlace(true);
  refreshAlerts();
  announce(`${t('selected')} ${placeName(settlement).own}`);
}

function useArea(event, fit = true) {
  event?.preventDefault();
  const lon = numberOrText($('#area-lon').value);
  const lat = numberOrText($('#area-lat').value);
  const radiusKm = numberOrText($('#area-radius').value);
  state.place = {kind: 'area', lon, lat, radiusKm};
  clearErrors();
  renderPlace();
  if ([lon, lat, radiusKm].every(Number.isFinite)) {
    drawPlace(fit);
    refreshAlerts();
  }
}

function placeText(p) {
  if (!p) return t('nothing_selected');
  if (p.kind === 'settlement') {
    const name = placeName(p.hit);
    return [name.own, name.others.length ? ` (${name.others.join(', ')})` : '',
      p.hit.region ? `, ${regionName(p.hit.region)}` : '', ` — ${t('population', {n: formatInt(p.hit.population)})}`].join('');
  }
  return t('area_desc', {r: p.radiusKm, lat: p.lat, lon: p.lon});
}

function renderPlace() {
  $('#selected-text').textContent = placeText(state.place);
}

// ---------------------------------------------------------------------------------------- alerts

function headlineOf(alert) {
  return alert.texts?.[state.lang]?.headline || alert.headline || '';
}

/** In force: not cancelled, not expired, and the latest alert of its incident (an Update replaces the Alert). */
function active(alerts) {
  const latest = new Map();
  for (const a of alerts) {
    if (a.msgType === 'Cancel') continue;
    const known = latest.get(a.incidentId);
    if (!known || a.incidentVersion > known.incidentVersion) latest.set(a.incidentId, a);
  }
  const now = Date.now();
  return [...latest.values()].filter(a => (!a.status || a.status === 'ACTIVE')
    && !(a.expires && Date.parse(a.expires) < now));
}

/** Does the alert reach the place? For a settlement also the service's own list of settlements. */
function reaches(alert, place) {
  const zones = alert.hazardZones || [];
  if (place.kind === 'settlement') {
    if ((alert.settlementIds || []).includes(place.hit.id)) return true;
    return zones.some(z => contains(z.geometry, place.hit.lon, place.hit.lat));
  }
  return zones.some(z => withinKm(z.geometry, place.lon, place.lat, place.radiusKm));
}

function zoneOf(alert, place) {
  const [lon, lat] = place.kind === 'settlement' ? [place.hit.lon, place.hit.lat] : [place.lon, place.lat];
  const levels = (alert.hazardZones || []).filter(z => contains(z.geometry, lon, lat)).map(z => z.level)
    .sort((a, b) => rank(b) - rank(a));
  return levels[0] || null;
}

async function refreshAlerts() {
  try {
    const all = await request('GET', '/api/v1/alerts?limit=500');
    state.activeAll = active(all);
    state.alertsError = null;
    state.checkedAt = new Date().toISOString();
  } catch (e) {
    state.alertsError = e.message;
  }
  drawZones();
  renderAlerts();
}

/** Shows the place with the zones of its alerts, once for each new set of alerts. */
function fitToAlerts(alerts, place) {
  const key = JSON.stringify([alerts.map(a => a.id), place]);
  if (!alerts.length || key === state.fitted) return;
  state.fitted = key;
  const bounds = L.latLngBounds([]);
  alerts.forEach(a => (a.hazardZones || []).forEach(z => bounds.extend(L.geoJSON(z.geometry).getBounds())));
  if (place.kind === 'settlement') bounds.extend([place.hit.lat, place.hit.lon]);
  // from the centre and the radius: a circle's getBounds works only once it is on a map
  else bounds.extend(L.latLng(place.lat, place.lon).toBounds(place.radiusKm * 2000));
  if (bounds.isValid()) map.leaflet.flyToBounds(bounds.pad(0.2), {maxZoom: 12, duration: 0.6, paddingBottomRight: [220, 0]});
}

function renderAlerts() {
  const status = $('#alerts-status');
  const list = $('#alerts');
  const place = state.place;
  if (state.alertsError) {
    status.textContent = t('alerts_error', {e: state.alertsError});
  }
  if (!place || (place.kind === 'area' && ![place.lon, place.lat, place.radiusKm].every(Number.isFinite))) {
    status.textContent = t('alerts_pick');
    list.replaceChildren();
    return;
  }
  const mine = (state.activeAll || []).filter(a => reaches(a, place))
    .sort((a, b) => Date.parse(b.sent) - Date.parse(a.sent));
  if (!state.alertsError) {
    status.textContent = `${mine.length ? '' : `${t('alerts_none')} `}${state.checkedAt ? t('alerts_checked', {t: formatTime(state.checkedAt)}) : ''}`;
  }
  fitToAlerts(mine, place);
  list.replaceChildren(...mine.map(alert => {
    const text = alert.texts?.[state.lang] || {};
    const zone = zoneOf(alert, place);
    const severity = alert.severity || 'Unknown';
    return h('li', {class: `alert severity-${severity}`, 'data-alert-id': alert.id, 'data-incident-id': alert.incidentId},
      h('p', {class: 'alert-head'},
        h('span', {class: `badge sev-${severity}`}, h('span', {'aria-hidden': 'true'}, `${SEVERITY_GLYPH[severity] || ''} `),
          `${t('severity')}: ${t(`sev_${severity}`)}`),
        h('time', {datetime: alert.sent}, `${t('sent')} ${formatTime(alert.sent)}`)),
      h('h3', {class: 'alert-title'}, text.headline || alert.headline),
      zone ? h('p', {class: 'alert-zone'}, t('zone', {zone: LEVELS[zone] ? zone : t('level_other')}))
        : place.kind === 'area' ? h('p', {class: 'alert-zone'}, t('zone_near')) : null,
      text.description || alert.summary ? h('p', {}, text.description || alert.summary) : null,
      text.instruction ? h('p', {class: 'instruction'}, h('b', {}, `${t('instruction')}: `), text.instruction) : null,
      h('p', {class: 'alert-foot'},
        alert.expires ? h('span', {}, `${t('expires')} ${formatTime(alert.expires)} · `) : null,
        h('a', {href: alert.capUrl || `/api/v1/alerts/${alert.id}/cap`}, t('cap_link'))));
  }));
}

// ---------------------------------------------------------------------------------------- subscribe

function clearErrors() {
  document.querySelectorAll('.field-error').forEach(el => { el.hidden = true; el.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  const summary = $('#subscribe-errors');
  summary.hidden = true;
  summary.replaceChildren();
}

function containerFor(field) {
  let key = field;
  while (key) {
    const found = document.querySelector(`[data-field="${CSS.escape(key)}"]`);
    if (found) return found;
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    key = cut > 0 ? key.slice(0, cut) : '';
  }
  return null;
}

function showErrors(errors, headline) {
  const items = [];
  for (const {field, message} of errors) {
    const container = containerFor(field);
    const slot = container?.querySelector(':scope > .field-error');
    if (slot) {
      slot.hidden = false;
      slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    }
    const control = container?.querySelector('input:not([type=radio]), select, textarea') || container?.querySelector('input');
    container?.querySelectorAll(':scope > input, :scope > select, :scope > textarea').forEach(el => el.setAttribute('aria-invalid', 'true'));
    const label = container?.querySelector('label, legend, h2')?.textContent || field;
    items.push(h('li', {}, control
      ? h('a', {href: `#${control.id}`, onclick: e => { e.preventDefault(); control.focus(); }}, `${label}: ${message}`)
      : `${label}: ${message}`));
  }
  const summary = $('#subscribe-errors');
  summary.replaceChildren(h('h3', {}, t('problem_h')), headline ? h('p', {}, headline) : null, items.length ? h('ul', {}, items) : null);
  summary.hidden = false;
  summary.focus();
}

function channelType() {
  return document.querySelector('input[name=channel]:checked').value;
}

function body() {
  const p = state.place;
  const area = !p ? null : p.kind === 'settlement' ? {settlementId: p.hit.id}
    : {point: {type: 'Point', coordinates: [p.lon, p.lat]}, radiusKm: p.radiusKm};
  const channel = channelType() === 'email'
    ? {type: 'email', address: $('#sub-address').value.trim() || null}
    : {type: 'webhook', url: $('#sub-url').value.trim() || null, secret: $('#sub-secret').value.trim() || undefined};
  return {
    name: $('#sub-name').value.trim() || null,
    area,
    channel,
    language: $('#sub-language').value,
    minSeverity: document.querySelector('input[name=severity]:checked')?.value,
    // emergency alerts only, or contamination notices as well (a measured result above a limit near the place)
    kinds: (document.querySelector('input[name=kinds]:checked')?.value || 'ALERT').split(','),
  };
}

async function subscribe(event) {
  event.preventDefault();
  clearErrors();
  if (!state.place) {
    showErrors([{field: 'area', message: t('need_place')}]);
    return;
  }
  const button = $('#subscribe-button');
  button.disabled = true;
  button.textContent = t('subscribing');
  const sent = body();
  try {
    const created = await request('POST', '/api/v1/subscriptions', {body: sent});
    const entry = {id: created.id, token: created.manageToken, name: created.name || sent.name,
      placeData: state.place, channel: sent.channel.type === 'email' ? sent.channel.address : sent.channel.url,
      channelType: sent.channel.type, state: created.state || 'ACTIVE', createdAt: created.createdAt};
    remember(entry);
    state.subscribed = {entry, secret: created.channel?.secret};
    renderSubscribed();
    renderMine();
    $('#subscribed').focus();
  } catch (e) {
    showErrors(e.errors || [], e.errors?.length ? e.message : t('failed', {e: e.message}));
  } finally {
    button.disabled = false;
    button.textContent = t('subscribe_button');
  }
}

function manageLink(entry) {
  const params = new URLSearchParams({manage: entry.id, token: entry.token});
  return `${location.origin}${location.pathname}#${params}`;
}

function renderSubscribed() {
  const box = $('#subscribed');
  const s = state.subscribed;
  if (!s) {
    box.hidden = true;
    return;
  }
  const link = manageLink(s.entry);
  const copied = h('span', {class: 'copied', role: 'status'});
  box.replaceChildren(
    h('h3', {id: 'done-title'}, `✓ ${t('done_h')}`),
    h('p', {}, s.entry.channelType === 'email' ? t('done_email', {address: s.entry.channel}) : t('done_webhook', {url: s.entry.channel})),
    h('label', {for: 'manage-link'}, t('manage_label')),
    h('p', {class: 'hint', id: 'manage-hint'}, t('manage_hint')),
    h('div', {class: 'inline'},
      h('input', {type: 'text', id: 'manage-link', readonly: true, value: link, 'aria-describedby': 'manage-hint',
        onfocus: e => e.target.select()}),
      h('button', {type: 'button', class: 'button secondary', onclick: async () => {
        try {
          await navigator.clipboard.writeText(link);
        } catch {
          $('#manage-link').select();
          document.execCommand?.('copy');
        }
        copied.textContent = t('copied');
      }}, t('copy'))),
    copied,
    ...(s.secret ? [h('p', {class: 'hint'}, t('secret_shown')), h('code', {class: 'secret'}, s.secret)] : []));
  box.hidden = false;
}

// ------------------------------------------------------------------------- subscriptions on this device

function loadMine() {
  try {
    return JSON.parse(localStorage.getItem(STORE) || '[]');
  } catch {
    return [];
  }
}

function saveMine() {
  try {
    localStorage.setItem(STORE, JSON.stringify(state.mine));
  } catch { /* private mode: shown for this visit only */ }
}

function remember(entry) {
  state.mine = [entry, ...state.mine.filter(m => m.id !== entry.id)];
  saveMine();
}

async function check(entry) {
  try {
    const found = await request('GET', `/api/v1/subscriptions/${encodeURIComponent(entry.id)}`,
      {headers: {'X-Manage-Token': entry.token}});
    Object.assign(entry, {state: found.state || 'ACTIVE', name: found.name || entry.name});
  } catch (e) {
    entry.state = e.status === 404 || e.status === 410 ? 'DELETED' : entry.state;
    entry.note = e.status === 404 || e.status === 410 ? t('gone') : e.message;
  }
  saveMine();
  renderMine();
}

async function cancel(entry) {
  try {
    await request('DELETE', `/api/v1/subscriptions/${encodeURIComponent(entry.id)}`, {headers: {'X-Manage-Token': entry.token}});
    entry.state = 'DELETED';
    entry.note = t('cancelled');
  } catch (e) {
    entry.note = e.status === 404 ? t('gone') : e.message;
    if (e.status === 404) entry.state = 'DELETED';
  }
  saveMine();
  renderMine();
  announce(entry.note || '');
}

function renderMine() {
  const list = $('#mine');
  if (!state.mine.length) {
    list.replaceChildren(h('li', {class: 'muted'}, t('mine_none')));
    return;
  }
  list.replaceChildren(...state.mine.map(entry => h('li', {class: 'mine-entry', 'data-id': entry.id},
    h('p', {}, h('b', {}, entry.name || '—'), ` — ${entry.placeData ? placeText(entry.placeData) : entry.place || ''}`),
    h('p', {class: 'muted'}, entry.channelType === 'email' ? t('channel_desc_email', {address: entry.channel})
      : t('channel_desc_webhook', {url: entry.channel}), ' · ',
    h('span', {class: `state state-${entry.state || 'unknown'}`}, t(`state_${entry.state || 'unknown'}`))),
    entry.note ? h('p', {class: 'muted'}, entry.note) : null,
    h('div', {class: 'inline'},
      h('a', {href: manageLink(entry), class: 'button link'}, t('manage_label')),
      entry.state === 'DELETED' ? null : h('button', {type: 'button', class: 'button secondary', onclick: () => check(entry)}, t('check')),
      entry.state === 'DELETED'
        ? h('button', {type: 'button', class: 'button link', onclick: () => { state.mine = state.mine.filter(m => m !== entry); saveMine(); renderMine(); }}, t('forget'))
        : h('button', {type: 'button', class: 'button danger', onclick: () => cancel(entry)}, t('cancel_sub'))))));
}

/** A subscription's area as the page describes places. */
function placeOf(area) {
  const settlement = area?.settlementId && state.settlements?.get(area.settlementId);
  if (settlement) return {kind: 'settlement', hit: settlement};
  const [lon, lat] = area?.point?.coordinates || [];
  return area?.radiusKm ? {kind: 'area', lon, lat, radiusKm: area.radiusKm} : null;
}

/** Opened from a management link: show that subscription and remember it on this device. */
async function openManageLink() {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const id = params.get('manage');
  const token = params.get('token');
  const box = $('#manage');
  if (!id || !token) {
    box.hidden = true;
    return;
  }
  box.hidden = false;
  try {
    const s = await request('GET', `/api/v1/subscriptions/${encodeURIComponent(id)}`, {headers: {'X-Manage-Token': token}});
    const known = state.mine.find(m => m.id === id);
    const entry = known || {id, token, name: s.name, placeData: placeOf(s.area),
      place: s.area?.settlementId ? t('area_settlement', {name: s.area.settlementId}) : '',
      channel: s.channel?.address || s.channel?.url, channelType: s.channel?.type};
    entry.state = s.state || 'ACTIVE';
    remember(entry);
    box.replaceChildren(h('h2', {id: 'manage-title'}, t('manage_h')),
      h('p', {}, h('b', {}, s.name), ` — ${entry.placeData ? placeText(entry.placeData) : entry.place}`),
      h('p', {}, entry.channelType === 'email' ? t('channel_desc_email', {address: entry.channel}) : t('channel_desc_webhook', {url: entry.channel}),
        ` · ${t(`state_${entry.state}`)} · ${t(`sev_${s.minSeverity}`)}+`),
      h('button', {type: 'button', class: 'button danger', onclick: async () => { await cancel(entry); openManageLink(); }}, t('cancel_sub')));
    renderMine();
  } catch (e) {
    box.replaceChildren(h('h2', {id: 'manage-title'}, t('manage_h')), h('p', {}, t('manage_missing')));
  }
}

// ---------------------------------------------------------------------------------------- start

function renderAll() {
  renderPlace();
  renderResults();
  renderAlerts();
  renderSubscribed();
  renderMine();
  renderLegend();
  map.labelled.forEach(layer => layer.getTooltip()?.update());
  if (state.place) drawPlace(false);
  if (location.hash.includes('manage=')) openManageLink();
}

async function main() {
  state.mine = loadMine();
  createMap();
  document.querySelectorAll('.languages button').forEach(b => b.addEventListener('click', () => setLanguage(b.dataset.lang)));
  document.querySelectorAll('input[name=mode]').forEach(r => r.addEventListener('change', () => setMode(r.value)));
  document.querySelectorAll('input[name=channel]').forEach(r => r.addEventListener('change', () => {
    document.querySelector('.channel-email').hidden = channelType() !== 'email';
    document.querySelector('.channel-webhook').hidden = channelType() !== 'webhook';
  }));
  $('#sub-language').addEventListener('change', () => { state.languageTouched = true; });
  $('#search-form').addEventListener('submit', search);
  $('#area-form').addEventListener('submit', useArea);
  $('#subscribe-form').addEventListener('submit', subscribe);
  $('#alerts-refresh').addEventListener('click', refreshAlerts);
  window.addEventListener('hashchange', openManageLink);
  await setLanguage(initialLanguage());
  await Promise.all([loadLayers(), refreshAlerts()]);
  // the settlements are known now: a management link can name its place
  if (location.hash.includes('manage=')) openManageLink();
  setInterval(() => { if (!document.hidden) refreshAlerts(); }, POLL_MS);
  document.body.classList.add('ready');
}

main();
