import { useEffect, useRef } from 'preact/hooks';
import type { Session } from '../../api/types';
import { useApp } from '../../app/context';
import { errorPageFor } from '../../app/errors';

const POLL_EVERY_MS = 2000;

/**
 * While the phone has the link (`waiting`) or is using it (`opened`), asks the server every 2 s how far it
 * got and hands each new session to `onSession`. A failed poll is tried again at the next tick; a lost session
 * ends the flow.
 */
export function useFollowPhone(status: Session['handover']['status'], onSession: (session: Session) => void) {
  const { api, fail } = useApp();
  const latest = useRef(onSession);
  latest.current = onSession;
  const following = status === 'waiting' || status === 'opened';

  useEffect(() => {
    if (!following) return;
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      try {
        const session = await api.session();
        if (!stopped) latest.current(session);
      } catch (error) {
        if (errorPageFor(error)) return fail(error);
      }
      if (!stopped) timer = window.setTimeout(() => void poll(), POLL_EVERY_MS);
    };
    timer = window.setTimeout(() => void poll(), POLL_EVERY_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [following]);
}
