// Report an incident, or revise one: a form whose fields carry the API's field names
// (data-field="releases[0].massKg"), so each problem+json error lands next to its field.
import {api, Problem} from './api.js';
import {h, clear, humanize, announce} from './util.js';

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
    h('label', {for: id}, label, required ? h('span', {class: 'required'}, ' (required)') : null),
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
    options.map(o => typeof o === 'string' ? h('option', {value: o}, humanize(o)) : h('option', {value: o.value}, o.label)));
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
const SCENARIOS = [
  {value: 'FIRE', label: 'Fire: most of it burns'},
  {value: 'SPILL', label: 'Spill: a pool evaporates'},
  {value: 'UNKNOWN', label: 'Unknown'},
];

export function renderForm(ctx, incident) {
  const {panel, map, settings} = ctx;
  const revising = Boolean(incident);
  const substances = settings.substances.map(s => ({value: s.code, label: `${s.code} — ${s.name}`}));
  const state = {
    releases: (incident?.releases || []).map(r => ({...r})),
    samples: (incident?.samples || []).map(s => ({...s})),
  };

  const title = text(incident?.title, {maxlength: 200});
  const category = select(settings.categories, incident?.category, {blank: 'Choose a category'});
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
  const stability = select(settings.stabilityClasses.map(c => ({value: c, label: `${c}${STABILITY_HINT[c] || ''}`})),
    w.stability, {blank: 'Not known'});

  const releasesList = h('div', {class: 'rows'});
  const samplesList = h('div', {class: 'rows'});
  const summary = h('div', {class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true});
  const submit = h('button', {type: 'submit', class: 'button primary'}, revising ? 'Save revision' : 'Submit report');

  const syncPin = () => map.movePick(Number(numberOrText(lon.value)), Number(numberOrText(lat.value)));
  lon.addEventListener('change', syncPin);
  lat.addEventListener('change', syncPin);

  function renderReleases() {
    clear(releasesList, state.releases.map((release, i) => {
      const substance = select(substances, release.substance, {blank: 'Choose'});
      const mass = number(release.massKg);
      const scenario = select(SCENARIOS, release.scenario, {blank: 'Not known'});
      substance.addEventListener('change', () => { release.substance = substance.value; });
      mass.addEventListener('input', () => { release.massKg = mass.value; });
      scenario.addEventListener('change', () => { release.scenario = scenario.value || null; });
      return h('fieldset', {class: 'row', dataset: {field: `releases[${i}]`}},
        h('legend', {}, `Release ${i + 1}`),
        h('p', {class: 'field-error', hidden: true}),
        h('div', {class: 'row-fields'},
          field({name: `releases[${i}].substance`, label: 'Substance', control: substance, required: true}),
          field({name: `releases[${i}].massKg`, label: 'Mass (kg)', control: mass, required: true}),
          field({name: `releases[${i}].scenario`, label: 'How it was released', control: scenario})),
        h('button', {type: 'button', class: 'button link', onclick: () => {
          state.releases.splice(i, 1);
          renderReleases();
          announce(`Release ${i + 1} removed`);
        }}, `Remove release ${i + 1}`));
    }));
  }

  function renderSamples() {
    clear(samplesList, state.samples.map((sample, i) => {
      const substance = select(substances, sample.substance, {blank: 'Choose'});
      const medium = select(settings.media, sample.medium, {blank: 'Choose'});
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
        h('legend', {}, `Sample ${i + 1}`),
        h('p', {class: 'field-error', hidden: true}),
        h('div', {class: 'row-fields'},
          field({name: `samples[${i}].substance`, label: 'Substance', control: substance, required: true}),
          field({name: `samples[${i}].medium`, label: 'Medium', control: medium, required: true}),
          field({name: `samples[${i}].value`, label: 'Value', control: value}),
          field({name: `samples[${i}].detected`, label: 'Below the detection limit', control: nonDetect}),
          field({name: `samples[${i}].detectionLimit`, label: 'Detection limit', control: detectionLimit,
            hint: 'For a result below the detection limit: tick the box, leave the value empty'}),
          field({name: `samples[${i}].unit`, label: 'Unit', control: unit, required: true}),
          field({name: `samples[${i}].sampledAt`, label: 'Sampled at (UTC)', control: sampledAt})),
        group(`samples[${i}].location`, 'Where it was taken (optional)',
          h('div', {class: 'row-fields'},
            field({name: `samples[${i}].location.lon`, label: 'Longitude (°E)', control: sLon}),
            field({name: `samples[${i}].location.lat`, label: 'Latitude (°N)', control: sLat}))),
        h('button', {type: 'button', class: 'button link', onclick: () => {
          state.samples.splice(i, 1);
          renderSamples();
          announce(`Sample ${i + 1} removed`);
        }}, `Remove sample ${i + 1}`));
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
    field({name: 'title', label: 'Title', control: title, required: true}),
    field({name: 'category', label: 'Category', control: category, required: true}),
    field({name: 'occurredAt', label: 'When it happened (UTC)', control: occurredAt, required: true,
      hint: 'Date and time in UTC, e.g. 2013-07-02 02:38:22'}),
    group('location', 'Location (required)',
      h('p', {class: 'hint'}, 'Click the map to place it, drag the pin, or type the coordinates.'),
      h('div', {class: 'row-fields'},
        field({name: 'location.lon', label: 'Longitude (°E)', control: lon}),
        field({name: 'location.lat', label: 'Latitude (°N)', control: lat}))),
    revising && incident.footprint ? h('p', {class: 'hint'}, 'The reported footprint is kept as it is.') : null,
    h('div', {class: 'row-fields'},
      field({name: 'vehicle', label: 'Vehicle', control: vehicle, hint: 'e.g. Proton-M'}),
      field({name: 'launchSite', label: 'Launch site', control: launchSite, hint: 'e.g. Baikonur Site 81/24'})),
    h('fieldset', {class: 'group', dataset: {field: 'releases'}},
      h('legend', {}, 'Releases'),
      h('p', {class: 'hint'}, 'What was released and how much: the plume model needs the mass of volatile propellant.'),
      releasesList,
      h('button', {type: 'button', class: 'button secondary', onclick: () => {
        state.releases.push({substance: '', massKg: ''});
        renderReleases();
        releasesList.lastElementChild?.querySelector('select')?.focus();
      }}, 'Add a release')),
    h('fieldset', {class: 'group', dataset: {field: 'samples'}},
      h('legend', {}, 'Lab samples'),
      samplesList,
      h('button', {type: 'button', class: 'button secondary', onclick: () => {
        state.samples.push({substance: '', medium: '', value: '', unit: ''});
        renderSamples();
        samplesList.lastElementChild?.querySelector('select')?.focus();
      }}, 'Add a sample')),
    group('weather', 'Weather at the time of release',
      h('div', {class: 'row-fields three'},
        field({name: 'weather.windFromDeg', label: 'Wind from (°)', control: windFrom, hint: '0–360, where it blows from'}),
        field({name: 'weather.windSpeedMs', label: 'Wind speed (m/s)', control: windSpeed}),
        field({name: 'weather.stability', label: 'Stability class', control: stability}))),
    field({name: 'description', label: 'Description', control: description}),
    h('div', {class: 'actions'}, submit,
      h('a', {class: 'button secondary', href: revising ? `#/incidents/${incident.id}` : '#/'}, 'Cancel')));

  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form, summary);
    submit.disabled = true;
    submit.textContent = revising ? 'Saving…' : 'Submitting…';
    try {
      const saved = revising
        ? await api.revise(incident.id, incident.version, body())
        : await api.report(body());
      announce(revising ? `Revision saved: version ${saved.version}` : 'Incident reported');
      ctx.saved(saved);
    } catch (e) {
      showProblem(form, summary, e, revising ? incident : null);
    } finally {
      submit.disabled = false;
      submit.textContent = revising ? 'Save revision' : 'Submit report';
    }
  });

  renderReleases();
  renderSamples();
  clear(panel,
    h('p', {class: 'back'}, h('a', {href: revising ? `#/incidents/${incident.id}` : '#/'}, revising ? '← Back to the incident' : '← All incidents')),
    h('h2', {id: 'form-title', tabindex: '-1'}, revising ? `Revise: ${incident.title}` : 'Report an incident'),
    revising ? h('p', {class: 'hint'}, `You are revising version ${incident.version}. Saving makes version ${incident.version + 1}; `
      + 'if someone else saved in between, you will be told and nothing is overwritten.') : null,
    form);
  map.startPicking((x, y) => {
    lon.value = String(x);
    lat.value = String(y);
    announce(`Location set to ${y} north, ${x} east`);
  }, incident?.location?.coordinates);
  return form;
}

const STABILITY_HINT = {A: ' — very unstable', B: ' — unstable', C: ' — slightly unstable', D: ' — neutral',
  E: ' — slightly stable', F: ' — stable'};

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
      const own = container?.querySelector(':scope > label, :scope > legend')?.textContent.replace(' (required)', '');
      const row = container?.closest('.row')?.querySelector(':scope > legend')?.textContent;
      const label = own ? (row && row !== own ? `${row}, ${own.toLowerCase()}` : own) : field;
      items.push(h('li', {}, control
        ? h('a', {href: `#${control.id}`, onclick: e => { e.preventDefault(); control.focus(); }}, `${label}: ${message}`)
        : `${field}: ${message}`));
    }
  }
  const headline = error instanceof Problem && error.status === 412 && incident
    ? 'Someone changed this incident since you opened it. Nothing was saved: open it again to see the new version.'
    // a Problem's message is its detail, or for a 401 the advice to sign in again
    : error instanceof Problem ? error.message : `The request failed: ${error.message}`;
  summary.replaceChildren(h('h3', {}, 'There is a problem'), h('p', {}, headline), items.length ? h('ul', {}, items) : null);
  summary.hidden = false;
  summary.focus();
}
