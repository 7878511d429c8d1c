// Downloads of a public list as CSV or GeoJSON. The API chooses the format by the Accept header (a ?format=
// parameter is not part of it), so a link cannot ask for it: the file is fetched with the header and saved
// from a Blob under a name that says what it holds.
import {h} from './util.js';
import {t} from './i18n.js';

export const FORMATS = [
  {key: 'csv', accept: 'text/csv', extension: 'csv'},
  {key: 'geojson', accept: 'application/geo+json', extension: 'geojson'},
];

/**
 * Two buttons, CSV and GeoJSON, for the list at {@code path}; {@code query()} gives its current filters.
 * {@code name} starts the file's name: incidents-2026-12-01.csv.
 */
export function downloadLinks(path, name, query = () => new URLSearchParams()) {
  const status = h('span', {class: 'muted small download-status', role: 'status'});
  const buttons = FORMATS.map(format => h('button', {
    type: 'button', class: 'button small secondary download', dataset: {format: format.key},
    onclick: async event => {
      const button = event.currentTarget;
      button.disabled = true;
      status.textContent = t('download.working');
      try {
        const params = query().toString();
        await download(`${path}${params ? `?${params}` : ''}`, format,
          `${name}-${new Date().toISOString().slice(0, 10)}.${format.extension}`);
        status.textContent = '';
      } catch (e) {
        status.textContent = t('download.failed', {message: e.message});
      } finally {
        button.disabled = false;
      }
    },
  }, t(`download.${format.key}`)));
  return h('span', {class: 'download-links'}, h('span', {class: 'muted small'}, `${t('download.label')} `), buttons, ' ', status);
}

/** Fetches {@code url} in the format and saves it as {@code filename}. */
export async function download(url, format, filename) {
  const response = await fetch(url, {headers: {Accept: format.accept}});
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = h('a', {href, download: filename, hidden: true});
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file by the time the click returns; the URL is kept a moment for slow ones
  setTimeout(() => URL.revokeObjectURL(href), 60000);
  // for the browser tests: what was saved last
  document.body.dataset.lastDownload = filename;
}
