// Facilities and their annual releases against the E-PRTR Annex II thresholds: a list and the map, filtered by
// pollutant and year, by default to the facilities above a threshold. A record that is an example rather than a
// real report says so wherever it shows.
import {api} from './api.js';
import {downloadLinks} from './download.js';
import {h, clear, text, formatNumber} from './util.js';
import {t, tn, code} from './i18n.js';

const L = window.L;
const FIRST_YEAR = 2001;

/** The label an example record carries in the list and in its popup. */
function exampleLabel() {
  return h('span', {class: 'badge example'}, t('facility.example'));
}

function releasesTable(releases) {
  return h('table', {class: 'data releases'},
    h('thead', {}, h('tr', {}, ['facility.year', 'field.substance', 'field.medium', 'facility.amount', 'facility.threshold',
      'facility.factor'].map(key => h('th', {scope: 'col'}, t(key))))),
    h('tbody', {}, releases.map(r => h('tr', {dataset: {above: String(Boolean(r.aboveThreshold))}},
      h('td', {}, String(r.year)), h('td', {}, r.pollutant), h('td', {}, code(r.medium)),
      h('td', {class: 'num'}, t('facility.kg', {n: formatNumber(r.amountKg)}), r.method ? ` (${r.method})` : ''),
      h('td', {class: 'num'}, r.thresholdKg != null ? t('facility.kg', {n: formatNumber(r.thresholdKg)}) : '—'),
      h('td', {class: 'num'}, !r.judged ? h('span', {class: 'muted'}, t('facility.notJudged'))
        : r.factor != null ? h('strong', {}, `${formatNumber(r.factor)}×`) : '—',
        r.aboveThreshold ? h('span', {class: 'above'}, ` ${t('facility.above')}`) : null)))));
}

function popup(facility) {
  return h('div', {class: 'facility-popup'},
    h('strong', {}, facility.name), facility.example ? [' ', exampleLabel()] : null,
    h('div', {class: 'muted small'}, [facility.operator, facility.activity].filter(Boolean).join(' · ')),
    releasesTable(facility.releases || []),
    facility.source ? h('div', {class: 'muted small'}, t('common.sourceIs', {source: facility.source})) : null);
}

function highestFactor(facility) {
  return Math.max(0, ...(facility.releases || []).map(r => r.factor || 0));
}

export class FacilitiesView {
  constructor(ctx) {
    this.ctx = ctx;
    this.filters = ctx.facilityFilters || (ctx.facilityFilters = {aboveThreshold: 'true', pollutant: '', year: ''});
  }

  leave() {
    this.layer?.remove();
  }

  async show() {
    const {panel} = this.ctx;
    const above = h('input', {type: 'checkbox', id: 'filter-above', checked: this.filters.aboveThreshold === 'true'});
    this.pollutant = h('select', {id: 'filter-pollutant'}, h('option', {value: ''}, t('facility.anyPollutant')));
    const thisYear = new Date().getUTCFullYear();
    const year = h('select', {id: 'filter-year'}, h('option', {value: ''}, t('facility.anyYear')),
      Array.from({length: thisYear - FIRST_YEAR + 1}, (_, i) => String(thisYear - i)).map(y => h('option', {value: y}, y)));
    year.value = this.filters.year;
    const apply = () => {
      Object.assign(this.filters, {aboveThreshold: above.checked ? 'true' : '', pollutant: this.pollutant.value,
        year: year.value});
      this.load();
    };
    [above, this.pollutant, year].forEach(el => el.addEventListener('change', apply));
    this.count = h('p', {class: 'count', role: 'status', id: 'facility-count'}, t('facility.loading'));
    this.list = h('ul', {class: 'incident-list', id: 'facility-list', 'aria-labelledby': 'facilities-title'});
    clear(panel,
      h('h2', {id: 'facilities-title', tabindex: '-1'}, t('facility.title')),
      h('p', {class: 'hint'}, t('facility.intro')),
      h('form', {class: 'filters', role: 'search', 'aria-label': t('facility.filter'), onsubmit: e => e.preventDefault()},
        h('div', {class: 'filter'}, h('label', {for: 'filter-pollutant'}, t('field.substance')), this.pollutant),
        h('div', {class: 'filter'}, h('label', {for: 'filter-year'}, t('facility.year')), year),
        h('div', {class: 'filter check'}, above, h('label', {for: 'filter-above'}, t('facility.onlyAbove')))),
      h('p', {class: 'downloads'}, downloadLinks('/api/v1/facilities', 'facilities', () => this.query())),
      this.count, this.list);
    this.layer?.remove();
    this.layer = L.layerGroup().addTo(this.ctx.map.map);
    await this.pollutants();
    await this.load();
  }

