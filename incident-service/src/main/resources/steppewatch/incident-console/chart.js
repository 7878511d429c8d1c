// A site's series as a uPlot chart (served from its WebJar): detected results as filled dots, non-detects as
// open rings at their detection limit, a range (value to valueMax) as a vertical bar, and each regime's limit as
// a dashed horizontal line labelled with its regime. Colour is not the only signal: markers differ in shape and
// every line carries its label on the chart and in the legend.
import {h} from './util.js';
import {t, locale, numberLocale} from './i18n.js';

const UPLOT = '/webjars/uplot/dist/uPlot.esm.js';
const LIMIT_COLOURS = ['#b91c1c', '#7c3aed', '#0f766e', '#a16207', '#be185d', '#1d4ed8'];
const MEASURED = '#1f2937';
const NON_DETECT = '#2563eb';

/** Midday of the sampling period's middle, in seconds (uPlot's time axis). */
function when(result) {
  const from = Date.parse(`${result.sampledFrom}T12:00:00Z`);
  const to = result.sampledTo ? Date.parse(`${result.sampledTo}T12:00:00Z`) : from;
  return Number.isNaN(from) ? null : (from + (Number.isNaN(to) ? from : to)) / 2000;
}

/** The top of a range in the series unit: valueMax is in the result's own unit, seriesValue in the series unit. */
function rangeTop(result, unit) {
  if (result.valueMax == null || result.seriesValue == null) return null;
  if (!result.value) return result.unit === unit ? result.valueMax : null;
  return result.seriesValue * (result.valueMax / result.value);
}

/**
 * Limits of equal value (EU's 1 µg/L and WHO's 0.001 mg/L of mercury in drinking water) as one line labelled with
 * every regime: drawn apart, the later line would hide the earlier one and their labels would overprint.
 */
export function sameValuesMerged(limits) {
  const merged = [];
  limits.forEach(l => {
    const same = merged.find(m => Math.abs(m.limit - l.limit) <= 1e-9 * Math.max(Math.abs(l.limit), 1e-300));
    if (same) {
      if (!same.regime.split(' / ').includes(l.regime)) same.regime = `${same.regime} / ${l.regime}`;
    } else {
      merged.push({...l});
    }
  });
  return merged;
}

/**
 * The chart's data: the dated results in time order, and per point the measured value, the non-detect's
 * detection limit (both in the series unit), the top of its range, and each limit.
 */
export function chartData(series) {
  const dated = series.results.map(r => ({r, x: when(r)})).filter(p => p.x !== null).sort((a, b) => a.x - b.x);
  const xs = dated.map(p => p.x);
  const measured = dated.map(({r}) => (r.detected !== false && r.seriesValue != null ? r.seriesValue : null));
  const nonDetects = dated.map(({r}) => (r.detected === false ? r.seriesDetectionLimit ?? null : null));
  const ranges = dated.map(({r}) => (r.detected !== false ? rangeTop(r, series.unit) : null));
  const limits = (series.limits || []).map(l => xs.map(() => l.limit));
  return {xs, measured, nonDetects, ranges, limits};
}

/** Month and weekday names in the page's language, for the time axis (uPlot's own are English). */
function dateNames() {
  const names = (count, options, at) => Array.from({length: count},
    (_, i) => new Intl.DateTimeFormat(locale(), {...options, timeZone: 'UTC'}).format(at(i)));
  const month = style => names(12, {month: style}, m => Date.UTC(2000, m, 1));
  // 2 January 2000 was a Sunday, uPlot's first weekday
  const weekday = style => names(7, {weekday: style}, d => Date.UTC(2000, 0, 2 + d));
  return {MMMM: month('long'), MMM: month('short'), WWWW: weekday('long'), WWW: weekday('short')};
}

/** 6 % of the time span, or half a year for a single date. */
function margin(min, max) {
  return (max - min) * 0.06 || 180 * 86400;
}

function format(value) {
  return value == null ? '' : new Intl.NumberFormat(numberLocale(), {maximumSignificantDigits: 3}).format(value);
}

