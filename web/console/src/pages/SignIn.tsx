import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, SSO_START, type ConsoleApi } from '../api/client';
import type { Session, SignInOptions } from '../api/types';
import { ErrorNote } from '../components/Status';

/** The frame of the pages before the console proper: no nav, a heading that takes the focus. */
export function Gate({ title, children }: { title: string; children: preact.ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – OpenAssure console`;
    heading.current?.focus();
  }, [title]);
  return (
    <main class="gate">
      <p class="brand">OpenAssure console</p>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {children}
    </main>
  );
}

export function signInError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong.';
  if (error.status === 429) {
    const minutes = error.retryAfter ? Math.max(1, Math.ceil(error.retryAfter / 60)) : null;
    return `Too many failed sign-ins. Try again ${minutes ? `in ${minutes} minute${minutes === 1 ? '' : 's'}` : 'later'}.`;
  }
  return error.message;
}

/** If the server cannot say, offer the password form: the server still refuses it when it is turned off. */
const passwordsOnly: SignInOptions = { sso: false, localPasswords: true };

/**
 * Single sign-on when the server has it, and email and password unless the server turned them off; the
 * password answers with a session at the TOTP, enrollment or ready stage.
 */
export function SignIn({
  api,
  notice,
  onSession,
}: {
  api: ConsoleApi;
  notice: string | null;
  onSession: (s: Session) => void;
}) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    api.signInOptions().then(setOptions, () => setOptions(passwordsOnly));
  }, [api]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSession(await api.signIn(email.trim(), password));
    } catch (caught) {
      setError(signInError(caught));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Gate title="Sign in">
      {notice && (
        <p class="notice" role="status" data-testid="sign-in-notice">
          {notice}
        </p>
      )}
      {options?.sso && (
        <p>
          <a class="button primary" href={SSO_START} data-testid="sign-in-sso">
            Sign in with single sign-on
          </a>
        </p>
      )}
      {options?.sso && options.localPasswords && <p>or with your email and password:</p>}
      {options?.localPasswords && (
        <form onSubmit={submit} class="stack">
          <label for="login-email">Email</label>
          <input
            id="login-email"
            type="email"
            autocomplete="username"
            required
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
            data-testid="login-email"
          />
          <label for="login-password">Password</label>
          <input
            id="login-password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            data-testid="login-password"
          />
          <ErrorNote message={error} />
          <button type="submit" class="primary" disabled={busy} data-testid="login-submit">
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      )}
    </Gate>
  );
}
