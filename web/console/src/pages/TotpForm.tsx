import { useState } from 'preact/hooks';
import { ErrorNote } from '../components/Status';
import { signInError } from './SignIn';

/** The six-digit code field and its submit button, shared by sign-in and enrollment. */
export function TotpForm({ submitLabel, onCode }: { submitLabel: string; onCode: (code: string) => Promise<unknown> }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onCode(code.replace(/\s+/g, ''));
    } catch (caught) {
      setError(signInError(caught));
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="stack">
      <label for="totp-code">Six-digit code from your authenticator app</label>
      <input
        id="totp-code"
        inputMode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        maxLength={7}
        required
        value={code}
        onInput={(event) => setCode(event.currentTarget.value)}
        data-testid="totp-code"
      />
      <ErrorNote message={error} />
      <button type="submit" class="primary" disabled={busy} data-testid="totp-submit">
        {busy ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}
