// The console's map: Leaflet over the shipped vector layers (works offline), incidents, and the
// assessment of the incident on show. Colour is never the only signal: every zone has a line
// pattern and a text label, every pin a glyph, and the legend spells them out.
import {h, clear, text, escapeHtml, formatInt, formatKm} from './util.js';
import {t, code} from './i18n.js';

const L = window.L;

/** Kazakhstan, with a margin. */
const KAZAKHSTAN = [[40.3, 46.3], [55.6, 87.5]];
/** Keeps what is shown clear of the legend in the bottom right corner. */
const FIT = {paddingTopLeft: [10, 10], paddingBottomRight: [200, 10]};

/** Hazard levels, most severe first. Anything else (SCREENING, REPORTED_FOOTPRINT…) is drawn neutral. */
export const LEVELS = {
  'AEGL-3': {label: 'AEGL-3', meaning: 'legend.aegl3', stroke: '#a50f15', fill: '#de2d26', opacity: 0.38, dash: null, weight: 2.5},
  'AEGL-2': {label: 'AEGL-2', meaning: 'legend.aegl2', stroke: '#c2410c', fill: '#fb8c3c', opacity: 0.34, dash: '9 5', weight: 2.5},
  'AEGL-1': {label: 'AEGL-1', meaning: 'legend.aegl1', stroke: '#8a6d00', fill: '#fde047', opacity: 0.38, dash: '2 5', weight: 2.5},
};
const OTHER_LEVEL = {stroke: '#3f4f6b', fill: '#8ea2c0', opacity: 0.22, dash: '12 4 3 4', weight: 2};

export function levelStyle(level) {
  return LEVELS[level] || {...OTHER_LEVEL, label: level || t('map.zone'), meaning: 'legend.otherMethod'};
}

export function levelRank(level) {
  return {'AEGL-3': 3, 'AEGL-2': 2, 'AEGL-1': 1}[level] || 0;
}

/** An incident's status: its glyph here, its name in the dictionaries (code.REPORTED…). */
export const STATUS = {
  REPORTED: {glyph: '●'},
  ASSESSED: {glyph: '✓'},
  REVISED: {glyph: '✎'},
  RETRACTED: {glyph: '✕'},
};

const SITE_GLYPH = {launch_pad: '▲', site: '◆', incident: '✖'};

/** A small inline SVG swatch showing a zone's fill and line pattern, for the legend and tables. */
export function swatch(level) {
  const s = levelStyle(level);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '28');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'swatch');
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  rect.setAttribute('x', '1.5');
  rect.setAttribute('y', '1.5');
  rect.setAttribute('width', '25');
  rect.setAttribute('height', '11');
  rect.setAttribute('fill', s.fill);
  rect.setAttribute('fill-opacity', String(Math.min(1, s.opacity * 2)));
  rect.setAttribute('stroke', s.stroke);
  rect.setAttribute('stroke-width', '2');
  if (s.dash) rect.setAttribute('stroke-dasharray', s.dash);
  svg.append(rect);
  return svg;
}

export class ConsoleMap {
  constructor(element, settings) {
    this.map = L.map(element, {zoomSnap: 0.25, minZoom: 3, maxZoom: 14, keyboard: true, attributionControl: true});
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    // reference labels sit under the incident pins; hazard zone labels (tooltipPane, 650) above them
    for (const [name, z] of [['regions', 200], ['fallzones', 320], ['hazard', 380], ['places', 450], ['labels', 500],
      ['incidents', 620]]) {
      this.map.createPane(name).style.zIndex = z;
    }
    // for the browser tests' screenshots: the map is not moving
    this.map.on('movestart', () => { document.body.dataset.mapIdle = 'false'; });
    this.map.on('moveend', () => { document.body.dataset.mapIdle = 'true'; });
    this.map.fitBounds(KAZAKHSTAN, FIT);
    this.tiles = settings?.tileUrl ? L.tileLayer(settings.tileUrl, {
      attribution: escapeHtml(settings.tileAttribution || ''), maxZoom: 18,
    }).addTo(this.map) : null;
    this.incidentLayer = L.layerGroup([], {pane: 'incidents'}).addTo(this.map);
    this.assessmentLayer = L.layerGroup().addTo(this.map);
    this.markers = new Map();
    this.overlays = {};
    this.pick = null;
    this.addControls();
  }