  query() {
    const query = new URLSearchParams({size: '200'});
    for (const [key, value] of Object.entries(this.filters)) {
      if (value) query.set(key, value);
    }
    return query;
  }

  /** The pollutants any facility reports, for the filter. */
  async pollutants() {
    let codes = [];
    try {
      const all = await api.facilities({});
      codes = [...new Set(all.items.flatMap(f => (f.releases || []).map(r => r.pollutant)))].sort();
    } catch {
      // the list below says what went wrong
    }
    if (this.filters.pollutant && !codes.includes(this.filters.pollutant)) codes.push(this.filters.pollutant);
    this.pollutant.append(...codes.map(c => h('option', {value: c}, c)));
    this.pollutant.value = this.filters.pollutant;
  }

  async load() {
    document.body.dataset.facilitiesReady = 'false';
    let page;
    try {
      page = await api.facilities(this.filters);
    } catch (e) {
      this.count.textContent = t('facility.failed', {message: e.message});
      return;
    }
    const facilities = [...page.items].sort((a, b) => highestFactor(b) - highestFactor(a) || a.name.localeCompare(b.name));
    this.count.textContent = facilities.length ? tn('facility.count', page.total ?? facilities.length) : t('facility.none');
    clear(this.list, facilities.map(f => h('li', {class: 'facility', dataset: {id: f.id, example: String(Boolean(f.example))}},
      h('div', {class: 'incident-card'},
        h('span', {class: 'card-head'}, h('strong', {class: 'card-title'}, f.name), f.example ? exampleLabel() : null),
        h('span', {class: 'card-meta'}, [f.operator, f.activity].filter(Boolean).join(' · ')),
        h('span', {class: 'card-meta'}, highestFactor(f) > 1
          ? t('facility.highest', {factor: formatNumber(highestFactor(f))}) : t('facility.belowAll')),
        h('button', {type: 'button', class: 'button link', onclick: () => this.open(f.id)}, t('facility.showOnMap'))))));
    this.draw(facilities);
    document.body.dataset.facilitiesReady = 'true';
  }

  draw(facilities) {
    this.layer.clearLayers();
    this.markers = new Map();
    for (const f of facilities) {
      const [lon, lat] = f.location?.coordinates || [];
      if (lon === undefined) continue;
      const above = (f.releases || []).some(r => r.aboveThreshold);
      const marker = L.circleMarker([lat, lon], {
        pane: 'incidents', radius: above ? 8 + Math.min(8, Math.log10(Math.max(1, highestFactor(f))) * 4) : 6,
        color: above ? '#7f1d1d' : '#475569', weight: 2, dashArray: f.example ? '3 3' : null,
        fillColor: above ? '#ef4444' : '#cbd5e1', fillOpacity: 0.85,
        className: `facility-marker${above ? ' above-threshold' : ''}${f.example ? ' example' : ''}`,
      }).bindTooltip(text(f.example ? `${f.name} — ${t('facility.example')}` : f.name)).bindPopup(popup(f), {maxWidth: 420});
      marker.addTo(this.layer);
      this.markers.set(f.id, marker);
    }
    const points = [...this.markers.values()].map(m => m.getLatLng());
    if (points.length) this.ctx.map.map.fitBounds(points, {padding: [40, 40], maxZoom: 8});
  }

  open(id) {
    const marker = this.markers?.get(id);
    if (!marker) return;
    this.ctx.map.map.setView(marker.getLatLng(), Math.max(this.ctx.map.map.getZoom(), 7), {animate: false});
    marker.openPopup();
  }
}
