import { useEffect, useRef, useState } from 'preact/hooks';
import { useApp } from '../app/context';
import { leaveTo } from '../app/navigate';
import { Busy } from '../components/Busy';
import { Layout } from '../components/Layout';

interface DoneProps {
  redirectUrl: string | null;
  /** Show a dialog with a Continue button instead of leaving at once (`showModalBeforeRedirect`). */
  confirmFirst: boolean;
  /** The photos were taken on the phone after a handover. */
  fromPhone: boolean;
}

/**
 * The end: the photos are sent. With `confirmFirst` a modal dialog holds the one `finish` button that leaves;
 * otherwise the page leaves for the redirect URL at once.
 */
export function Done({ redirectUrl, confirmFirst, fromPhone }: DoneProps) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  const [leaving, setLeaving] = useState(!confirmFirst && redirectUrl !== null);

  useEffect(() => {
    if (confirmFirst && redirectUrl) dialog.current?.showModal();
    else if (redirectUrl) leaveTo(redirectUrl);
  }, []);

  const leave = () => {
    if (!redirectUrl) return;
    dialog.current?.close();
    setLeaving(true);
    leaveTo(redirectUrl);
  };

  return (
    <Layout title={t('done.title')} stepKey="done">
      <p>{fromPhone ? t('done.phoneFinished') : t('done.body')}</p>
      {leaving && <Busy label={t('done.redirecting')} />}
      {confirmFirst && redirectUrl && (
        <dialog ref={dialog} aria-labelledby="done-dialog-title" onCancel={(event) => event.preventDefault()}>
          <h2 id="done-dialog-title">{t('done.modalTitle')}</h2>
          <p>{t('done.modalBody')}</p>
          <div class="actions">
            <button type="button" class="primary" data-testid="finish" onClick={leave}>
              {t('done.continue')}
            </button>
          </div>
        </dialog>
      )}
    </Layout>
  );
}