  addControls() {
    L.control.scale({imperial: false}).addTo(this.map);
    const Position = L.Control.extend({
      onAdd: () => {
        this.positionReadout = h('div', {class: 'map-readout', 'aria-hidden': 'true'}, '');
        return this.positionReadout;
      },
    });
    new Position({position: 'bottomleft'}).addTo(this.map);
    this.map.on('mousemove', e => {
      this.positionReadout.textContent = `${e.latlng.lat.toFixed(4)}° N  ${e.latlng.lng.toFixed(4)}° E`;
    });
    this.legendBox = h('div', {class: 'legend-box'});
    const Legend = L.Control.extend({onAdd: () => this.legendBox});
    new Legend({position: 'bottomright'}).addTo(this.map);
    this.renderLegend();
  }

  /** The legend and the layer switcher in the page's language. */
  renderLegend() {
    const open = this.legendBox.querySelector('details')?.open ?? true;
    clear(this.legendBox, legend(open));
    if (this.layersControl) {
      this.layersControl.remove();
      this.addLayersControl();
    }
  }

  addLayersControl() {
    const named = Object.fromEntries(Object.entries(this.overlays).map(([key, layer]) => [t(key), layer]));
    this.layersControl = L.control.layers(null, named, {collapsed: true, position: 'topright'}).addTo(this.map);
  }

  /**
   * Regions, drop zones, areas of concern, settlements and sites: the reference data analysis-service publishes,
   * as incident-service holds it at this load.
   */
  async loadBaseLayers(api) {
    const [regions, fallZones, areas, settlements, sites] = await Promise.all(
      ['regions', 'fall-zones', 'areas-of-concern', 'settlements', 'sites'].map(name => api.layer(name).catch(() => null)));
    const cities = new Set(['osm:85123', 'osm:85124', 'osm:85125']);
    if (regions) {
      this.overlays['layer.regions'] = L.geoJSON(regions, {
        pane: 'regions',
        interactive: false,
        style: {color: '#8d8370', weight: 1, fillColor: '#f4f0e4', fillOpacity: this.tiles ? 0.25 : 1, className: 'region'},
        onEachFeature: (feature, layer) => {
          if (!cities.has(feature.properties.id)) {
            layer.bindTooltip(text(String(feature.properties.name || '').replace(/ [Rr]egion$/, '')),
              {permanent: true, direction: 'center', className: 'region-label', interactive: false, pane: 'labels'});
          }
        },
      }).addTo(this.map);
    }
    if (fallZones) {
      this.fallZones = L.geoJSON(fallZones, {
        pane: 'fallzones',
        style: {color: '#6f5428', weight: 1.5, dashArray: '5 4', fillColor: '#c9a66b', fillOpacity: 0.3, className: 'fall-zone'},
        onEachFeature: (feature, layer) => {
          const p = feature.properties;
          layer.bindTooltip(text(`${p.id}${p.approximate ? ` (${t('map.approx')})` : ''}`),
            {permanent: true, direction: 'center', className: 'fall-zone-label', pane: 'labels'});
          layer.bindPopup(h('div', {},
            h('strong', {}, p.name), h('br'), p.usedBy || '', h('br'),
            p.approximate ? t('map.approximateConfidence', {confidence: p.confidence}) : '', h('br'),
            h('small', {}, t('common.sourceIs', {source: p.source}))));
        },
      }).addTo(this.map);
      this.overlays['layer.dropZones'] = this.fallZones;
    }
    if (areas && areas.features.length) {
      // offered in the layer control, not drawn at first: the drop zones are what the console is about
      this.overlays['layer.areas'] = L.geoJSON(areas, {
        pane: 'fallzones',
        style: {color: '#7a3b3b', weight: 1, dashArray: '2 4', fillColor: '#d9a0a0', fillOpacity: 0.15, className: 'area-of-concern'},
        onEachFeature: (feature, layer) => {
          const p = feature.properties;
          layer.bindPopup(h('div', {},
            h('strong', {}, p.name), h('br'), p.description || '', h('br'),
            p.approximate ? t('map.approximate') : '', h('br'),
            h('small', {}, t('common.sourceIs', {source: p.source}))));
        },
      });
    }
    if (settlements) {
      this.overlays['layer.settlements'] = L.geoJSON(settlements, {
        pointToLayer: (feature, latlng) => {
          const p = feature.properties;
          const big = p.population >= 250000;
          const marker = L.circleMarker(latlng, {
            pane: 'places', radius: radius(p.population), color: '#ffffff', weight: 1,
            fillColor: '#3b3b3b', fillOpacity: 0.85, className: 'settlement',
          });
          const names = [p.nameKk, p.nameRu].filter(Boolean).join(' · ');
          marker.bindTooltip(text(big ? p.name : `${p.name}${names ? ` (${names})` : ''}, ${t('map.people', {n: formatInt(p.population)})}`),
            big ? {permanent: true, direction: 'right', offset: [4, 0], className: 'place-label', pane: 'labels'} : {direction: 'top'});
          return marker;
        },
      }).addTo(this.map);
    }
    if (sites) {
      this.overlays['layer.sites'] = L.geoJSON(sites, {
        pointToLayer: (feature, latlng) => {
          const p = feature.properties;
          const glyph = SITE_GLYPH[p.kind] || '◆';
          const flagged = /UNVERIFIED|ESTIMATE|LOW/i.test(p.confidence || '');
          return L.marker(latlng, {
            // clicks go on to the map: placing an incident on a known site must work
            pane: 'places', keyboard: false, bubblingMouseEvents: true,
            icon: L.divIcon({className: `site-icon site-${p.kind}`, html: glyph, iconSize: [14, 14]}),
          }).bindTooltip(text(`${p.name}${flagged ? ` — ${t('map.position', {confidence: p.confidence.toLowerCase()})}` : ''}`));
        },
      }).addTo(this.map);
    }
    this.overlays['layer.incidents'] = this.incidentLayer;
    this.addLayersControl();
  }

