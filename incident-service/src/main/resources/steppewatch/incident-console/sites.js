// Contaminated sites: the register as a list (and dots on the map), and one site's page with a chart and a
// table per substance and medium it has results for. Analysts add a result or import a CSV of them here.
import {api, Problem} from './api.js';
import {drawChart} from './chart.js';
import {downloadLinks} from './download.js';
import {resultForms} from './results.js';
import {h, clear, text, formatDate, formatLonLat, formatNumber, formatTime} from './util.js';
import {t, tn, code, language} from './i18n.js';

const L = window.L;

/** A site's name in the page's language, else in English. */
export function siteName(site) {
  const names = site.name || {};
  return names[language()] || names.en || names.ru || names.kk || site.id;
}

/** The sites as dots on the console's map; a click opens the site. */
function showOnMap(ctx, sites) {
  ctx.siteLayer?.remove();
  ctx.siteLayer = L.layerGroup().addTo(ctx.map.map);
  for (const site of sites) {
    const [lon, lat] = site.location?.coordinates || [];
    if (lon === undefined) continue;
    L.circleMarker([lat, lon], {pane: 'incidents', radius: 7, color: '#7c2d12', weight: 2, fillColor: '#fdba74',
      fillOpacity: 0.9, className: 'contaminated-site'})
      .bindTooltip(text(siteName(site)))
      .on('click', () => { location.hash = `#/sites/${encodeURIComponent(site.id)}`; })
      .addTo(ctx.siteLayer);
  }
}

export class SitesList {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async show() {
    const {panel} = this.ctx;
    this.count = h('p', {class: 'count', role: 'status', id: 'site-count'}, t('sites.loading'));
    this.list = h('ul', {class: 'incident-list', id: 'site-list', 'aria-labelledby': 'sites-title'});
    clear(panel,
      h('h2', {id: 'sites-title', tabindex: '-1'}, t('sites.title')),
      h('p', {class: 'hint'}, t('sites.intro')),
      h('p', {class: 'downloads'}, downloadLinks('/api/v1/sites', 'sites', () => new URLSearchParams({size: '200'}))),
      this.count, this.list);
    let page;
    try {
      page = await api.sites();
    } catch (e) {
      this.count.textContent = t('sites.failed', {message: e.message});
      return;
    }
    this.count.textContent = page.items.length ? tn('sites.count', page.total ?? page.items.length) : t('sites.none');
    clear(this.list, page.items.map(site => h('li', {dataset: {id: site.id}},
      h('a', {class: 'incident-card', href: `#/sites/${encodeURIComponent(site.id)}`},
        h('span', {class: 'card-head'}, h('strong', {class: 'card-title'}, siteName(site)),
          h('span', {class: 'badge'}, site.id)),
        h('span', {class: 'card-meta'}, [site.region, (site.pollutants || []).join(', '),
          (site.media || []).map(code).join(', ')].filter(Boolean).join(' · ')),
        h('span', {class: 'card-meta'}, tn('sites.results', site.resultCount ?? 0),
          site.status ? ` · ${site.status}` : '')))));
    showOnMap(this.ctx, page.items);
    if (page.items.length) {
      this.ctx.map.map.fitBounds(this.ctx.siteLayer.getLayers().map(m => m.getLatLng()), {padding: [40, 40], maxZoom: 7});
    }
  }

  leave() {
    this.ctx.siteLayer?.remove();
  }
}

export class SitePage {
  constructor(ctx, id) {
    this.ctx = ctx;
    this.id = id;
  }

  leave() {
    this.ctx.siteLayer?.remove();
  }

  onAuthChange() {
    this.show();
  }

  async show() {
    const {panel} = this.ctx;
    const back = h('p', {class: 'back'}, h('a', {href: '#/sites'}, t('sites.back')));
    let site;
    try {
      site = await api.site(this.id);
    } catch (e) {
      clear(panel, back, h('h2', {tabindex: '-1', id: 'site-title'}, t('sites.notFound')),
        h('p', {}, e instanceof Problem ? e.message : t('common.couldNotLoad', {message: e.message})));
      return;
    }
    this.site = site;
    // the charts drawn, for the browser tests (window.steppeWatchConsole.ctx.charts)
    this.ctx.charts = [];
    const series = (site.series || []).map(s => h('section', {class: 'section series', dataset: {substance: s.substance,
      medium: s.medium}, 'aria-label': t('chart.title', {substance: s.substance, medium: code(s.medium)})}));
    clear(panel, back,
      h('h2', {tabindex: '-1', id: 'site-title'}, siteName(site)),
      this.facts(site),
      site.description ? h('p', {class: 'description'}, site.description) : null,
      site.notes ? h('p', {class: 'muted'}, site.notes) : null,
      series.length ? series : h('p', {id: 'no-series'}, t('site.noResults')),
      this.ctx.auth.can('report') ? resultForms(this.ctx, site, () => this.show()) : null,
      (site.history || []).length ? h('details', {class: 'history'}, h('summary', {}, t('site.history')),
        h('ol', {}, site.history.map(entry => h('li', {}, h('time', {datetime: entry.at}, formatTime(entry.at)),
          entry.by ? ` · ${entry.by}` : '', ` — ${entry.what}`)))) : null);
    showOnMap(this.ctx, [site]);
    const [lon, lat] = site.location?.coordinates || [];
    if (lon !== undefined) this.ctx.map.map.setView([lat, lon], 8, {animate: false});
    const width = Math.max(320, panel.clientWidth - 56);
    await Promise.all((site.series || []).map((s, i) => this.series(series[i], s, width)));
    document.body.dataset.siteReady = site.id;
  }

