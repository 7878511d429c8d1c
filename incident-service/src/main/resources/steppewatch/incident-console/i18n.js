// The console's languages: Kazakh, Russian and English, from the dictionaries in i18n/ (English fills any gap).
// The choice is remembered in this browser; without one the browser's own languages decide.

export const LANGUAGES = ['kk', 'ru', 'en'];
const STORAGE_KEY = 'steppewatch.lang';

const state = {lang: 'en', dict: {}, dicts: {}};

async function dictionary(lang) {
  if (!state.dicts[lang]) {
    const response = await fetch(`/i18n/${lang}.json`, {headers: {Accept: 'application/json'}});
    if (!response.ok) throw new Error(`/i18n/${lang}.json: HTTP ${response.status}`);
    state.dicts[lang] = await response.json();
  }
  return state.dicts[lang];
}

/** Loads the language (and English, for keys a dictionary lacks), remembers it and marks the page with it. */
export async function setLanguage(lang, {remember = true} = {}) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  const [dict] = await Promise.all([dictionary(lang), dictionary('en')]);
  state.lang = lang;
  state.dict = dict;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // storage may be off (private mode): the choice then lasts this page only
    }
  }
  document.documentElement.lang = lang;
  document.title = t('page.title');
  document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll('[data-i18n-aria-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel)));
  document.querySelectorAll('[data-i18n-content]').forEach(el => el.setAttribute('content', t(el.dataset.i18nContent)));
  document.querySelectorAll('.languages button').forEach(b => b.setAttribute('aria-pressed', String(b.dataset.lang === lang)));
}

export function initialLanguage() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (navigator.languages || [navigator.language]).map(l => (l || '').slice(0, 2));
  return browser.find(l => LANGUAGES.includes(l)) || 'en';
}

export function language() {
  return state.lang;
}

/** For Intl formatters: the dictionary's locale (Kazakh numbers are written as Russian ones are). */
export function locale() {
  return state.dict.locale || 'en-GB';
}

export function numberLocale() {
  return state.dict.numberLocale || state.dict.locale || 'en-GB';
}

/** t('download.failed', {message}): the text in the page's language, with its {placeholders} filled in. */
export function t(key, values = {}) {
  const found = state.dict[key] ?? state.dicts.en?.[key];
  const text = typeof found === 'string' ? found : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? `{${name}}`));
}

/** Does the dictionary (or the English one) know the key? */
export function has(key) {
  return typeof (state.dict[key] ?? state.dicts.en?.[key]) === 'string';
}

/** A count with its plural form: key_one, key_few, key_many or key_other, as the language's rules choose. */
export function tn(key, n, values = {}) {
  const form = new Intl.PluralRules(locale()).select(n);
  const chosen = has(`${key}_${form}`) ? `${key}_${form}` : `${key}_other`;
  return t(chosen, {n, ...values});
}

/** A code (a category, a status, a medium) in words: code.LAUNCH_FAILURE, else the code made readable. */
export function code(value) {
  if (!value) return '';
  for (const key of [`code.${value}`, `code.${String(value).toUpperCase()}`]) {
    if (has(key)) return t(key);
  }
  const words = String(value).toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