  /**
   * One pin per incident; a click (or Enter on a focused pin) selects it. Pins that did not change
   * stay as they are, so a live update does not take the keyboard focus away from one.
   */
  setIncidents(incidents, onSelect, selectedId) {
    this.onSelect = onSelect;
    const wanted = new Map();
    for (const incident of incidents) {
      if (!incident.location?.coordinates) continue;
      const selected = incident.id === selectedId;
      wanted.set(incident.id, {incident, selected,
        key: JSON.stringify([incident.title, incident.status, incident.location.coordinates, selected])});
    }
    for (const [id, entry] of this.markers) {
      if (wanted.get(id)?.key !== entry.key) {
        entry.marker.remove();
        this.markers.delete(id);
      }
    }
    for (const [id, {incident, selected, key}] of wanted) {
      if (this.markers.has(id)) continue;
      const [lon, lat] = incident.location.coordinates;
      const status = STATUS[incident.status] || STATUS.REPORTED;
      const marker = L.marker([lat, lon], {
        pane: 'incidents', keyboard: true, riseOnHover: true, zIndexOffset: selected ? 1000 : 0,
        title: `${incident.title} — ${code(incident.status)}`, alt: `${incident.title} — ${code(incident.status)}`,
        icon: L.divIcon({
          className: 'incident-icon',
          html: h('span', {class: `pin status-${incident.status}${selected ? ' selected' : ''}`}, status.glyph),
          iconSize: selected ? [30, 30] : [22, 22],
        }),
      });
      // while placing a new incident a click on a pin places it there, it does not leave the form
      marker.on('click', e => (this.pick ? this.pick.handler(e) : this.onSelect(id)));
      marker.addTo(this.incidentLayer);
      // a focused pin opens with Enter or Space, like the button it is (Leaflet only fires keypress)
      marker.getElement()?.addEventListener('keydown', e => {
        if ((e.key === 'Enter' || e.key === ' ') && !this.pick) {
          e.preventDefault();
          this.onSelect(id);
        }
      });
      this.markers.set(id, {marker, key});
    }
  }

