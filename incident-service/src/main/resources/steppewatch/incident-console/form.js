// Report an incident, or revise one: a form whose fields carry the API's field names
// (data-field="releases[0].massKg"), so each problem+json error lands next to its field.
import {api, Problem} from './api.js';
import {h, clear, announce} from './util.js';
import {t, code} from './i18n.js';

let sequence = 0;

/** A labelled control with its hint and its error slot. */
export function field({name, label, control, hint, required}) {
  const id = `f${++sequence}`;
  control.id = id;
  const hintEl = hint ? h('p', {class: 'hint', id: `${id}-hint`}, hint) : null;
  const errorEl = h('p', {class: 'field-error', id: `${id}-error`, hidden: true});
  control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  if (required) control.setAttribute('aria-required', 'true');
  return h('div', {class: 'field', dataset: {field: name}},
    h('label', {for: id}, label, required ? h('span', {class: 'required'}, t('common.required')) : null),
    hintEl, errorEl, control);
}

function text(value, attrs = {}) {
  return h('input', {type: 'text', value: value ?? '', autocomplete: 'off', spellcheck: 'false', ...attrs});
}

function number(value, attrs = {}) {
  return text(value === null || value === undefined ? '' : String(value), {inputmode: 'decimal', ...attrs});
}

function select(options, value, {blank} = {}) {
  const el = h('select', {},
    blank !== undefined ? h('option', {value: ''}, blank) : null,
    options.map(o => typeof o === 'string' ? h('option', {value: o}, code(o)) : h('option', {value: o.value}, o.label)));
  el.value = value ?? '';
  return el;
}

/** A group of controls (a fieldset) that one API field names, e.g. location.coordinates. */
function group(name, legend, ...children) {
  const id = `f${++sequence}`;
  return h('fieldset', {class: 'group', dataset: {field: name}, 'aria-describedby': `${id}-error`},
    h('legend', {}, legend), h('p', {class: 'field-error', id: `${id}-error`, hidden: true}), ...children);
}

function instantText(iso) {
  return iso ? iso.replace(/\.000Z$/, 'Z') : '';
}

