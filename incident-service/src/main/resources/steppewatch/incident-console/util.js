// Small DOM and formatting helpers shared by the console's modules. Text always goes in as text
// nodes (never innerHTML), so titles and descriptions typed by analysts cannot inject markup.
import {t, locale, numberLocale} from './i18n.js';

/** h('p', {class: 'x', onclick: fn}, 'text', child) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, value);
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Text for Leaflet's tooltips and popups as a DOM node: given a string, Leaflet sets it as innerHTML, so a
 * settlement name or a unit like <img onerror=…> would become markup.
 */
export function text(...parts) {
  return h('span', {}, ...parts);
}

/** For the few places an API takes only an HTML string (Leaflet's attribution): the text, escaped. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** "2 Jul 2013, 02:38 UTC" (in the page's language) */
export function formatTime(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${new Intl.DateTimeFormat(locale(), {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hour12: false,
  }).format(date)} UTC`;
}

/** "2019-06-01" -> "1 Jun 2019" (in the page's language); a date has no time zone to show. */
export function formatDate(isoDate) {
  if (!isoDate) return '—';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate
    : new Intl.DateTimeFormat(locale(), {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'}).format(date);
}

export function time(iso) {
  return h('time', {datetime: iso}, formatTime(iso));
}

export function formatInt(n) {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(numberLocale(), {maximumFractionDigits: 0}).format(n);
}

export function formatKm(km) {
  return km === null || km === undefined ? '—'
    : t('unit.km', {n: new Intl.NumberFormat(numberLocale(), {maximumFractionDigits: 1}).format(km)});
}

export function formatNumber(n, digits = 3) {
  return n === null || n === undefined ? '—'
    : new Intl.NumberFormat(numberLocale(), {maximumSignificantDigits: digits}).format(n);
}

const COMPASS = ['N', 'NNE', 'NE', 'ENE', 'E', 'ESE', 'SE', 'SSE', 'S', 'SSW', 'SW', 'WSW', 'W', 'WNW', 'NW', 'NNW'];

/** 153 -> "SSE" */
export function compass(deg) {
  if (deg === null || deg === undefined) return '';
  return COMPASS[Math.round((((deg % 360) + 360) % 360) / 22.5) % 16];
}

export function formatLonLat(point) {
  if (!point || !point.coordinates) return '—';
  const [lon, lat] = point.coordinates;
  return `${Math.abs(lat).toFixed(4)}° ${lat >= 0 ? 'N' : 'S'}, ${Math.abs(lon).toFixed(4)}° ${lon >= 0 ? 'E' : 'W'}`;
}

/** "LAUNCH_FAILURE" -> "Launch failure" */
export function humanize(code) {
  if (!code) return '';
  const words = code.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Says something to screen-reader users without moving their focus. */
export function announce(message) {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // a fresh text node, so the same message twice is read twice
  setTimeout(() => { region.textContent = message; }, 50);
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/**
 * A modal dialog that asks for a reason (a retraction, a rejected draft): ids are {@code <id>-reason},
 * {@code <id>-confirm} and {@code <id>-error}. {@code act(reason)} does the work; whatever it throws is shown
 * through {@code explain(error)} next to the field, and the dialog stays open.
 */
export function askReason({id, title, text, confirm, act, explain, onClose}) {
  const reason = h('textarea', {id: `${id}-reason`, rows: 3, required: true, 'aria-describedby': `${id}-error`});
  const error = h('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  const dialog = h('dialog', {class: 'dialog', 'aria-labelledby': `${id}-title`},
    h('form', {method: 'dialog', novalidate: true},
      h('h2', {id: `${id}-title`}, title),
      h('p', {}, text),
      h('div', {class: 'field'}, h('label', {for: `${id}-reason`}, t('common.reasonRequired')), error, reason),
      h('div', {class: 'actions'},
        h('button', {type: 'submit', class: 'button danger', id: `${id}-confirm`}, confirm),
        h('button', {type: 'button', class: 'button secondary', onclick: () => dialog.close()}, t('common.cancel')))));
  dialog.querySelector('form').addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await act(reason.value);
      dialog.close();
    } catch (e) {
      error.hidden = false;
      error.textContent = explain(e);
      reason.setAttribute('aria-invalid', 'true');
      reason.focus();
    }
  });
  dialog.addEventListener('close', () => {
    dialog.remove();
    onClose?.();
  });
  document.body.append(dialog);
  dialog.showModal();
  reason.focus();
}