  /** The incident's footprint, samples, hazard zones (labelled), affected settlements and fall zone. */
  showAssessment(incident, assessment) {
    this.assessmentLayer.clearLayers();
    const bounds = L.latLngBounds([]);
    if (incident?.location?.coordinates) {
      const [lon, lat] = incident.location.coordinates;
      bounds.extend([lat, lon]);
    }
    if (incident?.footprint) {
      const footprint = L.geoJSON(incident.footprint, {
        pane: 'hazard', style: {color: '#111', weight: 2, fillColor: '#111', fillOpacity: 0.15, className: 'footprint'},
      }).bindTooltip(t('map.footprint'));
      footprint.addTo(this.assessmentLayer);
    }
    for (const sample of incident?.samples || []) {
      if (!sample.location?.coordinates) continue;
      const [lon, lat] = sample.location.coordinates;
      L.circleMarker([lat, lon], {pane: 'places', radius: 4, color: '#111', weight: 2, fillColor: '#fff', fillOpacity: 1})
        .bindTooltip(text(t('map.sample', {substance: sample.substance, medium: code(sample.medium), value: sample.value, unit: sample.unit})))
        .addTo(this.assessmentLayer);
    }
    if (assessment) {
      const origin = incident?.location?.coordinates;
      const zones = [...(assessment.hazardZones || [])].filter(z => z.geometry)
        .sort((a, b) => levelRank(a.level) - levelRank(b.level));
      for (const zone of zones) {
        const s = levelStyle(zone.level);
        const slug = String(zone.level || 'zone').toLowerCase().replace(/[^a-z0-9]+/g, '-');
        // a 10 % probability zone is drawn as an outline around the footprint, so both stay readable
        const chance = zone.kind === 'PROBABILITY_10';
        const layer = L.geoJSON(zone.geometry, {
          pane: 'hazard',
          style: {color: s.stroke, weight: chance ? 1.5 : s.weight, dashArray: chance ? '4 4' : s.dash, fillColor: s.fill,
            fillOpacity: chance ? 0.06 : s.opacity, className: `hazard-zone level-${slug}${chance ? ' chance-10' : ''}`},
        });
        const label = `${s.label}${zone.substance ? ` · ${zone.substance}` : ''}${chance ? ` · ${t('zone.chance10')}` : ''}`;
        layer.bindPopup(h('div', {}, h('strong', {}, label), h('br'),
          zone.thresholdPpm ? `${zone.thresholdPpm} ppm` : '', zone.exposureMinutes ? `, ${zone.exposureMinutes} min` : '',
          h('br'), zone.method ? t('zone.methodIs', {method: zone.method}) : ''));
        layer.addTo(this.assessmentLayer);
        const tip = farthestPoint(zone.geometry, origin);
        if (tip) {
          L.tooltip({permanent: true, direction: 'right', className: `zone-label level-${slug}`, pane: 'tooltipPane'})
            .setLatLng([tip[1], tip[0]]).setContent(h('span', {}, label)).addTo(this.assessmentLayer);
        }
        bounds.extend(layer.getBounds());
      }
      const inside = (assessment.affectedSettlements || []).filter(s => s.zone);
      // labels alternate left and right from south to north, so neighbouring towns do not cover each other
      const sides = new Map([...inside].map(s => [s, this.settlementLatLng(s.id)]).filter(([, p]) => p)
        .sort((x, y) => x[1].lat - y[1].lat).map(([s], i) => [s.id, i % 2 ? 'right' : 'left']));
      for (const s of assessment.affectedSettlements || []) {
        const place = this.settlementLatLng(s.id);
        if (!place) continue;
        const ring = L.circleMarker(place, {
          pane: 'places', radius: 7, color: s.zone ? '#111' : '#555', weight: s.zone ? 2.5 : 1.5,
          dashArray: s.zone ? null : '3 3', fill: false, className: 'affected-settlement',
        }).bindTooltip(text(`${s.name}: ${formatKm(s.distanceKm)}${s.zone ? `, ${t('map.inZone', {zone: s.zone})}` : `, ${t('map.outsideZones')}`}`),
          inside.length <= 6 && s.zone
            ? {permanent: true, direction: sides.get(s.id) || 'left', offset: [sides.get(s.id) === 'right' ? 8 : -8, 0], className: 'affected-label'}
            : {});
        ring.addTo(this.assessmentLayer);
      }
      this.highlightFallZone(assessment.fallZone?.zoneId);
    } else {
      this.highlightFallZone(null);
    }
    if (bounds.isValid()) {
      this.map.flyToBounds(bounds.pad(0.15), {...FIT, maxZoom: 12, duration: 0.6});
    }
  }

  clearAssessment() {
    this.assessmentLayer.clearLayers();
    this.highlightFallZone(null);
  }

  highlightFallZone(zoneId) {
    this.fallZones?.eachLayer(layer => {
      const match = zoneId && layer.feature.properties.id === zoneId;
      layer.setStyle({weight: match ? 3 : 1.5, color: match ? '#3d2a0c' : '#6f5428'});
    });
  }

  settlementLatLng(id) {
    let found = null;
    this.overlays['layer.settlements']?.eachLayer(layer => {
      if (layer.feature?.properties?.id === id) found = layer.getLatLng();
    });
    return found;
  }

  zoomToKazakhstan() {
    this.map.flyToBounds(KAZAKHSTAN, {...FIT, duration: 0.5});
  }

