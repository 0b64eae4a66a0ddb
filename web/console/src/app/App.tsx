import { useEffect, useMemo, useState } from 'preact/hooks';
import { ConsoleApi } from '../api/client';
import type { Session } from '../api/types';
import { Busy } from '../components/Status';
import { Enroll } from '../pages/Enroll';
import { SignIn } from '../pages/SignIn';
import { Totp } from '../pages/Totp';
import { App as AppContext } from './context';
import { Pages } from './Pages';

type State =
  { kind: 'checking' } | { kind: 'signedOut'; notice: string | null } | { kind: 'session'; session: Session };

const EXPIRED = 'Your session has ended. Sign in again to continue.';

/**
 * Asks the server for the current session, then shows the step the session is at: sign-in, the TOTP code,
 * enrollment, or the console. A 401 from any later call means the session ran out: back to sign-in, saying so.
 */
export function App() {
  const api = useMemo(() => new ConsoleApi(), []);
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    api.onExpired = () => setState({ kind: 'signedOut', notice: EXPIRED });
    api.current().then(
      (session) => setState({ kind: 'session', session }),
      () => setState({ kind: 'signedOut', notice: null }),
    );
  }, [api]);

  const onSession = (session: Session) => setState({ kind: 'session', session });
  const signOut = () => {
    void api.signOut().finally(() => setState({ kind: 'signedOut', notice: 'You have signed out.' }));
  };

  if (state.kind === 'checking') return <Busy />;
  if (state.kind === 'signedOut') return <SignIn api={api} notice={state.notice} onSession={onSession} />;
  const { session } = state;
  if (session.stage === 'totp') return <Totp api={api} onSession={onSession} onCancel={signOut} />;
  if (session.stage === 'enroll') return <Enroll api={api} onSession={onSession} onCancel={signOut} />;
  return (
    <AppContext.Provider value={{ api, operator: session.operator, signOut }}>
      <Pages />
    </AppContext.Provider>
  );
}
