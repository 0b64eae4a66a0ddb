import { useState } from 'preact/hooks';
import type { HandoverLink } from '../../api/types';
import { useApp } from '../../app/context';
import { ErrorNote } from '../../components/ErrorNote';
import { useRequest } from '../use-request';

/** Sends the phone link by text message; the server applies the configured default country to local numbers. */
export function SmsForm({ onSent }: { onSent(link: HandoverLink): void }) {
  const { api, t } = useApp();
  const [phone, setPhone] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useRequest();

  return (
    <form
      class="sms"
      onSubmit={(event) => {
        event.preventDefault();
        const number = phone.trim();
        if (!number) return;
        void request.run(async () => {
          onSent(await api.handover('sms', number));
          setSentTo(number);
        });
      }}
    >
      <h2>{t('handover.smsTitle')}</h2>
      <label class="field">
        <span>{t('handover.phoneLabel')}</span>
        <input
          type="tel"
          autoComplete="tel"
          inputMode="tel"
          value={phone}
          data-testid="handover-phone"
          onInput={(event) => setPhone(event.currentTarget.value)}
        />
      </label>
      <div class="actions">
        <button type="submit" class="secondary" disabled={request.busy}>
          {t('handover.send')}
        </button>
      </div>
      {sentTo && <p role="status">{t('handover.sent', { phone: sentTo })}</p>}
      {request.error && <ErrorNote message={request.error} />}
    </form>
  );
}