/** Draws the range bars and writes each limit's regime at the right end of its line. */
function overlay(series, data) {
  return u => {
    const {ctx} = u;
    const ratio = devicePixelRatio;
    ctx.save();
    ctx.lineWidth = 2 * ratio;
    ctx.strokeStyle = MEASURED;
    data.ranges.forEach((top, i) => {
      if (top == null || data.measured[i] == null) return;
      const x = u.valToPos(data.xs[i], 'x', true);
      ctx.beginPath();
      ctx.moveTo(x, u.valToPos(data.measured[i], 'y', true));
      ctx.lineTo(x, u.valToPos(top, 'y', true));
      ctx.stroke();
    });
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    (series.limits || []).forEach((l, i) => {
      const y = u.valToPos(l.limit, 'y', true);
      if (y < u.bbox.top || y > u.bbox.top + u.bbox.height) return;
      ctx.fillStyle = LIMIT_COLOURS[i % LIMIT_COLOURS.length];
      ctx.fillText(`${l.regime} ${format(l.limit)} ${l.unit}`, u.bbox.left + u.bbox.width - 4 * ratio, y - 3 * ratio);
    });
    ctx.restore();
  };
}

/**
 * Draws the series into {@code container} (width in CSS pixels); resolves to the uPlot instance, or null when
 * no result is dated. A text summary goes with it for those who cannot see the chart.
 */
export async function drawChart(container, series, width) {
  series = {...series, limits: sameValuesMerged(series.limits || [])};
  const data = chartData(series);
  if (!data.xs.length) {
    container.append(h('p', {class: 'muted'}, t('chart.noDated')));
    return null;
  }
  const {default: uPlot} = await import(UPLOT);
  const values = [...data.measured, ...data.nonDetects, ...data.ranges, ...(series.limits || []).map(l => l.limit)]
    .filter(v => v != null);
  // several orders of magnitude (a limit far above the results, or far below) read better on a log axis
  const positive = values.length && values.every(v => v > 0);
  const [low, high] = values.length ? [Math.min(...values), Math.max(...values)] : [0, 1];
  const log = positive && high / low > 200;
  const noLine = () => null;
  const names = dateNames();
  const opts = {
    width,
    height: 280,
    legend: {live: false},
    // sampling dates are calendar days: shown as they are, not shifted into the browser's time zone
    tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    fmtDate: template => uPlot.fmtDate(template, names),
    cursor: {points: {show: false}},
    // the range bars are drawn by hand: the scale is set to hold them as well as the series
    // a margin either side, so the first and last results are not cut in half by the axes
    scales: {x: {time: true, range: (u, min, max) => [min - margin(min, max), max + margin(min, max)]},
      y: log ? {distr: 3, range: () => uPlot.rangeLog(low, high, 10, true)}
      : {range: () => [Math.min(0, low), high * 1.15 || 1]}},
    axes: [{}, {label: series.unit, size: 70, values: (u, splits) => splits.map(format)}],
    series: [
      {label: t('chart.date')},
      {label: t('chart.measured'), stroke: MEASURED, paths: noLine,
        points: {show: true, size: 8, fill: MEASURED, stroke: MEASURED}},
      {label: t('chart.nonDetect'), stroke: NON_DETECT, paths: noLine,
        points: {show: true, size: 10, width: 2, fill: '#ffffff', stroke: NON_DETECT}},
      ...(series.limits || []).map((l, i) => ({
        label: t('chart.limit', {regime: l.regime, limit: format(l.limit), unit: l.unit}),
        stroke: LIMIT_COLOURS[i % LIMIT_COLOURS.length], width: 1.5, dash: [8, 5], points: {show: false},
      })),
    ],
    hooks: {draw: [overlay(series, data)]},
  };
  const plot = new uPlot(opts, [data.xs, data.measured, data.nonDetects, ...data.limits], container);
  plot.root.dataset.limits = String((series.limits || []).length);
  return plot;
}
