// Drafts awaiting approval: alerts for incidents reported or revised by someone without the issuer role wait
// at notification-service until an issuer approves one (it goes out as Actual) or rejects it, with a reason.
import {api} from './api.js';
import {notAllowed} from './account.js';
import {h, clear, announce, askReason, formatInt, time} from './util.js';

export class DraftsView {
  constructor(ctx) {
    this.ctx = ctx;
  }

  async show() {
    const {panel, auth} = this.ctx;
    if (!auth.can('approve')) {
      clear(panel, notAllowed(auth, 'Drafts are for issuers', 'issuer'));
      return;
    }
    this.count = h('p', {class: 'count', role: 'status', id: 'draft-count'}, 'Loading drafts…');
    this.list = h('ul', {class: 'incident-list drafts', id: 'draft-list', 'aria-labelledby': 'drafts-title'});
    clear(panel,
      h('p', {class: 'back'}, h('a', {href: '#/'}, '← All incidents')),
      h('h2', {id: 'drafts-title', tabindex: '-1'}, 'Drafts awaiting approval'),
      h('p', {class: 'hint'}, 'An incident reported or revised by someone without the issuer role yields a draft alert: '
        + 'not sent and not on the feed. Approving sends it to everyone it reaches; rejecting keeps it back.'),
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
      this.count.textContent = `The drafts could not be loaded: ${e.message}`;
      return;
    }
    this.count.textContent = drafts.length === 0 ? 'No draft awaits approval.'
      : `${drafts.length} draft${drafts.length === 1 ? '' : 's'} awaiting approval.`;
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
        announce('Draft approved: the alert is sent');
        item.remove();
        this.load();
      } catch (e) {
        approve.disabled = false;
        error.hidden = false;
        error.textContent = e.message;
      }
    }}, 'Approve and send');
    const error = h('p', {class: 'field-error', hidden: true});
    const item = h('li', {class: 'draft', dataset: {alertId: draft.id}},
      h('h3', {}, draft.headline || `${draft.msgType || 'Alert'} for an incident`),
      h('p', {class: 'meta'}, [draft.severity, draft.msgType, draft.incidentVersion ? `version ${draft.incidentVersion}` : null]
        .filter(Boolean).join(' · '),
        draft.recipients != null ? ` · ${formatInt(draft.recipients)} recipients` : null),
      h('p', {class: 'meta'}, reporter ? `Reported by ${reporter}` : null, made ? [reporter ? ', ' : '', time(made)] : null),
      draft.incidentId ? h('p', {}, h('a', {href: `#/incidents/${encodeURIComponent(draft.incidentId)}`}, 'The incident and its assessment')) : null,
      error,
      h('div', {class: 'actions'}, approve,
        h('button', {type: 'button', class: 'button danger small reject', onclick: () => this.reject(draft, item)}, 'Reject…')));
    return item;
  }

  reject(draft, item) {
    askReason({
      id: 'reject', title: 'Reject this draft?', confirm: 'Reject draft',
      text: 'It is not sent. The reason is kept with it.',
      act: async reason => {
        await api.reject(this.ctx.notificationUrl, draft.id, reason.trim());
        announce('Draft rejected');
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
