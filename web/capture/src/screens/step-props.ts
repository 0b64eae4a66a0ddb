import type { Session } from '../api/types';

/** What the flow hands every step: the session, where the step stands, and how to move on. */
export interface StepProps {
  session: Session;
  progress: { current: number; total: number };
  /** The step is done; pass the session when the step changed it. */
  onDone(session?: Session): void;
}
