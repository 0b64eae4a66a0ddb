import type { ConsoleApi } from '../api/client';
import type { Session } from '../api/types';
import { Gate } from './SignIn';
import { TotpForm } from './TotpForm';

/** The second step of sign-in for an operator with TOTP. */
export function Totp({
  api,
  onSession,
  onCancel,
}: {
  api: ConsoleApi;
  onSession: (s: Session) => void;
  onCancel: () => void;
}) {
  return (
    <Gate title="Enter your code">
      <TotpForm submitLabel="Continue" onCode={async (code) => onSession(await api.totp(code))} />
      <p>
        <button type="button" class="link" onClick={onCancel}>
          Use another account
        </button>
      </p>
    </Gate>
  );
}
