import type { Session, Step } from '../api/types';

/** One screen of the capture flow, in the order the person meets them. */
export type Page =
  | { kind: 'prerequisites' }
  | { kind: 'consent' }
  | { kind: 'handover' }
  | { kind: 'document' }
  | { kind: 'instructions' }
  | { kind: 'capture'; depiction: Step }
  | { kind: 'review' };

export const pageId = (page: Page): string => (page.kind === 'capture' ? `capture:${page.depiction}` : page.kind);

export interface FlowContext {
  /** The device counts as a desktop (see isMobileDevice). */
  desktop: boolean;
  /** The person chose to carry on here instead of on a phone. */
  handoverDeclined: boolean;
}

/** Whether this browser offers to carry on on a phone. */
function offersHandover(session: Session, context: FlowContext): boolean {
  if (session.device !== 'primary' || context.handoverDeclined) return false;
  return (session.handover.enabled && context.desktop) || session.handover.force;
}

/**
 * The pages of a capture flow as the session stands. The capture pages appear once a document is chosen
 * (the server then lists the sides it needs), so the plan is made again after every change to the session.
 */
export function planPages(session: Session, context: FlowContext): Page[] {
  const pages: Page[] = [];
  if (session.screens.prerequisites.show) pages.push({ kind: 'prerequisites' });
  if (session.screens.consent) pages.push({ kind: 'consent' });
  if (offersHandover(session, context)) pages.push({ kind: 'handover' });
  if (session.document.needed) pages.push({ kind: 'document' });
  if (session.screens.documentInstructions.show) pages.push({ kind: 'instructions' });
  for (const depiction of session.steps) pages.push({ kind: 'capture', depiction });
  pages.push({ kind: 'review' });
  return pages;
}

/**
 * Where a (re)loaded page starts. A person who already chose a document or kept a photo resumes at the
 * first photo still missing; a desktop following a phone goes back to the handover page.
 */
export function startPage(session: Session, pages: Page[]): Page {
  const following = session.handover.status === 'waiting' || session.handover.status === 'opened';
  const handover = pages.find((page) => page.kind === 'handover');
  if (following && handover) return handover;
  const started = session.document.selected !== null || Object.values(session.images).some((image) => image?.kept);
  if (started) {
    const missing = pages.find((page) => page.kind === 'capture' && !session.images[page.depiction]?.kept);
    return missing ?? pages[pages.length - 1] ?? { kind: 'review' };
  }
  return pages[0] ?? { kind: 'review' };
}

const ORDER: Record<Page['kind'], number> = {
  prerequisites: 0,
  consent: 1,
  handover: 2,
  document: 3,
  instructions: 4,
  capture: 5,
  review: 6,
};
const DEPICTION_ORDER: Record<Step, number> = { front: 0, back: 1, selfie: 2, selfieVideo: 3 };

function rank(page: Page): number {
  return ORDER[page.kind] * 10 + (page.kind === 'capture' ? DEPICTION_ORDER[page.depiction] : 0);
}

/**
 * The page after `current` in the plan. `current` may have left the plan (the handover page once the person
 * chose to stay), so the next page is found by position in the flow, not by index.
 */
export function pageAfter(pages: Page[], current: Page): Page {
  const currentRank = rank(current);
  return pages.find((page) => rank(page) > currentRank) ?? pages[pages.length - 1] ?? { kind: 'review' };
}

/**
 * Where a finished step leads. After a photo (or a review that found one missing) the next photo still
 * missing, else the review, so a retake from the review comes back to it; otherwise the next page.
 */
export function nextPage(session: Session, pages: Page[], from: Page): Page {
  if (from.kind !== 'capture' && from.kind !== 'review') return pageAfter(pages, from);
  const missing = pages.find((page) => page.kind === 'capture' && !session.images[page.depiction]?.kept);
  return missing ?? { kind: 'review' };
}
