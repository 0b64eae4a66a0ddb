import { randomInt } from 'node:crypto';

/** What the end-user is asked to do in the selfie video, so that a replayed recording gives itself away. */
export const selfieVideoPrompts = ['turnLeft', 'turnRight', 'lookUp', 'smile', 'blink'] as const;
export type SelfieVideoPrompt = (typeof selfieVideoPrompts)[number];

/** The video kept for the step, as the reviewer needs to know it. */
export interface KeptVideo {
  contentType: 'video/webm' | 'video/mp4';
  size: number;
  /** As the page measured the recording (MediaRecorder's WebM carries no duration of its own). */
  durationMs: number | null;
  recordedAt: number;
}

/**
 * The selfie video step of a flow (stored with the capture flow, `capture_flows.selfie_video`): the
 * prompt chosen when the end-user reached the step, and the video kept, if any. One prompt per flow:
 * re-recording answers the same prompt, so the prompt stored is always the one the kept video answers.
 */
export interface SelfieVideoState {
  prompt: SelfieVideoPrompt;
  promptedAt: number;
  video: KeptVideo | null;
}

/** A prompt drawn with the operating system's randomness: an attacker cannot predict which one comes. */
export const drawSelfieVideoPrompt = (): SelfieVideoPrompt => selfieVideoPrompts[randomInt(selfieVideoPrompts.length)]!;
