import { useEffect, useState } from 'preact/hooks';
import type { HandoverLink, Session } from '../../api/types';
import { useApp } from '../../app/context';
import { Busy } from '../../components/Busy';
import { ErrorNote } from '../../components/ErrorNote';
import { Layout } from '../../components/Layout';
import type { StepProps } from '../step-props';
import { useRequest } from '../use-request';
import { QrCode } from './QrCode';
import { SmsForm } from './SmsForm';
import { useFollowPhone } from './use-follow-phone';

interface HandoverProps extends StepProps {
  /** The session changed while following the phone (it opened the link, or finished). */
  onSession(session: Session): void;
  /** Carry on on this device instead. */
  onStayHere(): void;
}

export function Handover({ session, progress, onSession, onStayHere }: HandoverProps) {
  const { api, t, language } = useApp();
  const { handover } = session;
  const [link, setLink] = useState<HandoverLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const request = useRequest();

  const newLink = () =>
    request.run(async () => {
      setLink(await api.handover('qrCode'));
      setCopied(false);
      onSession(await api.session());
    });

  useEffect(() => {
    // A phone already using an earlier link keeps going; only a fresh start draws a code.
    if (handover.modes.includes('qrCode') && handover.status !== 'opened') void newLink();
  }, []);

  useFollowPhone(handover.status, onSession);

  const expiresAt = link ? Date.parse(link.expiresAt) : Number.NaN;
  useEffect(() => {
    if (!Number.isFinite(expiresAt)) return;
    const timer = window.setTimeout(() => setNow(Date.now()), Math.max(0, expiresAt - Date.now()) + 250);
    return () => clearTimeout(timer);
  }, [expiresAt]);
  const expired = handover.status === 'expired' || (Number.isFinite(expiresAt) && now >= expiresAt);

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard permission: the field is still there to select and copy by hand.
    }
  };

  const time = Number.isFinite(expiresAt)
    ? new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(expiresAt)
    : '';

  return (
    <Layout title={t('handover.title')} stepKey="handover" progress={progress}>
      <p>{t('handover.intro')}</p>
      {handover.status === 'opened' ? (
        <p class="status" role="status">
          {t('handover.opened')}
        </p>
      ) : expired ? (
        <div class="notice" role="status">
          <p>{t('handover.expired')}</p>
          <button type="button" class="secondary" onClick={() => void newLink()}>
            {t('handover.newCode')}
          </button>
        </div>
      ) : (
        link && (
          <>
            <QrCode svg={link.qrSvg} label={t('handover.qrAlt')} />
            <label class="field">
              <span>{t('handover.linkLabel')}</span>
              <input
                type="text"
                readOnly
                value={link.url}
                data-testid="handover-link"
                onFocus={(event) => event.currentTarget.select()}
              />
            </label>
            <div class="actions">
              <button type="button" class="secondary" onClick={() => void copy()}>
                {copied ? t('handover.copied') : t('handover.copy')}
              </button>
            </div>
            <p class="hint">{t('handover.validUntil', { time })}</p>
            <p class="status" role="status">
              {handover.status === 'waiting' ? t('handover.waiting') : ''}
            </p>
          </>
        )
      )}
      {request.busy && <Busy label={t('app.working')} />}
      {handover.modes.includes('sms') && handover.status !== 'opened' && (
        <SmsForm
          onSent={(sent) => {
            setLink(sent);
            void api.session().then(onSession, () => undefined);
          }}
        />
      )}
      {request.error && <ErrorNote message={request.error} />}
      {!handover.force && (
        <div class="actions">
          <button type="button" class="secondary" data-testid="handover-stay" onClick={onStayHere}>
            {t('handover.stayHere')}
          </button>
        </div>
      )}
    </Layout>
  );
}
