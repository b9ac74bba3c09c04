// The confirmation before an irreversible act, in the page instead of window.confirm: a modal
// <dialog> (focus kept inside, Escape cancels, focus returns to the button that asked) named by
// its heading and described by its text, with the act spelled out on the confirm button and
// the focus starting on "Cancel", so a stray Enter confirms nothing.
import { html, setHtml } from './html.js';
import { t } from './i18n.js';

/**
 * Cancels the confirmation that is open, if any (as "Cancel" would): the router calls it on
 * every navigation, so a dialog asked on a page the user has left (browser back, a link, the
 * session ending) can no longer send that page's command.
 */
export function cancelConfirm() {
  const dialog = document.getElementById('confirm-dialog');
  if (dialog?.open) dialog.close('no');
}

/**
 * Asks the user to confirm `action` (the command's name) with `text` (what it does; lines
 * split at \n). Resolves true when confirmed, false when cancelled (button, Escape).
 */
export function confirmAction(action, text) {
  let host = document.getElementById('confirm-host');
  if (!host) {
    host = document.createElement('div');
    host.id = 'confirm-host';
    document.body.append(host);
  }
  setHtml(
    host,
    html`<dialog id="confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h2 id="confirm-title">${t('confirmTitle', { action })}</h2>
      <div id="confirm-text">${text.split('\n').map((line) => html`<p>${line}</p>`)}</div>
      <p class="confirm-buttons"><button type="button" id="confirm-no" autofocus>${t('cancel')}</button> <button type="button" id="confirm-yes" class="danger">${t('confirmDo', { action })}</button></p>
    </dialog>`,
  );
  const dialog = host.querySelector('#confirm-dialog');
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'yes');
      host.replaceChildren();
    });
    host.querySelector('#confirm-yes').addEventListener('click', () => dialog.close('yes'));
    host.querySelector('#confirm-no').addEventListener('click', () => dialog.close('no'));
    dialog.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') dialog.close('no');
    });
    dialog.showModal();
  });
}
