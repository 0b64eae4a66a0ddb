import type { ConsoleApi } from '../api/client';
import type { Enrollment, Session } from '../api/types';
import { useLoad } from '../app/use-load';
import { QrCode } from '../components/QrCode';
import { Show } from '../components/Status';
import { Gate } from './SignIn';
import { TotpForm } from './TotpForm';

/** Setting up TOTP: the secret as a QR code and as text, then a first code to prove the app has it. */
export function Enroll({
  api,
  onSession,
  onCancel,
}: {
  api: ConsoleApi;
  onSession: (s: Session) => void;
  onCancel: () => void;
}) {
  const enrollment = useLoad(() => api.post<Enrollment>('/session/totp/enrollment'), 'enroll');
  return (
    <Gate title="Set up two-step sign-in">
      <p>Your account needs a code from an authenticator app. Scan this code with the app, or type the key into it.</p>
      <Show loaded={enrollment}>
        {({ secret, otpauthUrl }) => (
          <>
            <QrCode text={otpauthUrl} label="QR code for your authenticator app" />
            <p>
              Key: <code data-testid="totp-secret">{secret.replace(/(.{4})/g, '$1 ').trim()}</code>
            </p>
          </>
        )}
      </Show>
      <TotpForm submitLabel="Confirm" onCode={async (code) => onSession(await api.confirmEnrollment(code))} />
      <p>
        <button type="button" class="link" onClick={onCancel}>
          Sign out
        </button>
      </p>
    </Gate>
  );
}
