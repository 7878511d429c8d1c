// One incident: its facts, the assessment drawn on the map, its alerts and its revisions, with
// revise and retract. Live events update each section in place.
import {api, Problem} from './api.js';
import {h, clear, askReason, compass, formatInt, formatKm, formatLonLat, formatNumber, formatTime, time, announce} from './util.js';
import {levelStyle, levelRank, swatch} from './map.js';
import {statusBadge} from './list.js';
import {showDeliveries} from './deliveries.js';
import {t, tn, code} from './i18n.js';

const SEVERITY_GLYPH = {Extreme: '▲▲▲', Severe: '▲▲', Moderate: '▲', Minor: '△', Unknown: '?'};

export class IncidentPage {
  constructor(ctx, id) {
    this.ctx = ctx;
    this.id = id;
    this.view = {incident: null, assessment: null, alerts: [], revisions: []};
  }

  async show() {
    const {panel} = this.ctx;
    this.header = h('div', {class: 'incident-header'});
    this.assessmentSection = h('section', {class: 'section', id: 'assessment', 'aria-labelledby': 'assessment-title'});
    this.alertsSection = h('section', {class: 'section', id: 'alerts', 'aria-labelledby': 'alerts-title'});
    this.revisionsSection = h('section', {class: 'section', id: 'revisions', 'aria-labelledby': 'revisions-title'});
    clear(panel, h('p', {class: 'back'}, h('a', {href: '#/'}, t('common.allIncidents'))), this.header,
      this.assessmentSection, this.alertsSection, this.revisionsSection);
    await this.refresh();
    panel.querySelector('h2')?.focus();
  }

  /** Live events wait for the page's first load: one may overtake the GETs that fill it. */
  get loaded() {
    return this.loading || Promise.resolve();
  }

  /** Everything again, e.g. after the event stream reconnected and may have missed something. */
  refresh() {
    this.loading = this.load();
    return this.loading;
  }

  async load() {
    try {
      const [incident, assessment, alerts, revisions] = await Promise.all([
        api.incident(this.id), api.assessment(this.id), api.alerts(this.id).catch(() => []),
        api.revisions(this.id).catch(() => [])]);
      this.view = {incident: incident.json, assessment, alerts, revisions};
      // opened straight from a link, the incident is not among the listed ones: give it its pin
      this.ctx.upsertIncident(incident.json, true);
    } catch (e) {
      clear(this.header, h('h2', {tabindex: '-1'}, t('incident.notFound')),
        h('p', {}, e instanceof Problem ? e.message : t('common.couldNotLoad', {message: e.message})));
      return;
    }
    this.renderHeader();
    this.renderAssessment();
    this.renderAlerts();
    this.renderRevisions();
    this.ctx.showIncidentsOnMap(this.id);
    this.ctx.map.showAssessment(this.view.incident, this.view.assessment);
  }

