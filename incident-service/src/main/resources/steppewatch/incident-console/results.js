// For analysts on a site's page: one result through a form (POST /api/v1/results) and a CSV of results
// (POST /api/v1/results/import). An import is all or nothing: a refused file lists every line and field at fault.
import {api, Problem} from './api.js';
import {field, clearErrors, showProblem, numberOrText} from './form.js';
import {h, clear, announce} from './util.js';
import {t, tn, code} from './i18n.js';

const BASES = ['WET', 'DRY', 'FAT'];

function input(attrs = {}) {
  return h('input', {type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs});
}

function select(options, blank) {
  return h('select', {}, h('option', {value: ''}, blank), options.map(o => h('option', {value: o.value}, o.label)));
}

/** Both forms, under a heading, for the site; {@code saved()} reloads the page after a result or an import. */
export function resultForms(ctx, site, saved) {
  return h('section', {class: 'section', id: 'add-results', 'aria-labelledby': 'add-results-title'},
    h('h3', {id: 'add-results-title'}, t('addResult.title')),
    addResultForm(ctx, site, saved),
    importForm(saved));
}

function addResultForm(ctx, site, saved) {
  const substances = (site.pollutants?.length ? site.pollutants : ctx.settings.substances.map(s => s.code))
    .map(c => ({value: c, label: c}));
  const substance = select(substances, t('common.choose'));
  const medium = select((site.media || []).map(m => ({value: m, label: code(m)})), t('common.choose'));
  const value = input({inputmode: 'decimal'});
  const notDetected = h('input', {type: 'checkbox'});
  const detectionLimit = input({inputmode: 'decimal'});
  const unit = input({placeholder: 'mg/L', maxlength: 40});
  const basis = select(BASES.map(b => ({value: b, label: code(b)})), t('addResult.basisNone'));
  const method = input({maxlength: 200});
  const laboratory = input({maxlength: 200});
  const sampledOn = h('input', {type: 'date', min: '1950-01-01'});
  const notes = h('textarea', {rows: 2});
  const summary = h('div', {class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true});
  const message = h('p', {class: 'form-message', role: 'status', id: 'add-result-message'});
  const submit = h('button', {type: 'submit', class: 'button primary'}, t('addResult.submit'));
  const form = h('form', {class: 'incident-form result-form', id: 'add-result-form', novalidate: true},
    summary,
    h('div', {class: 'row-fields'},
      field({name: 'substance', label: t('field.substance'), control: substance, required: true}),
      field({name: 'medium', label: t('field.medium'), control: medium, required: true})),
    h('div', {class: 'row-fields'},
      field({name: 'value', label: t('field.value'), control: value}),
      field({name: 'unit', label: t('field.unit'), control: unit, required: true})),
    h('div', {class: 'row-fields'},
      field({name: 'detected', label: t('addResult.notDetected'), control: notDetected}),
      field({name: 'detectionLimit', label: t('field.detectionLimit'), control: detectionLimit,
        hint: t('addResult.detectionHint')})),
    h('div', {class: 'row-fields'},
      field({name: 'sampledOn', label: t('addResult.sampledOn'), control: sampledOn, required: true}),
      field({name: 'basis', label: t('addResult.basis'), control: basis})),
    h('div', {class: 'row-fields'},
      field({name: 'laboratory', label: t('addResult.laboratory'), control: laboratory}),
      field({name: 'method', label: t('addResult.method'), control: method})),
    field({name: 'notes', label: t('addResult.notes'), control: notes}),
    message,
    h('div', {class: 'actions'}, submit));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form, summary);
    message.textContent = '';
    submit.disabled = true;
    try {
      const body = {
        siteId: site.id, substance: substance.value || null, medium: medium.value || null,
        value: notDetected.checked ? null : numberOrText(value.value), detected: !notDetected.checked,
        detectionLimit: numberOrText(detectionLimit.value), unit: unit.value.trim() || null,
        basis: basis.value || null, method: method.value.trim() || null, laboratory: laboratory.value.trim() || null,
        sampledOn: sampledOn.value || null, notes: notes.value.trim() || null,
      };
      await api.addResult(body);
      announce(t('addResult.saved'));
      saved();
    } catch (e) {
      showProblem(form, summary, e, null);
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', {class: 'add-result'}, h('summary', {}, t('addResult.one')), form);
}

/** A problem's place in the file: "line 3" and "unit", whether the API names them apart or in one path. */
function where(error) {
  if (error.line != null) return {line: String(error.line), field: error.field || ''};
  const m = /^(?:line\s*|rows?\[?)(\d+)\]?[:.\s]*(.*)$/i.exec(error.field || '');
  return m ? {line: m[1], field: m[2]} : {line: '', field: error.field || ''};
}

function importForm(saved) {
  const file = h('input', {type: 'file', id: 'import-file', accept: '.csv,text/csv'});
  const result = h('div', {id: 'import-result', role: 'status'});
  const submit = h('button', {type: 'submit', class: 'button secondary', id: 'import-button'}, t('import.submit'));
  const form = h('form', {class: 'admin-form', id: 'import-form', novalidate: true},
    h('p', {class: 'hint'}, t('import.hint')),
    h('div', {class: 'field'}, h('label', {for: 'import-file'}, t('import.file')), file),
    h('div', {class: 'actions'}, submit),
    result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      clear(result, h('p', {class: 'field-error'}, t('import.noFile')));
      return;
    }
    submit.disabled = true;
    clear(result, h('p', {}, t('import.working')));
    try {
      const answer = await api.importResults(await chosen.text());
      clear(result, h('p', {class: 'imported'}, tn('import.done', answer.imported ?? (answer.resultIds || []).length)));
      announce(result.textContent);
      saved();
    } catch (e) {
      const errors = e instanceof Problem ? e.errors : [];
      clear(result,
        h('p', {class: 'field-error', id: 'import-refused'}, errors.length ? tn('import.refused', errors.length) : e.message),
        errors.length ? h('table', {class: 'data', id: 'import-errors'},
          h('thead', {}, h('tr', {}, ['import.line', 'import.field', 'import.problem'].map(k => h('th', {scope: 'col'}, t(k))))),
          h('tbody', {}, errors.map(error => {
            const at = where(error);
            return h('tr', {}, h('td', {class: 'num'}, at.line), h('td', {}, at.field), h('td', {}, error.message || ''));
          }))) : null);
    } finally {
      submit.disabled = false;
    }
  });
  return h('details', {class: 'import-results'}, h('summary', {}, t('import.title')), form);
}
