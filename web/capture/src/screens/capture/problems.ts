import type { ProblemCode } from '../../api/types';
import type { MessageKey } from '../../i18n/catalogue';
import type { Guidance } from '../../quality/guidance';

/** What went wrong with a photo and what to do about it, for each problem the server can name. */
export const PROBLEM_TEXT: Readonly<Record<ProblemCode, { what: MessageKey; hint: MessageKey }>> = {
  unreadable: { what: 'problem.unreadable', hint: 'problem.unreadableHint' },
  'low-resolution': { what: 'problem.lowResolution', hint: 'problem.lowResolutionHint' },
  blurry: { what: 'problem.blurry', hint: 'problem.blurryHint' },
  glare: { what: 'problem.glare', hint: 'problem.glareHint' },
  'too-dark': { what: 'problem.tooDark', hint: 'problem.tooDarkHint' },
  'mrz-not-found': { what: 'problem.mrzNotFound', hint: 'problem.mrzNotFoundHint' },
  'face-not-found': { what: 'problem.faceNotFound', hint: 'problem.faceNotFoundHint' },
  'several-faces': { what: 'problem.severalFaces', hint: 'problem.severalFacesHint' },
};

export const GUIDANCE_TEXT: Readonly<Record<Guidance, MessageKey>> = {
  'no-document': 'guidance.noDocument',
  'too-dark': 'guidance.tooDark',
  'move-closer': 'guidance.moveCloser',
  glare: 'guidance.glare',
  blurry: 'guidance.blurry',
  'hold-still': 'guidance.holdStill',
  ready: 'guidance.ready',
};
