import type { FaceEngine } from '../face/types.js';

/** One check: the measured value, the documented threshold it was held to, and whether the image passed. */
export interface ImageCheck {
  value: number;
  passed: boolean;
  threshold: number;
}

export interface ResolutionCheck extends ImageCheck {
  /** Present when a text box was given: width of one character cell, in pixels. */
  characterPitch?: ImageCheck;
}

/** Glare also says where: the largest blown-out spots in the measured area, biggest first, in image pixels. */
export interface GlareCheck extends ImageCheck {
  regions: Box[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A line of fixed-pitch text (such as an MRZ line) in image pixels, and how many characters it holds. */
export interface TextBox extends Box {
  /** Character cells across the box: 44 for a passport (TD3) MRZ line, 36 for TD2, 30 for an ID card (TD1). */
  charactersPerLine: number;
}

export interface ImageChecks {
  resolution: ResolutionCheck;
  /** Sharpness: passes when the image is sharp enough. */
  blur: ImageCheck;
  /** Share of blown-out near-white pixels: passes when there are few. */
  glare: GlareCheck;
  /** Mean luminance: passes when the image is bright enough to read. */
  brightness: ImageCheck;
  /** Spread of colour: passes when the image is in colour (not a black-and-white or tinted copy). */
  blackAndWhite: ImageCheck;
  /** Faces found: passes with at least one. Present when a face engine was given. */
  facePresent?: ImageCheck;
}

export interface CheckImageOptions {
  faceEngine?: FaceEngine;
  textBox?: TextBox;
  /** Where the document is in the image; glare is measured there. Defaults to the whole image. */
  documentBox?: Box;
}
