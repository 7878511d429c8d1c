// Administration, for admins: the users and clients of the sign-in provider, adding them and granting roles.
// Calls the provider's admin API (/api/v1/users, /api/v1/clients) with the signed-in admin's token.
import {api, Problem} from './api.js';
import {notAllowed} from './account.js';
import {h, clear, announce, time} from './util.js';
import {t} from './i18n.js';

const ROLES = ['analyst', 'issuer', 'admin'];

export class AdminView {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async show() {
    const {panel, auth} = this.ctx;
    if (!auth.can('administer')) {
      clear(panel, notAllowed(auth, t('admin.forAdmins'), t('admin.admin')));
      return;
    }
    this.users = h('section', {class: 'section', id: 'users', 'aria-labelledby': 'users-title'});
    this.clients = h('section', {class: 'section', id: 'clients', 'aria-labelledby': 'clients-title'});
    clear(panel,
      h('p', {class: 'back'}, h('a', {href: '#/'}, t('common.allIncidents'))),
      h('h2', {id: 'admin-title', tabindex: '-1'}, t('nav.admin')),
      h('p', {class: 'hint'}, t('admin.hint')),
      this.users, this.clients);
    await Promise.all([this.loadUsers(), this.loadClients()]);
  }

  onAuthChange() {
    if (!this.ctx.auth.can('administer')) this.show();
  }

