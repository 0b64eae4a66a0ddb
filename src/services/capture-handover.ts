import { renderSVG } from 'uqr';
import { toE164 } from '../capture/phone-numbers.js';
import { hashCaptureToken, newCaptureToken } from '../capture/tokens.js';
import { AppError } from '../core/errors.js';
import { toIsoSeconds } from '../core/time.js';
import type { SmsSender } from '../notifications/sms.js';
import { captureUrl } from './capture-flows.js';
import type { SessionGrant } from './capture-sessions.js';
import type { CaptureStepService } from './capture-steps.js';
import type { ServiceDeps } from './context.js';

export type HandoverRequest = { mode: 'qrCode' } | { mode: 'sms'; phoneNumber: string };

export interface HandoverLink {
  url: string;
  /** An SVG document of the link's QR code, drawn here so the page loads nothing from elsewhere. */
  qrSvg: string;
  expiresAt: string;
}

const notExpected = (detail: string) => new AppError('capture_not_expected', detail);

/**
 * Continuing on a phone: the desktop asks for a handover link (single use, like the first link), shows
 * it as a QR code or has it texted, and follows the phone's progress through its own session. A new
 * link replaces the previous one, so only the latest code works.
 */
export class CaptureHandoverService {
  constructor(
    private readonly deps: ServiceDeps & { linkMinutes: number },
    private readonly steps: CaptureStepService,
    private readonly sms: SmsSender,
  ) {}

  async start(grant: SessionGrant, request: HandoverRequest): Promise<HandoverLink> {
    const { flow, process, plan } = await this.steps.load(grant.caller);
    const { handover } = flow.settings;
    // A selfie video needs a camera that records: a desktop without one hands over even when the
    // configuration offers no handover up front, so the end-user never reaches a dead end.
    if (flow.kind !== 'app' || !(handover.enabled || plan.selfieVideo))
      throw notExpected('This flow does not offer to continue on a phone.');
    if (grant.caller.device !== 'primary') throw notExpected('This is already the phone the capture was handed to.');
    if (flow.endedAs !== null || process.status !== 'pending') throw notExpected('This capture has ended.');
    if (!handover.modes.includes(request.mode)) throw notExpected(`This flow does not hand over by ${request.mode}.`);
    const phone = request.mode === 'sms' ? toE164(request.phoneNumber, handover.smsDefaultCountry) : undefined;
    if (request.mode === 'sms' && phone === undefined) {
      throw new AppError(
        'validation_failed',
        'body.phoneNumber must be a phone number, with its country code (+47...).',
      );
    }
    const { store, clock, publicUrl } = this.deps;
    const now = clock.now();
    const minutes = handover.timeoutMinutes > 0 ? handover.timeoutMinutes : this.deps.linkMinutes;
    const expiresAt = now + minutes * 60_000;
    const token = newCaptureToken();
    await store.transaction(async (tx) => {
      await tx.captureLinks.expireUnused(flow.processId, 'handover', now);
      await tx.captureLinks.insertLink({
        tokenHash: hashCaptureToken(token),
        processId: flow.processId,
        device: 'handover',
        createdAt: now,
        expiresAt,
      });
      await tx.captureFlows.setHandover(flow.processId, { status: 'waiting', expiresAt }, now);
    });
    const url = captureUrl(publicUrl, token);
    if (phone !== undefined) {
      await this.sms.send({ to: phone, sender: handover.smsSender, text: `${handover.smsMessage} ${url}` });
    }
    return { url, qrSvg: renderSVG(url, { ecc: 'M', border: 4 }), expiresAt: toIsoSeconds(expiresAt) };
  }
}
