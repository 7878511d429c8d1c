// Who an alert went to and how each delivery fared: for issuers and admins (notification-service refuses others),
// read with the signed-in user's token and shown in a dialog.
import {api} from './api.js';
import {h, clear, formatTime, time} from './util.js';
import {t} from './i18n.js';

export async function showDeliveries(ctx, alert) {
  const body = h('div', {class: 'deliveries-body'}, h('p', {}, t('deliveries.loading')));
  const dialog = h('dialog', {class: 'dialog wide', 'aria-labelledby': 'deliveries-title', id: 'deliveries-dialog'},
    h('h2', {id: 'deliveries-title'}, t('deliveries.title', {at: formatTime(alert.sent)})),
    body,
    h('div', {class: 'actions'}, h('button', {type: 'button', class: 'button secondary', onclick: () => dialog.close()}, t('common.close'))));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  try {
    const deliveries = await api.deliveries(ctx.notificationUrl, alert.alertId);
    clear(body, deliveries.length === 0 ? h('p', {}, t('deliveries.none'))
      : h('table', {class: 'data'},
        h('thead', {}, h('tr', {}, ['deliveries.channel', 'deliveries.language', 'alerts.state', 'deliveries.attempts', 'deliveries.created']
          .map(c => h('th', {scope: 'col'}, t(c))))),
        h('tbody', {}, deliveries.map(d => h('tr', {},
          h('td', {}, d.channelType || d.kind || '—'), h('td', {}, d.language || '—'),
          h('td', {}, d.state, d.note ? h('div', {class: 'muted small'}, d.note) : null),
          h('td', {class: 'num'}, String((d.attempts || []).length)), h('td', {}, time(d.createdAt)))))));
  } catch (e) {
    clear(body, h('p', {class: 'field-error'}, e.message));
  }
}