  /** Report mode: a click on the map places the incident; the pin can be dragged. */
  startPicking(onPick, initial) {
    this.stopPicking();
    this.map.getContainer().classList.add('picking');
    const place = (lat, lon, fromMap) => {
      if (!this.pick.marker) {
        this.pick.marker = L.marker([lat, lon], {
          draggable: true, keyboard: false, pane: 'incidents', zIndexOffset: 2000,
          icon: L.divIcon({className: 'incident-icon', html: '<span class="pin picked">✚</span>', iconSize: [28, 28]}),
        }).addTo(this.map);
        this.pick.marker.on('dragend', () => {
          const p = this.pick.marker.getLatLng();
          onPick(round(p.lng), round(p.lat));
        });
      } else {
        this.pick.marker.setLatLng([lat, lon]);
      }
      if (fromMap) onPick(round(lon), round(lat));
    };
    this.pick = {marker: null, place, handler: e => place(e.latlng.lat, e.latlng.lng, true)};
    this.map.on('click', this.pick.handler);
    if (initial) place(initial[1], initial[0], false);
  }

  /** The form's coordinates changed: move the pin without echoing back. */
  movePick(lon, lat) {
    if (this.pick && Number.isFinite(lon) && Number.isFinite(lat) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
      this.pick.place(lat, lon, false);
    }
  }

  stopPicking() {
    if (!this.pick) return;
    this.map.off('click', this.pick.handler);
    this.pick.marker?.remove();
    this.map.getContainer().classList.remove('picking');
    this.pick = null;
  }
}

function round(x) {
  return Math.round(x * 10000) / 10000;
}

function radius(population) {
  if (population >= 250000) return 6;
  if (population >= 50000) return 4.5;
  if (population >= 10000) return 3.5;
  return 2.5;
}

/** The vertex of a zone farthest from the source: the downwind tip of a plume, where its label does not cover the others. */
function farthestPoint(geometry, origin) {
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]]
    : geometry.type === 'MultiPolygon' ? geometry.coordinates.map(p => p[0]) : [];
  let best = null;
  let bestDistance = -1;
  for (const ring of rings) {
    for (const point of ring) {
      const d = origin ? (point[0] - origin[0]) ** 2 * Math.cos(origin[1] * Math.PI / 180) ** 2 + (point[1] - origin[1]) ** 2
        : point[0];
      if (d > bestDistance) {
        bestDistance = d;
        best = point;
      }
    }
  }
  return best;
}

function legend(open) {
  const levels = ['AEGL-3', 'AEGL-2', 'AEGL-1'].map(level => h('li', {},
    swatch(level), h('span', {}, h('b', {}, level), ` ${t(LEVELS[level].meaning)}`)));
  levels.push(h('li', {}, swatch('SCREENING'), h('span', {}, h('b', {}, t('legend.other')), ` ${t('legend.otherMeaning')}`)));
  const statuses = Object.entries(STATUS).map(([status, s]) => h('li', {},
    h('span', {class: `pin legend-pin status-${status}`, 'aria-hidden': 'true'}, s.glyph), h('span', {}, code(status))));
  const details = h('details', {class: 'legend', open},
    h('summary', {}, t('legend.title')),
    h('div', {class: 'legend-body'},
      h('p', {class: 'legend-title'}, t('legend.zones')), h('ul', {}, levels),
      h('p', {class: 'legend-title'}, t('legend.incidents')), h('ul', {class: 'legend-statuses'}, statuses),
      h('p', {class: 'legend-title'}, t('legend.reference')),
      h('ul', {},
        h('li', {}, h('span', {class: 'legend-fallzone', 'aria-hidden': 'true'}), h('span', {}, t('legend.dropZone'))),
        h('li', {}, h('span', {class: 'legend-dot', 'aria-hidden': 'true'}), h('span', {}, t('legend.settlement'))),
        h('li', {}, h('span', {class: 'legend-glyph', 'aria-hidden': 'true'}, '▲'), h('span', {}, t('legend.launchPad'))),
        h('li', {}, h('span', {class: 'legend-glyph', 'aria-hidden': 'true'}, '◆'), h('span', {}, t('legend.testSite'))),
        h('li', {}, h('span', {class: 'legend-glyph crash', 'aria-hidden': 'true'}, '✖'), h('span', {}, t('legend.crashSite'))))));
  L.DomEvent.disableClickPropagation(details);
  L.DomEvent.disableScrollPropagation(details);
  return details;
}
