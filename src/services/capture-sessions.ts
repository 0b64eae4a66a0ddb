import { randomBytes } from 'node:crypto';
import { hashCaptureToken, isCaptureTokenShape, newCaptureToken } from '../capture/tokens.js';
import type { EndUserCaller } from '../core/domain.js';
import { AppError } from '../core/errors.js';
import { isFinal } from '../core/process-status.js';
import type { Repositories } from '../store/store.js';
import type { ServiceDeps } from './context.js';

/** An end-user's session: who they are, their CSRF token, and a new cookie when one was just made. */
export interface SessionGrant {
  caller: EndUserCaller;
  csrfToken: string;
  expiresAt: number;
  /** The host allowed to show the capture page in a frame (Start capture flow's requestDomain). */
  requestDomain: string | null;
  /** The session token to set as the cookie; absent when the browser already holds it. */
  newToken?: string;
}

const noSession = () =>
  new AppError('capture_no_session', 'There is no capture session in this browser; open the link you were sent again.');

/**
 * The end-user's way in: a single-use link (from Start capture flow, or a handover link) is exchanged
 * once for a session cookie bound to that link's process. The same browser coming back with the
 * cookie resumes; any other browser presenting a used link is refused.
 */
export class CaptureSessionService {
  constructor(private readonly deps: ServiceDeps & { sessionMinutes: number }) {}

  async exchange(artifact: string, presentedToken: string | undefined): Promise<SessionGrant> {
    const { store, clock } = this.deps;
    if (!isCaptureTokenShape(artifact)) throw invalidLink();
    const link = await store.repos.captureLinks.findLink(hashCaptureToken(artifact));
    if (!link) throw invalidLink();
    // The same browser again (a reload before the page dropped the link from its address): resume.
    if (presentedToken !== undefined && link.sessionHash === hashCaptureToken(presentedToken)) {
      return this.authenticate(presentedToken);
    }
    const now = clock.now();
    if (link.usedAt !== null) {
      throw new AppError('capture_link_used', 'This link was already opened in another browser; ask for a new one.');
    }
    if (now >= link.expiresAt) throw new AppError('capture_link_expired', 'This link has expired; ask for a new one.');
    const flow = await store.repos.captureFlows.find(link.processId);
    const process = flow && (await store.repos.processes.find(flow.clientId, flow.dossierId, flow.processId));
    if (!flow || !process) throw invalidLink();
    if (flow.endedAs !== null || isFinal(process.status)) throw finished();
    const client = await store.repos.clients.find(flow.clientId);
    if (!client) throw invalidLink();

    const token = newCaptureToken();
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = now + this.deps.sessionMinutes * 60_000;
    await store.transaction(async (tx) => {
      if (!(await tx.captureLinks.useLink(link.tokenHash, hashCaptureToken(token), now))) {
        throw new AppError('capture_link_used', 'This link was already opened in another browser; ask for a new one.');
      }
      await tx.captureLinks.insertSession({
        tokenHash: hashCaptureToken(token),
        processId: flow.processId,
        device: link.device,
        csrfToken,
        createdAt: now,
        expiresAt,
      });
      if (link.device === 'handover') await openHandover(tx, flow.processId, now);
    });
    return {
      caller: {
        kind: 'endUser',
        clientId: flow.clientId,
        environment: client.environment,
        dossierId: flow.dossierId,
        processId: flow.processId,
        device: link.device,
      },
      csrfToken,
      expiresAt,
      requestDomain: flow.requestDomain,
      newToken: token,
    };
  }

  /** The session of a cookie, or 401 when there is none (absent, unknown, expired, process deleted). */
  async authenticate(token: string | undefined): Promise<SessionGrant> {
    const { store, clock } = this.deps;
    if (token === undefined || !isCaptureTokenShape(token)) throw noSession();
    const session = await store.repos.captureLinks.findSession(hashCaptureToken(token));
    if (!session || clock.now() >= session.expiresAt) throw noSession();
    const flow = await store.repos.captureFlows.find(session.processId);
    const client = flow && (await store.repos.clients.find(flow.clientId));
    if (!flow || !client) throw noSession();
    return {
      caller: {
        kind: 'endUser',
        clientId: flow.clientId,
        environment: client.environment,
        dossierId: flow.dossierId,
        processId: flow.processId,
        device: session.device,
      },
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      requestDomain: flow.requestDomain,
    };
  }
}

const invalidLink = () =>
  new AppError('capture_link_invalid', 'This link is not valid; check that it was copied whole, or ask for a new one.');
const finished = () =>
  new AppError('capture_process_finished', 'This verification has already ended; there is nothing more to do here.');

/** The phone opened the desktop's handover link: the desktop now follows it. */
async function openHandover(tx: Repositories, processId: string, now: number): Promise<void> {
  const flow = await tx.captureFlows.find(processId);
  if (flow) await tx.captureFlows.setHandover(processId, { ...flow.handover, status: 'opened' }, now);
}