  renderHeader() {
    const i = this.view.incident;
    const releases = (i.releases || []).map(r => `${r.substance} ${t('facility.kg', {n: formatInt(r.massKg)})}`).join(', ');
    const w = i.weather;
    const weather = w ? [w.windFromDeg != null ? t('weather.windFrom', {deg: w.windFromDeg, compass: compass(w.windFromDeg)}) : null,
      w.windSpeedMs != null ? t('weather.speed', {n: w.windSpeedMs}) : null,
      w.stability ? t('weather.stabilityClass', {c: w.stability}) : null]
      .filter(Boolean).join(', ') : null;
    const rows = [
      [t('field.category'), code(i.category)],
      [t('incident.occurred'), time(i.occurredAt)],
      [t('field.location'), formatLonLat(i.location)],
      [t('field.vehicle'), i.vehicle], [t('field.launchSite'), i.launchSite],
      [t('field.releases'), releases || null], [t('field.weather'), weather],
      [t('field.samples'), (i.samples || []).length ? `${i.samples.length}` : null],
      [t('incident.version'), t('incident.versionReported', {version: i.version, at: formatTime(i.reportedAt)})],
    ].filter(([, v]) => v);
    const retracted = i.status === 'RETRACTED';
    clear(this.header,
      h('h2', {tabindex: '-1', id: 'incident-title'}, i.title),
      h('p', {class: 'status-line'}, statusBadge(i.status, {id: 'incident-status', dataset: {status: i.status}}),
        retracted && i.retraction ? h('span', {class: 'retraction'}, ` ${t('incident.retractedAt', {at: formatTime(i.retraction.retractedAt), reason: i.retraction.reason})}`) : null),
      h('dl', {class: 'facts'}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      i.description ? h('p', {class: 'description'}, i.description) : null,
      // analysts and issuers only: the service would refuse anyone else
      retracted || !this.ctx.auth.can('report') ? null : h('div', {class: 'actions'},
        h('a', {class: 'button secondary', href: `#/incidents/${i.id}/revise`, id: 'revise-button'}, t('incident.revise')),
        h('button', {type: 'button', class: 'button danger', id: 'retract-button', onclick: () => this.retract()}, t('incident.retract'))));
  }

  /** Signed in, out, or the sign-in ended: the controls follow the roles. */
  onAuthChange() {
    if (!this.view.incident) return;
    this.renderHeader();
    this.renderAlerts();
  }

  renderAssessment() {
    const {incident, assessment: a} = this.view;
    const heading = h('h3', {id: 'assessment-title'}, t('assessment.title'));
    if (!a) {
      clear(this.assessmentSection, heading, incident.status === 'RETRACTED'
        ? h('p', {}, t('assessment.retracted'))
        : h('p', {class: 'waiting', id: 'assessment-waiting'}, h('span', {class: 'spinner', 'aria-hidden': 'true'}),
          t('assessment.waiting')));
      return;
    }
    const stale = a.incidentVersion < incident.version;
    const zones = [...(a.hazardZones || [])].sort((x, y) => levelRank(y.level) - levelRank(x.level));
    const origin = incident.location?.coordinates;
    const caveats = [...new Set(zones.flatMap(z => z.caveats || []))];
    const methods = [...new Set(zones.map(z => z.method).filter(Boolean))];
    const settlements = [...(a.affectedSettlements || [])].sort((x, y) => x.distanceKm - y.distanceKm);
    clear(this.assessmentSection, heading,
      stale ? h('p', {class: 'notice'}, t('assessment.stale', {old: a.incidentVersion, version: incident.version})) : null,
      h('p', {class: 'severity-line'},
        h('span', {class: `badge severity severity-${a.severity}`, id: 'assessment-severity'},
          h('span', {class: 'glyph', 'aria-hidden': 'true'}, SEVERITY_GLYPH[a.severity] || ''), ` ${code(a.severity)}`),
        ` ${t('assessment.urgencyCertainty', {urgency: a.urgency ? code(a.urgency) : '—', certainty: a.certainty ? code(a.certainty) : '—'})}`),
      a.summary ? h('p', {class: 'summary'}, a.summary) : null,
      h('p', {class: 'fall-zone'}, h('b', {}, `${t('assessment.dropZone')} `), fallZoneText(a.fallZone)),
      zones.length ? h('table', {class: 'data', id: 'hazard-zones-table'},
        h('caption', {}, t('legend.zones')),
        h('thead', {}, h('tr', {}, ['zones.level', 'field.substance', 'facility.threshold', 'zones.reach', 'zones.kind']
          .map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, zones.map(z => h('tr', {dataset: {level: z.level, kind: z.kind || 'DETERMINISTIC'}},
          h('td', {class: 'level'}, swatch(z.level), ` ${levelStyle(z.level).label}`),
          h('td', {}, z.substance || '—'),
          h('td', {}, z.thresholdPpm != null ? `${formatNumber(z.thresholdPpm)} ppm` : '—',
            z.exposureMinutes ? h('span', {class: 'muted'}, ` / ${t('unit.min', {n: z.exposureMinutes})}`) : null),
          h('td', {class: 'num'}, formatKm(reachKm(z.geometry, origin))),
          h('td', {}, zoneKind(z)))))) : h('p', {}, t('assessment.noZone')),
      weatherLine(a.weatherUsed),
      methods.length || caveats.length ? h('details', {class: 'caveats'},
        h('summary', {}, caveats.length ? tn('assessment.howCaveats', caveats.length) : t('assessment.how')),
        methods.map(m => h('p', {}, t('zone.methodIs', {method: m}))),
        caveats.length ? h('ul', {}, caveats.map(c => h('li', {}, c))) : null) : null,
      settlements.length ? h('table', {class: 'data', id: 'settlements-table'},
        h('caption', {}, settlements.some(s => s.zone) ? t('settlements.inZones') : t('settlements.nearest')),
        h('thead', {}, h('tr', {}, ['legend.settlement', 'settlements.population', 'settlements.distance', 'settlements.direction',
          'map.zone', 'settlements.chance', 'settlements.arrival'].map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, settlements.map(s => h('tr', {},
          h('th', {scope: 'row'}, s.name, [s.nameKk, s.nameRu].some(Boolean)
            ? h('span', {class: 'names', lang: 'kk'}, ` ${[s.nameKk, s.nameRu].filter(Boolean).join(' · ')}`) : null),
          h('td', {class: 'num'}, formatInt(s.population)),
          h('td', {class: 'num'}, formatKm(s.distanceKm)),
          h('td', {}, `${Math.round(s.bearingDeg)}° ${compass(s.bearingDeg)}`),
          h('td', {}, s.zone ? [swatch(s.zone), ` ${s.zone}`] : t('settlements.outside')),
          h('td', {class: 'probabilities'}, probabilities(s.exceedanceProbability)),
          h('td', {class: 'num'}, s.arrivalMinutes != null ? t('unit.min', {n: formatInt(s.arrivalMinutes)}) : '—'))))) : null,
      (a.exceedances || []).length ? h('table', {class: 'data', id: 'exceedances-table'},
        h('caption', {}, t('exceedances.title')),
        h('thead', {}, h('tr', {}, ['field.substance', 'field.medium', 'field.value', 'exceedances.limit', 'exceedances.regime',
          'exceedances.ratio'].map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, a.exceedances.map(e => h('tr', {},
          h('td', {}, e.substance), h('td', {}, code(e.medium)),
          h('td', {class: 'num'}, `${formatNumber(e.value)} ${e.unit}`),
          h('td', {class: 'num', title: e.limitSource || ''}, `${formatNumber(e.limit)} ${e.unit}`),
          h('td', {}, e.regime || ''),
          h('td', {class: 'num'}, h('strong', {}, `${formatNumber(e.ratio)}×`)))))) : null,
      h('p', {class: 'muted small'}, t('assessment.of', {version: a.incidentVersion, at: formatTime(a.assessedAt),
        reference: a.referenceDataVersion || t('common.unknown')})));
  }

  renderAlerts() {
    const alerts = this.view.alerts;
    // who received an alert is for issuers and admins; the public sees the counts
    const details = this.ctx.auth.can('deliveries');
    clear(this.alertsSection, h('h3', {id: 'alerts-title'}, t('alerts.title')),
      alerts.length === 0 ? h('p', {}, t('alerts.none'))
        : h('table', {class: 'data', id: 'alerts-table'},
          h('caption', {class: 'visually-hidden'}, t('alerts.caption')),
          h('thead', {}, h('tr', {}, ['alerts.sent', 'alerts.type', 'alerts.severity', 'alerts.recipients', 'alerts.state',
            details ? 'alerts.details' : null].filter(Boolean).map(c => h('th', {scope: 'col'}, t(c))))),
          h('tbody', {}, alerts.map(alert => h('tr', {dataset: {alertId: alert.alertId}},
            h('td', {}, time(alert.sent)),
            h('td', {}, `${alert.msgType ? code(alert.msgType) : '—'} (v${alert.incidentVersion ?? '?'})`),
            h('td', {}, alert.severity ? code(alert.severity) : '—'),
            h('td', {class: 'num'}, formatInt(alert.recipients)),
            h('td', {}, alert.cancelled ? t('alerts.cancelled', {reason: alert.cancelled.reason || ''})
              : alert.state === 'SUPERSEDED' ? t('alerts.superseded') : t('alerts.active')),
            details ? h('td', {}, h('button', {type: 'button', class: 'button link', onclick: () => showDeliveries(this.ctx, alert)},
              t('alerts.deliveries'), h('span', {class: 'visually-hidden'}, ` ${t('alerts.ofSent', {at: formatTime(alert.sent)})}`))) : null)))));
  }

  renderRevisions() {
    const revisions = this.view.revisions;
    clear(this.revisionsSection, h('h3', {id: 'revisions-title'}, t('revisions.title')),
      h('ol', {class: 'revisions', id: 'revisions-list'}, revisions.map((r, index) => h('li', {},
        h('strong', {}, t('revisions.version', {version: r.version})), ` — ${code(r.change)}, `, time(r.at),
        r.change === 'RETRACTED' ? h('div', {class: 'muted'}, t('revisions.reason', {reason: r.reason}))
          : index > 0 ? h('div', {class: 'muted'}, changes(revisions.slice(0, index).reverse().find(p => p.facts)?.facts, r.facts)) : null))));
  }

  retract() {
    const incident = this.view.incident;
    askReason({
      id: 'retract', title: t('retract.title'), confirm: t('retract.confirm'), text: t('retract.text'),
      act: async reason => {
        const retracted = await api.retract(incident.id, incident.version, reason);
        announce(t('retract.done'));
        this.onIncident(retracted);
      },
      explain: e => (e instanceof Problem && e.status === 412
        ? t('retract.changed')
        : e instanceof Problem && e.errors.length ? e.errors.map(x => x.message).join(' ') : e.message),
      onClose: () => document.getElementById('retract-button')?.focus(),
    });
  }

  // live events ------------------------------------------------------------------------------------

  async onIncident(incident) {
    if (incident.id !== this.id) return;
    await this.loaded;
    const current = this.view.incident;
    if (!current || incident.version < current.version) return;
    this.view.incident = incident;
    // a retracted incident's assessment no longer stands: the API answers 410 for it from now on
    if (incident.status === 'RETRACTED') this.view.assessment = null;
    this.renderHeader();
    this.renderAssessment();
    this.ctx.map.showAssessment(incident, this.view.assessment);
    api.revisions(this.id).then(r => { this.view.revisions = r; this.renderRevisions(); }).catch(() => {});
  }

  async onAssessed({incidentId, status, assessment}) {
    if (incidentId !== this.id || !assessment) return;
    await this.loaded;
    if (!this.view.incident || this.view.incident.status === 'RETRACTED') return;
    if (this.view.assessment && assessment.incidentVersion < this.view.assessment.incidentVersion) return;
    this.view.assessment = assessment;
    if (status && this.view.incident.version === assessment.incidentVersion) {
      this.view.incident = {...this.view.incident, status};
      this.renderHeader();
      announce(t('assessment.announce', {severity: code(assessment.severity)}));
    }
    this.renderAssessment();
    this.ctx.map.showAssessment(this.view.incident, assessment);
  }

  async onAlert(alert) {
    if (alert.incidentId !== this.id) return;
    await this.loaded;
    const alerts = this.view.alerts.filter(a => a.alertId !== alert.alertId);
    alerts.push(alert);
    alerts.sort((x, y) => (x.incidentVersion ?? 0) - (y.incidentVersion ?? 0) || Date.parse(x.sent) - Date.parse(y.sent));
    this.view.alerts = alerts;
    this.renderAlerts();
  }
}

function fallZoneText(f) {
  if (!f) return t('fallZone.unknown');
  const zone = f.zoneId ? `${f.zoneId}${f.approximate ? ` (${t('fallZone.approximate')})` : ''}` : t('fallZone.aZone');
  switch (f.status) {
    case 'INSIDE': return t('fallZone.inside', {zone});
    case 'OUTSIDE': return t('fallZone.outside', {zone, distance: formatKm(f.distanceKm)});
    case 'NO_ZONE_NEARBY': return t('fallZone.none');
    default: return f.status;
  }
}

/** Furthest vertex from the source, in km (haversine): how far the zone reaches. */
function reachKm(geometry, origin) {
  if (!geometry || !origin) return null;
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates.map(p => p[0]) : [];
  let max = 0;
  for (const ring of rings) for (const p of ring) max = Math.max(max, haversineKm(origin, p));
  return max;
}

function haversineKm([lon1, lat1], [lon2, lat2]) {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

const FIELDS = ['title', 'category', 'occurredAt', 'location', 'footprint', 'vehicle', 'launchSite', 'releases', 'samples',
  'weather', 'description'];

function changes(before, after) {
  if (!before || !after) return '';
  const changed = FIELDS.filter(key => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
    .map(key => t(`changed.${key}`));
  return changed.length ? t('revisions.changed', {fields: changed.join(', ')}) : t('revisions.unchanged');
}

/** DETERMINISTIC: the footprint for the weather used; PROBABILITY_10: where the ensemble gives at least a 10 % chance. */
function zoneKind(z) {
  const kind = z.kind === 'PROBABILITY_10' ? t('zone.chance10') : t('zones.footprint');
  return z.lowConfidenceFromKm != null
    ? [kind, h('span', {class: 'muted'}, `; ${t('zones.lowConfidence', {distance: formatKm(z.lowConfidenceFromKm)})}`)] : kind;
}

/** The ensemble's chance per level, most severe first, e.g. "AEGL-3 2 % · AEGL-2 41 %". */
function probabilities(byLevel) {
  const levels = Object.keys(byLevel || {}).sort((x, y) => levelRank(y) - levelRank(x));
  if (!levels.length) return '—';
  return levels.map(l => `${l} ${Math.round(byLevel[l] * 100)} %`).join(' · ');
}

function weatherLine(w) {
  if (!w) return null;
  const source = ['REPORTED', 'ESTIMATED_FROM_SUN', 'UNKNOWN_DIRECTION'].includes(w.source) ? t(`weather.source.${w.source}`) : w.source;
  return h('p', {class: 'weather-used', id: 'weather-used'}, h('b', {}, `${t('weather.used')} `),
    w.windFromDeg != null ? `${t('weather.windFromDeg', {deg: Math.round(w.windFromDeg)})} ` : `${t('weather.unknownDirection')} `,
    w.windSpeedMs != null ? `${t('weather.at', {n: formatNumber(w.windSpeedMs)})}, ` : '',
    t('weather.class', {c: w.stability, source}),
    (w.assumptions || []).length ? h('span', {class: 'muted'}, `; ${w.assumptions.join('; ')}`) : null);
}
