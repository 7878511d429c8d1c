// The header's sign-in control: who is signed in and with which roles, sign in and sign out, the links each role
// may follow, and the notice that a sign-in failed or ended.
import {h, clear} from './util.js';
import {t, has} from './i18n.js';

const roleName = role => (has(`role.${role}`) ? t(`role.${role}`) : role);

export function renderAccount(auth) {
  document.getElementById('report-link').hidden = !auth.can('report');
  document.getElementById('drafts-link').hidden = !auth.can('approve');
  document.getElementById('admin-link').hidden = !auth.can('administer');
  const user = auth.user;
  document.body.dataset.signedIn = String(Boolean(user));
  const account = document.getElementById('account');
  if (!auth.enabled) {
    clear(account);
  } else if (user) {
    clear(account,
      h('span', {class: 'who'}, h('span', {class: 'visually-hidden'}, `${t('account.signedInAs')} `),
        h('b', {id: 'signed-in-user'}, user.name)),
      h('span', {class: 'roles', id: 'signed-in-roles', 'aria-label': t('account.roles')},
        user.roles.length ? user.roles.map(role => h('span', {class: 'role', dataset: {role}}, roleName(role)))
          : h('span', {class: 'role none'}, t('account.noRole'))),
      h('button', {type: 'button', class: 'button small secondary', id: 'sign-out', onclick: () => auth.signOut()},
        t('account.signOut')));
  } else {
    clear(account, signInButton(auth, t('account.signIn'), 'sign-in'));
  }
  if (auth.expired) {
    showNotice(t('account.ended'), signInButton(auth, t('account.signInAgain'), 'sign-in-again'));
  }
}

export function signInButton(auth, label, id) {
  return h('button', {type: 'button', class: 'button small', id, onclick: () => signIn(auth)}, label);
}

function signIn(auth) {
  auth.signIn().catch(e => showNotice(e.message));
}

/** A message under the header until it is dismissed or replaced. */
export function showNotice(message, ...actions) {
  const notice = document.getElementById('notice');
  clear(notice, h('p', {id: 'notice-text'}, message), ...actions,
    h('button', {type: 'button', class: 'button link', onclick: () => { notice.hidden = true; }}, t('common.dismiss')));
  notice.hidden = false;
}

/** What a view shows instead of a control the user may not use: why, and the way to sign in. */
export function notAllowed(auth, title, needs) {
  const user = auth.user;
  return [
    h('h2', {tabindex: '-1', id: 'not-allowed'}, title),
    h('p', {}, user
      ? t('auth.needsRole', {needs, user: user.name, roles: user.roles.length ? user.roles.map(roleName).join(', ') : t('account.noRole')})
      : t('auth.needsSignIn', {needs})),
    user || !auth.enabled ? null : signInButton(auth, t('account.signIn'), 'sign-in-here'),
    h('p', {}, h('a', {href: '#/'}, t('common.allIncidents'))),
  ];
}
