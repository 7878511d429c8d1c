// Drafts awaiting approval: alerts for incidents reported or revised by someone without the issuer role wait
// at notification-service until an issuer approves one (it goes out as Actual) or rejects it, with a reason.
import {api} from './api.js';
import {notAllowed} from './account.js';
import {h, clear, announce, askReason, formatInt, time} from './util.js';
import {t, tn, code} from './i18n.js';

export class DraftsView {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async show() {
    const {panel, auth} = this.ctx;
    if (!auth.can('approve')) {
      clear(panel, notAllowed(auth, t('drafts.forIssuers'), t('drafts.issuer')));
      return;
    }
    this.count = h('p', {class: 'count', role: 'status', id: 'draft-count'}, t('drafts.loading'));
    this.list = h('ul', {class: 'incident-list drafts', id: 'draft-list', 'aria-labelledby': 'drafts-title'});
    clear(panel,
      h('p', {class: 'back'}, h('a', {href: '#/'}, t('common.allIncidents'))),
      h('h2', {id: 'drafts-title', tabindex: '-1'}, t('drafts.title')),
      h('p', {class: 'hint'}, t('drafts.hint')),
      this.count, this.list);
    await this.load();
  }

  async load() {
    if (!this.list) return;
    let drafts;
    try {
      // a notification-service without drafts ignores the filter: keep only what says it is one
      drafts = (await api.drafts(this.ctx.notificationUrl)).filter(alert => alert.status === 'DRAFT');
    } catch (e) {
      this.count.textContent = t('drafts.failed', {message: e.message});
      return;
    }
    this.count.textContent = drafts.length === 0 ? t('drafts.none') : tn('drafts.count', drafts.length);
    clear(this.list, drafts.map(draft => this.item(draft)));
  }

  item(draft) {
    // issuing: who reported and when the draft was made (notification-service shows it to signed-in users)
    const by = draft.issuing?.reportedBy;
    const reporter = by?.name || by?.subject || null;
    const made = draft.issuing?.createdAt || draft.sent;
    const approve = h('button', {type: 'button', class: 'button primary small approve', onclick: async () => {
      approve.disabled = true;
      try {
        await api.approve(this.ctx.notificationUrl, draft.id);
        announce(t('drafts.approved'));
        item.remove();
        this.load();
      } catch (e) {
        approve.disabled = false;
        error.hidden = false;
        error.textContent = e.message;
      }
    }}, t('drafts.approve'));
    const error = h('p', {class: 'field-error', hidden: true});
    const item = h('li', {class: 'draft', dataset: {alertId: draft.id}},
      h('h3', {}, draft.headline || t('drafts.forIncident', {type: code(draft.msgType || 'Alert')})),
      h('p', {class: 'meta'}, [draft.severity && code(draft.severity), draft.msgType && code(draft.msgType),
        draft.incidentVersion ? t('drafts.version', {version: draft.incidentVersion}) : null].filter(Boolean).join(' · '),
        draft.recipients != null ? ` · ${t('drafts.recipients', {n: formatInt(draft.recipients)})}` : null),
      h('p', {class: 'meta'}, reporter ? t('drafts.reportedBy', {name: reporter}) : null, made ? [reporter ? ', ' : '', time(made)] : null),
      draft.incidentId ? h('p', {}, h('a', {href: `#/incidents/${encodeURIComponent(draft.incidentId)}`}, t('drafts.incidentLink'))) : null,
      error,
      h('div', {class: 'actions'}, approve,
        h('button', {type: 'button', class: 'button danger small reject', onclick: () => this.reject(draft, item)}, t('drafts.reject'))));
    return item;
  }

  reject(draft, item) {
    askReason({
      id: 'reject', title: t('drafts.rejectTitle'), confirm: t('drafts.rejectConfirm'), text: t('drafts.rejectText'),
      act: async reason => {
        await api.reject(this.ctx.notificationUrl, draft.id, reason.trim());
        announce(t('drafts.rejected'));
        item.remove();
        this.load();
      },
      explain: e => (e.errors?.length ? e.errors.map(x => x.message).join(' ') : e.message),
    });
  }

  onAuthChange() {
    this.list = null;
    this.show();
  }
}