  async loadUsers() {
    let users;
    try {
      users = await api.users(this.ctx.providerUrl);
    } catch (e) {
      clear(this.users, h('h3', {id: 'users-title'}, t('admin.users')), h('p', {class: 'field-error'}, this.unreachable(e)));
      return;
    }
    const form = this.userForm();
    clear(this.users, h('h3', {id: 'users-title'}, t('admin.users')),
      h('table', {class: 'data', id: 'users-table'},
        h('thead', {}, h('tr', {}, ['admin.user', 'account.roles', 'deliveries.created'].map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, users.map(user => h('tr', {dataset: {username: user.username}},
          h('th', {scope: 'row'}, user.username),
          h('td', {}, this.rolesEditor(user.roles, roles => api.setUserRoles(this.ctx.providerUrl, user.username, roles),
            t('admin.rolesOf', {name: user.username}))),
          h('td', {}, time(user.createdAt)))))),
      form);
  }

  async loadClients() {
    let clients;
    try {
      clients = await api.clients(this.ctx.providerUrl);
    } catch (e) {
      clear(this.clients, h('h3', {id: 'clients-title'}, t('admin.clients')), h('p', {class: 'field-error'}, this.unreachable(e)));
      return;
    }
    const form = this.clientForm();
    clear(this.clients, h('h3', {id: 'clients-title'}, t('admin.clients')),
      h('table', {class: 'data', id: 'clients-table'},
        h('thead', {}, h('tr', {}, ['admin.client', 'zones.kind', 'account.roles', 'deliveries.created'].map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, clients.map(client => h('tr', {dataset: {clientId: client.clientId}},
          h('th', {scope: 'row'}, client.clientId),
          h('td', {}, `${client.type || ''} ${(client.grantTypes || []).join(', ')}`.trim()),
          h('td', {}, client.type === 'public' ? h('span', {class: 'muted'}, t('admin.publicClient'))
            : this.rolesEditor(client.roles, roles => api.setClientRoles(this.ctx.providerUrl, client.clientId, roles),
              t('admin.rolesOf', {name: client.clientId}))),
          h('td', {}, time(client.createdAt)))))),
      form);
  }

  /** Another provider (Keycloak) has no such API, and a browser hides why a cross-origin call failed. */
  unreachable(e) {
    return e instanceof Problem && e.status !== 404 ? e.message
      : t('admin.unreachable', {url: this.ctx.providerUrl});
  }

  /** Three checkboxes and a save button that sends the complete new list. */
  rolesEditor(current, save, label) {
    const boxes = roleBoxes(current || []);
    const status = h('span', {class: 'muted small', role: 'status'});
    const button = h('button', {type: 'button', class: 'button small secondary save-roles', onclick: async () => {
      button.disabled = true;
      try {
        const saved = await save(checked(boxes));
        status.textContent = t('admin.saved', {roles: (saved.roles || []).join(', ') || t('account.noRole')});
        announce(t('admin.rolesSaved', {label}));
      } catch (e) {
        status.textContent = e.message;
      } finally {
        button.disabled = false;
      }
    }}, t('admin.saveRoles'), h('span', {class: 'visually-hidden'}, ` (${label})`));
    return h('fieldset', {class: 'roles-editor'}, h('legend', {class: 'visually-hidden'}, label),
      Object.values(boxes).map(({label: box}) => box), button, status);
  }

  userForm() {
    const username = h('input', {type: 'text', id: 'new-username', autocomplete: 'off', required: true, maxlength: 64});
    const password = h('input', {type: 'password', id: 'new-password', autocomplete: 'new-password', required: true});
    const boxes = roleBoxes(['analyst']);
    const message = h('p', {class: 'form-message', role: 'status', id: 'new-user-message'});
    const form = h('form', {class: 'admin-form', id: 'new-user-form', novalidate: true},
      h('h4', {}, t('admin.addUser')),
      h('div', {class: 'field'}, h('label', {for: 'new-username'}, t('admin.username')), username),
      h('div', {class: 'field'}, h('label', {for: 'new-password'}, t('admin.password')),
        h('p', {class: 'hint'}, t('admin.passwordHint')), password),
      h('fieldset', {class: 'roles-editor'}, h('legend', {}, t('account.roles')), Object.values(boxes).map(b => b.label)),
      message,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button primary'}, t('admin.addUserButton'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const created = await api.addUser(this.ctx.providerUrl,
          {username: username.value.trim(), password: password.value, roles: checked(boxes)});
        announce(t('admin.userAdded', {name: created.username}));
        await this.loadUsers();
        this.users.querySelector('#new-user-message').textContent = t('admin.canSignIn', {name: created.username});
      } catch (e) {
        message.textContent = problemText(e);
        message.classList.add('field-error');
      }
    });
    return form;
  }

  clientForm() {
    const clientId = h('input', {type: 'text', id: 'new-client-id', autocomplete: 'off', required: true, maxlength: 64});
    const boxes = roleBoxes([]);
    const message = h('div', {class: 'form-message', role: 'status', id: 'new-client-message'});
    const form = h('form', {class: 'admin-form', id: 'new-client-form', novalidate: true},
      h('h4', {}, t('admin.addClient')),
      h('p', {class: 'hint'}, t('admin.clientHint')),
      h('div', {class: 'field'}, h('label', {for: 'new-client-id'}, t('admin.clientId')), clientId),
      h('fieldset', {class: 'roles-editor'}, h('legend', {}, t('account.roles')), Object.values(boxes).map(b => b.label)),
      message,
      h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'button primary'}, t('admin.addClientButton'))));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      try {
        const created = await api.addClient(this.ctx.providerUrl, {clientId: clientId.value.trim(), roles: checked(boxes)});
        announce(t('admin.clientAdded', {name: created.clientId}));
        await this.loadClients();
        // shown once: the provider keeps only its hash
        clear(this.clients.querySelector('#new-client-message'),
          h('div', {class: 'secret-once', id: 'client-secret'},
            h('p', {}, h('b', {}, t('admin.secretOf', {name: created.clientId})), ` — ${t('admin.copyNow')}`),
            h('code', {id: 'client-secret-value'}, created.clientSecret)));
      } catch (e) {
        clear(message, h('p', {class: 'field-error'}, problemText(e)));
      }
    });
    return form;
  }
}

function roleBoxes(current) {
  return Object.fromEntries(ROLES.map(role => {
    const input = h('input', {type: 'checkbox', value: role, checked: current.includes(role)});
    return [role, {input, label: h('label', {class: 'role-choice'}, input, ` ${t(`role.${role}`)}`)}];
  }));
}

function checked(boxes) {
  return Object.entries(boxes).filter(([, {input}]) => input.checked).map(([role]) => role);
}

function problemText(e) {
  return e.errors?.length ? e.errors.map(x => `${x.field}: ${x.message}`).join('; ') : e.message;
}
