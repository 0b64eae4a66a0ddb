import type { EnvReader } from './env-reader.js';

export interface ChipConfig {
  /** A file or folder of CSCA master lists, certificates and CRLs; unset: no CSCA is trusted. */
  cscaPath: string | undefined;
  /** How long an Active Authentication challenge can be answered. */
  challengeMinutes: number;
}

export function readChip(read: EnvReader): ChipConfig {
  return {
    cscaPath: read.string('OPENASSURE_CSCA_PATH'),
    challengeMinutes: read.integer('OPENASSURE_CHIP_CHALLENGE_MINUTES', 10, 1, 24 * 60),
  };
}