/** "2013-07-02 02:38" -> "2013-07-02T02:38:00Z"; anything else goes as typed, for the API to explain. */
export function normalizeInstant(value) {
  const v = (value || '').trim();
  if (!v) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00Z`;
  const m = v.match(/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i);
  if (!m) return v;
  const zone = !m[5] || /^utc$/i.test(m[5]) ? 'Z' : m[5].toUpperCase();
  return `${m[1]}T${m[2]}${m[3] || ':00'}${zone}`;
}

/** A number if it reads as one, null if empty, else the text (the API then names the field). */
export function numberOrText(value) {
  const v = (value || '').trim().replace(',', '.');
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v;
}

/** How a release happened (releases[].scenario). */
const SCENARIOS = () => ['FIRE', 'SPILL', 'UNKNOWN'].map(value => ({value, label: t(`form.scenario.${value}`)}));

export function renderForm(ctx, incident) {
  const {panel, map, settings} = ctx;
  const revising = Boolean(incident);
  const substances = settings.substances.map(s => ({value: s.code, label: `${s.code} — ${s.name}`}));
  const state = {
    releases: (incident?.releases || []).map(r => ({...r})),
    samples: (incident?.samples || []).map(s => ({...s})),
  };

  const title = text(incident?.title, {maxlength: 200});
  const category = select(settings.categories, incident?.category, {blank: t('form.chooseCategory')});
  const occurredAt = text(instantText(incident?.occurredAt), {placeholder: '2013-07-02 02:38:22', inputmode: 'numeric'});
  const [lon0, lat0] = incident?.location?.coordinates || [];
  const lon = number(lon0, {placeholder: '63.0000'});
  const lat = number(lat0, {placeholder: '46.0500'});
  const vehicle = text(incident?.vehicle, {maxlength: 200});
  const launchSite = text(incident?.launchSite, {maxlength: 200});
  const description = h('textarea', {rows: 4}, incident?.description || '');
  const w = incident?.weather || {};
  const windFrom = number(w.windFromDeg, {placeholder: '225'});
  const windSpeed = number(w.windSpeedMs, {placeholder: '3.0'});
  const stability = select(settings.stabilityClasses.map(c => ({value: c,
    label: `${c}${'ABCDEF'.includes(c) ? ` — ${t(`form.stability.${c}`)}` : ''}`})), w.stability, {blank: t('form.notKnown')});

  const releasesList = h('div', {class: 'rows'});
  const samplesList = h('div', {class: 'rows'});
  const summary = h('div', {class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true});
  const submit = h('button', {type: 'submit', class: 'button primary'}, revising ? t('form.saveRevision') : t('form.submit'));

  const syncPin = () => map.movePick(Number(numberOrText(lon.value)), Number(numberOrText(lat.value)));
  lon.addEventListener('change', syncPin);
  lat.addEventListener('change', syncPin);

  function renderReleases() {
    clear(releasesList, state.releases.map((release, i) => {
      const substance = select(substances, release.substance, {blank: t('common.choose')});
      const mass = number(release.massKg);
      const scenario = select(SCENARIOS(), release.scenario, {blank: t('form.notKnown')});
      substance.addEventListener('change', () => { release.substance = substance.value; });
      mass.addEventListener('input', () => { release.massKg = mass.value; });
      scenario.addEventListener('change', () => { release.scenario = scenario.value || null; });
      return h('fieldset', {class: 'row', dataset: {field: `releases[${i}]`}},
        h('legend', {}, t('form.release', {n: i + 1})),
        h('p', {class: 'field-error', hidden: true}),
        h('div', {class: 'row-fields'},
          field({name: `releases[${i}].substance`, label: t('field.substance'), control: substance, required: true}),
          field({name: `releases[${i}].massKg`, label: t('form.massKg'), control: mass, required: true}),
          field({name: `releases[${i}].scenario`, label: t('form.scenario'), control: scenario})),
        h('button', {type: 'button', class: 'button link', onclick: () => {
          state.releases.splice(i, 1);
          renderReleases();
          announce(t('form.releaseRemoved', {n: i + 1}));
        }}, t('form.removeRelease', {n: i + 1})));
    }));
  }

  function renderSamples() {
    clear(samplesList, state.samples.map((sample, i) => {
      const substance = select(substances, sample.substance, {blank: t('common.choose')});
      const medium = select(settings.media, sample.medium, {blank: t('common.choose')});
      const value = number(sample.value);
      const unit = text(sample.unit, {placeholder: 'mg/kg', maxlength: 40});
      const nonDetect = h('input', {type: 'checkbox', checked: sample.detected === false});
      const detectionLimit = number(sample.detectionLimit);
      const sampledAt = text(instantText(sample.sampledAt), {placeholder: '2013-07-03 10:00'});
      const [slon, slat] = sample.location?.coordinates || [];
      const sLon = number(slon);
      const sLat = number(slat);
      const bind = (el, key) => el.addEventListener('input', () => { sample[key] = el.value; });
      substance.addEventListener('change', () => { sample.substance = substance.value; });
      medium.addEventListener('change', () => { sample.medium = medium.value; });
      bind(value, 'value');
      bind(detectionLimit, 'detectionLimit');
      nonDetect.addEventListener('change', () => { sample.detected = nonDetect.checked ? false : null; });
      bind(unit, 'unit');
      bind(sampledAt, 'sampledAtText');
      const setPoint = () => { sample.lonText = sLon.value; sample.latText = sLat.value; };
      sLon.addEventListener('input', setPoint);
      sLat.addEventListener('input', setPoint);
      return h('fieldset', {class: 'row', dataset: {field: `samples[${i}]`}},
        h('legend', {}, t('form.sample', {n: i + 1})),
        h('p', {class: 'field-error', hidden: true}),
        h('div', {class: 'row-fields'},
          field({name: `samples[${i}].substance`, label: t('field.substance'), control: substance, required: true}),
          field({name: `samples[${i}].medium`, label: t('field.medium'), control: medium, required: true}),
          field({name: `samples[${i}].value`, label: t('field.value'), control: value}),
          field({name: `samples[${i}].detected`, label: t('form.belowDetection'), control: nonDetect}),
          field({name: `samples[${i}].detectionLimit`, label: t('field.detectionLimit'), control: detectionLimit,
            hint: t('form.detectionHint')}),
          field({name: `samples[${i}].unit`, label: t('field.unit'), control: unit, required: true}),
          field({name: `samples[${i}].sampledAt`, label: t('form.sampledAt'), control: sampledAt})),
        group(`samples[${i}].location`, t('form.whereTaken'),
          h('div', {class: 'row-fields'},
            field({name: `samples[${i}].location.lon`, label: t('form.lon'), control: sLon}),
            field({name: `samples[${i}].location.lat`, label: t('form.lat'), control: sLat}))),
        h('button', {type: 'button', class: 'button link', onclick: () => {
          state.samples.splice(i, 1);
          renderSamples();
          announce(t('form.sampleRemoved', {n: i + 1}));
        }}, t('form.removeSample', {n: i + 1})));
    }));
  }

  function body() {
    // fields the form does not edit (cloud cover, direction spread) are kept as they were
    const weather = {...(incident?.weather || {}), windFromDeg: numberOrText(windFrom.value),
      windSpeedMs: numberOrText(windSpeed.value), stability: stability.value || null};
    const point = (x, y) => {
      const a = numberOrText(x);
      const b = numberOrText(y);
      return a === null && b === null ? null : {type: 'Point', coordinates: [a, b]};
    };
    return {
      title: title.value.trim() || null,
      category: category.value || null,
      occurredAt: normalizeInstant(occurredAt.value),
      location: point(lon.value, lat.value),
      // not edited here: a revision keeps the footprint it had
      footprint: incident?.footprint || null,
      vehicle: vehicle.value.trim() || null,
      launchSite: launchSite.value.trim() || null,
      releases: state.releases.map(r => ({substance: r.substance || null, massKg: numberOrText(String(r.massKg ?? '')),
        scenario: r.scenario || null})),
      samples: state.samples.map(s => ({
        substance: s.substance || null, medium: s.medium || null, value: numberOrText(String(s.value ?? '')),
        detected: s.detected ?? null, detectionLimit: numberOrText(String(s.detectionLimit ?? '')),
        unit: (s.unit || '').trim() || null,
        sampledAt: s.sampledAtText !== undefined ? normalizeInstant(s.sampledAtText) : s.sampledAt || null,
        location: s.lonText !== undefined || s.latText !== undefined
          ? point(s.lonText ?? String(s.location?.coordinates?.[0] ?? ''), s.latText ?? String(s.location?.coordinates?.[1] ?? ''))
          : s.location || null,
      })),
      weather: Object.values(weather).some(v => v !== null) ? weather : null,
      description: description.value.trim() || null,
    };
  }

  const form = h('form', {class: 'incident-form', novalidate: true, 'aria-labelledby': 'form-title'},
    summary,
    field({name: 'title', label: t('form.title'), control: title, required: true}),
    field({name: 'category', label: t('field.category'), control: category, required: true}),
    field({name: 'occurredAt', label: t('form.occurredAt'), control: occurredAt, required: true,
      hint: t('form.occurredHint')}),
    group('location', `${t('field.location')}${t('common.required')}`,
      h('p', {class: 'hint'}, t('form.locationHint')),
      h('div', {class: 'row-fields'},
        field({name: 'location.lon', label: t('form.lon'), control: lon}),
        field({name: 'location.lat', label: t('form.lat'), control: lat}))),
    revising && incident.footprint ? h('p', {class: 'hint'}, t('form.footprintKept')) : null,
    h('div', {class: 'row-fields'},
      field({name: 'vehicle', label: t('field.vehicle'), control: vehicle, hint: t('form.vehicleHint')}),
      field({name: 'launchSite', label: t('field.launchSite'), control: launchSite, hint: t('form.launchSiteHint')})),
    h('fieldset', {class: 'group', dataset: {field: 'releases'}},
      h('legend', {}, t('field.releases')),
      h('p', {class: 'hint'}, t('form.releasesHint')),
      releasesList,
      h('button', {type: 'button', class: 'button secondary', onclick: () => {
        state.releases.push({substance: '', massKg: ''});
        renderReleases();
        releasesList.lastElementChild?.querySelector('select')?.focus();
      }}, t('form.addRelease'))),
    h('fieldset', {class: 'group', dataset: {field: 'samples'}},
      h('legend', {}, t('form.samples')),
      samplesList,
      h('button', {type: 'button', class: 'button secondary', onclick: () => {
        state.samples.push({substance: '', medium: '', value: '', unit: ''});
        renderSamples();
        samplesList.lastElementChild?.querySelector('select')?.focus();
      }}, t('form.addSample'))),
    group('weather', t('form.weather'),
      h('div', {class: 'row-fields three'},
        field({name: 'weather.windFromDeg', label: t('form.windFrom'), control: windFrom, hint: t('form.windFromHint')}),
        field({name: 'weather.windSpeedMs', label: t('form.windSpeed'), control: windSpeed}),
        field({name: 'weather.stability', label: t('form.stability'), control: stability}))),
    field({name: 'description', label: t('form.description'), control: description}),
    h('div', {class: 'actions'}, submit,
      h('a', {class: 'button secondary', href: revising ? `#/incidents/${incident.id}` : '#/'}, t('common.cancel'))));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form, summary);
    submit.disabled = true;
    submit.textContent = revising ? t('form.saving') : t('form.submitting');
    try {
      const saved = revising
        ? await api.revise(incident.id, incident.version, body())
        : await api.report(body());
      announce(revising ? t('form.revisionSaved', {version: saved.version}) : t('form.reported'));
      ctx.saved(saved);
    } catch (e) {
      showProblem(form, summary, e, revising ? incident : null);
    } finally {
      submit.disabled = false;
      submit.textContent = revising ? t('form.saveRevision') : t('form.submit');
    }
  });

  renderReleases();
  renderSamples();
  clear(panel,
    h('p', {class: 'back'}, h('a', {href: revising ? `#/incidents/${incident.id}` : '#/'}, revising ? t('form.back') : t('common.allIncidents'))),
    h('h2', {id: 'form-title', tabindex: '-1'}, revising ? t('form.reviseTitle', {title: incident.title}) : t('nav.report')),
    revising ? h('p', {class: 'hint'}, t('form.revising', {version: incident.version, next: incident.version + 1})) : null,
    form);
  map.startPicking((x, y) => {
    lon.value = String(x);
    lat.value = String(y);
    announce(t('form.locationSet', {lat: y, lon: x}));
  }, incident?.location?.coordinates);
  return form;
}