  facts(site) {
    const rows = [
      [t('site.id'), site.id],
      [t('site.region'), site.region],
      [t('field.location'), `${formatLonLat(site.location)} (${t('site.confidence', {level: code(site.coordinateConfidence)})})`],
      [t('site.pollutants'), (site.pollutants || []).join(', ')],
      [t('site.media'), (site.media || []).map(code).join(', ')],
      [t('field.status'), site.status],
      [t('site.sources'), (site.sources || []).join(', ')],
      [t('site.resultCount'), String(site.resultCount ?? 0)],
    ].filter(([, v]) => v);
    return h('dl', {class: 'facts', id: 'site-facts'}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
  }

  async series(section, {substance, medium, count}, width) {
    const heading = h('h3', {}, t('chart.title', {substance, medium: code(medium)}), ' ',
      h('span', {class: 'muted small'}, tn('sites.results', count ?? 0)));
    clear(section, heading, h('p', {class: 'muted'}, t('common.loading')));
    let series;
    try {
      series = await api.series(this.site.id, substance, medium);
    } catch (e) {
      clear(section, heading, h('p', {class: 'field-error'}, t('common.couldNotLoad', {message: e.message})));
      return;
    }
    const chart = h('div', {class: 'chart', 'aria-hidden': 'true'});
    clear(section, heading, chart,
      h('ul', {class: 'limits'}, (series.limits || []).map(l => h('li', {class: 'limit-label', dataset: {regime: l.regime}},
        t('chart.limit', {regime: l.regime, limit: formatNumber(l.limit), unit: l.unit}),
        l.limitMedium && l.limitMedium !== medium ? ` (${code(l.limitMedium)})` : '',
        l.source ? h('span', {class: 'muted small'}, ` — ${l.source}`) : null))),
      trendLine(series.trend),
      h('p', {class: 'downloads'}, downloadLinks('/api/v1/results', `results-${this.site.id}-${substance}-${medium}`,
        () => new URLSearchParams({siteId: this.site.id, substance, medium}))),
      resultsTable(series));
    const plot = await drawChart(chart, series, width);
    if (plot) this.ctx.charts.push(plot);
  }
}

/** The Mann–Kendall statement with its n, or why there is none. */
function trendLine(trend) {
  if (!trend) return null;
  if (!trend.shown) {
    const fewer = /fewer than (\d+)/.exec(trend.reason || '');
    return h('p', {class: 'trend', dataset: {shown: 'false'}},
      fewer ? t('trend.fewer', {min: fewer[1], n: trend.n ?? 0}) : t('trend.notShown', {reason: trend.reason || '—', n: trend.n ?? 0}));
  }
  return h('p', {class: 'trend', dataset: {shown: 'true', direction: trend.direction}},
    h('b', {}, t(`trend.${trend.direction}`)), ' ',
    t('trend.stats', {n: trend.n, p: formatNumber(trend.pValue, 2), alpha: trend.alpha}),
    trend.theilSenSlopePerYear != null
      ? ` ${t('trend.slope', {slope: formatNumber(trend.theilSenSlopePerYear), unit: trend.unit || ''})}` : '');
}

/** The result as sampled: a value, a range, or "not detected (< DL)". */
function resultText(r) {
  if (r.detected === false) {
    return r.detectionLimit != null ? t('result.notDetectedBelow', {dl: formatNumber(r.detectionLimit), unit: r.unit})
      : t('result.notDetected');
  }
  const value = r.valueMax != null ? `${formatNumber(r.value)}–${formatNumber(r.valueMax)}` : formatNumber(r.value);
  return `${r.qualifier ? `${r.qualifier} ` : ''}${value} ${r.unit}`;
}

function comparisons(r) {
  if (!r.judged) return h('span', {class: 'muted'}, t('result.notJudged'));
  if (!(r.comparisons || []).length) return h('span', {class: 'muted'}, t('result.noLimit'));
  return h('ul', {class: 'comparisons'}, r.comparisons.map(c => h('li', {dataset: {outcome: c.outcome}},
    h('b', {}, c.regime), ` ${formatNumber(c.limit)} ${c.limitUnit || ''}`,
    c.ratio != null ? ` · ${formatNumber(c.ratio)}×` : '',
    ` · ${code(c.outcome)}`,
    c.notComparedReason ? h('span', {class: 'muted small'}, ` (${c.notComparedReason})`) : null)));
}

function resultsTable(series) {
  const rows = [...series.results].sort((a, b) => String(a.sampledFrom).localeCompare(String(b.sampledFrom)));
  return h('table', {class: 'data results-table'},
    h('caption', {}, t('result.caption')),
    h('thead', {}, h('tr', {}, ['result.sampled', 'result.result', 'result.comparisons', 'result.source']
      .map(key => h('th', {scope: 'col'}, t(key))))),
    h('tbody', {}, rows.map(r => h('tr', {dataset: {resultId: r.resultId, detected: String(r.detected !== false)}},
      h('td', {}, formatDate(r.sampledFrom), r.sampledTo && r.sampledTo !== r.sampledFrom ? `–${formatDate(r.sampledTo)}` : ''),
      h('td', {class: 'num'}, resultText(r),
        r.statistic && r.statistic !== 'SINGLE' ? h('div', {class: 'muted small'},
          `${code(r.statistic)}${r.sampleCount ? `, n = ${r.sampleCount}` : ''}`) : null),
      h('td', {}, comparisons(r)),
      h('td', {class: 'small'}, [r.source, r.sourceStatus].filter(Boolean).join(' · '),
        r.laboratory || r.method ? h('div', {class: 'muted'}, [r.laboratory, r.method].filter(Boolean).join(' · ')) : null)))));
}
