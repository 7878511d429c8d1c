// The incident list with its filters. Live events keep it current without a reload.
import {api} from './api.js';
import {downloadLinks} from './download.js';
import {h, clear, formatTime, time} from './util.js';
import {STATUS} from './map.js';
import {t, tn, code} from './i18n.js';

export function statusBadge(status, attrs = {}) {
  const s = STATUS[status] || {glyph: '?'};
  return h('span', {class: `badge status status-${status}`, ...attrs},
    h('span', {class: 'glyph', 'aria-hidden': 'true'}, s.glyph), ` ${code(status)}`);
}

/** Does a (live) incident belong in the list the filters describe? Mirrors GET /api/v1/incidents. */
export function matches(incident, filters) {
  if (filters.category && incident.category !== filters.category) return false;
  if (filters.status && incident.status !== filters.status) return false;
  const occurred = Date.parse(incident.occurredAt);
  if (filters.since && occurred < Date.parse(`${filters.since}T00:00:00Z`)) return false;
  if (filters.until && occurred >= Date.parse(`${filters.until}T00:00:00Z`) + 86400000) return false;
  return true;
}

/** The list's filters as the API's query, for a download of what the list shows. */
function listQuery(filters) {
  const query = new URLSearchParams({size: '200'});
  for (const [key, value] of Object.entries(filters)) {
    if (value) query.set(key, value);
  }
  return query;
}

export class IncidentList {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async show() {
    const {panel, settings, filters} = this.ctx;
    const category = h('select', {id: 'filter-category'}, h('option', {value: ''}, t('list.allCategories')),
      settings.categories.map(c => h('option', {value: c}, code(c))));
    const status = h('select', {id: 'filter-status'}, h('option', {value: ''}, t('list.anyStatus')),
      settings.statuses.map(s => h('option', {value: s}, code(s))));
    const since = h('input', {type: 'date', id: 'filter-since', min: '1950-01-01'});
    const until = h('input', {type: 'date', id: 'filter-until', min: '1950-01-01'});
    category.value = filters.category || '';
    status.value = filters.status || '';
    since.value = filters.since || '';
    until.value = filters.until || '';
    const apply = () => {
      Object.assign(filters, {category: category.value, status: status.value, since: since.value, until: until.value});
      this.load();
    };
    [category, status, since, until].forEach(el => el.addEventListener('change', apply));
    this.count = h('p', {class: 'count', role: 'status', id: 'incident-count'}, t('list.loading'));
    this.list = h('ul', {class: 'incident-list', id: 'incident-list', 'aria-labelledby': 'list-title'});
    clear(panel,
      h('h2', {id: 'list-title', tabindex: '-1'}, t('list.title')),
      h('form', {class: 'filters', role: 'search', 'aria-label': t('list.filter'), onsubmit: e => e.preventDefault()},
        h('div', {class: 'filter'}, h('label', {for: 'filter-category'}, t('field.category')), category),
        h('div', {class: 'filter'}, h('label', {for: 'filter-status'}, t('field.status')), status),
        h('div', {class: 'filter'}, h('label', {for: 'filter-since'}, t('list.since')), since),
        h('div', {class: 'filter'}, h('label', {for: 'filter-until'}, t('list.until')), until),
        h('button', {type: 'button', class: 'button link', onclick: () => {
          category.value = status.value = since.value = until.value = '';
          apply();
        }}, t('list.clear'))),
      h('p', {class: 'downloads'}, downloadLinks('/api/v1/incidents', 'incidents', () => listQuery(filters))),
      this.count, this.list);
    await this.load();
  }

  async load() {
    const {filters} = this.ctx;
    try {
      const page = await api.listIncidents(filters);
      this.ctx.incidents = page.items;
      this.total = page.total;
      this.render();
    } catch (e) {
      this.count.textContent = t('list.failed', {message: e.message});
    }
  }

  render() {
    const {incidents} = this.ctx;
    const shown = incidents.length;
    this.count.textContent = shown === 0 ? t('list.none')
      : this.total > shown ? t('list.newest', {shown, total: this.total})
        : tn('list.count', shown);
    clear(this.list, incidents.map(incident => h('li', {dataset: {id: incident.id}},
      h('a', {class: 'incident-card', href: `#/incidents/${incident.id}`},
        h('span', {class: 'card-head'}, h('strong', {class: 'card-title'}, incident.title), statusBadge(incident.status)),
        h('span', {class: 'card-meta'}, code(incident.category), ' · ', time(incident.occurredAt)),
        incident.vehicle || incident.launchSite
          ? h('span', {class: 'card-meta'}, [incident.vehicle, incident.launchSite].filter(Boolean).join(' · ')) : null))));
    this.ctx.showIncidentsOnMap();
  }

  /** A live incident event: add, replace or drop it as the filters say. */
  upsert(incident) {
    const list = this.ctx.incidents;
    const at = list.findIndex(i => i.id === incident.id);
    if (!matches(incident, this.ctx.filters)) {
      if (at >= 0) {
        list.splice(at, 1);
        this.total -= 1;
      }
    } else if (at >= 0) {
      list[at] = incident;
    } else {
      list.push(incident);
      this.total = (this.total || 0) + 1;
      list.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || a.id.localeCompare(b.id));
    }
    this.render();
  }
}

export {formatTime};