export function clearErrors(form, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  form.querySelectorAll('.field-error').forEach(el => { el.hidden = true; el.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(el => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.has-error').forEach(el => el.classList.remove('has-error'));
}

/**
 * The container an API field name belongs to: the exact one, else the nearest enclosing one
 * (releases[0].massKg -> releases[0] -> releases), so no error is ever lost.
 */
export function containerFor(form, name) {
  let key = name;
  while (key) {
    const found = form.querySelector(`[data-field="${CSS.escape(key)}"]`);
    if (found) return found;
    const cut = Math.max(key.lastIndexOf('.'), key.lastIndexOf('['));
    key = cut > 0 ? key.slice(0, cut) : '';
  }
  return null;
}

export function showProblem(form, summary, error, incident) {
  const items = [];
  if (error instanceof Problem && error.errors.length) {
    for (const {field, message} of error.errors) {
      const container = containerFor(form, field);
      const control = container?.matches('input, select, textarea') ? container
        : container?.querySelector(':scope > input, :scope > select, :scope > textarea')
          || container?.querySelector('input, select, textarea');
      if (container) {
        container.classList.add('has-error');
        const slot = container.querySelector(':scope > .field-error');
        if (slot) {
          slot.hidden = false;
          slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
        }
        container.querySelectorAll('input, select, textarea').forEach(el => el.setAttribute('aria-invalid', 'true'));
      }
      const own = container?.querySelector(':scope > label, :scope > legend')?.textContent.replace(t('common.required'), '');
      const row = container?.closest('.row')?.querySelector(':scope > legend')?.textContent;
      const label = own ? (row && row !== own ? `${row}, ${own.toLowerCase()}` : own) : field;
      items.push(h('li', {}, control
        ? h('a', {href: `#${control.id}`, onclick: e => { e.preventDefault(); control.focus(); }}, `${label}: ${message}`)
        : `${field}: ${message}`));
    }
  }
  const headline = error instanceof Problem && error.status === 412 && incident
    ? t('form.conflict')
    // a Problem's message is its detail, or for a 401 the advice to sign in again
    : error instanceof Problem ? error.message : t('form.failed', {message: error.message});
  summary.replaceChildren(h('h3', {}, t('form.problem')), h('p', {}, headline), items.length ? h('ul', {}, items) : null);
  summary.hidden = false;
  summary.focus();
}
