import { parseMrz } from '../engines/mrz/index.js';
import { activeAuthentication } from './active-authentication.js';
import { ChipFormatError } from './asn1.js';
import {
  activeAuthenticationHash,
  mrzLines,
  readActiveAuthenticationKey,
  readDg11,
  readDg12,
  readMrzText,
  type AdditionalDetails,
} from './data-groups.js';
import { passiveAuthentication, type PassiveAuthenticationResult } from './passive-authentication.js';
import { allPassed, check, type Check } from './report.js';
import type { TrustAnchors } from './trust-anchors.js';

/** What an app read from the chip, as uploaded. */
export interface ChipFiles {
  sod: Buffer;
  /** Data group number → file. */
  dataGroups: ReadonlyMap<number, Buffer>;
}

export interface ChipInput {
  files: ChipFiles;
  activeAuthentication?: { challenge: Buffer; signature: Buffer };
  /** See ActiveAuthenticationInput.challenge. */
  challenge: 'fresh' | 'unknown' | 'used' | 'reported';
  /** What the app says about Chip Authentication; reported, never verified. */
  chipAuthentication?: string;
  /** YYYY-MM-DD, for the MRZ's two-digit years. */
  today: string;
}

/**
 * The whole verdict on an upload: ReadID's two statuses plus every check behind them. The statuses
 * use ReadID's raw words (NOT_SUPPORTED where Assure says NOT_AVAILABLE).
 */
export interface ChipReport extends Omit<PassiveAuthenticationResult, 'verified'> {
  format: 'openassure-chip-report';
  version: 1;
  chipVerification: 'SUCCEEDED' | 'FAILED';
  chipCloneDetection: 'SUCCEEDED' | 'FAILED' | 'NOT_SUPPORTED';
  /** The MRZ lines of DG1, when DG1 passed passive authentication. */
  mrz?: string[];
  /** DG11 and DG12, when they passed passive authentication. */
  details?: AdditionalDetails;
}

/** Reads a data group only if passive authentication vouched for it; undefined otherwise or when unreadable. */
function trusted<T>(
  pa: PassiveAuthenticationResult,
  files: ChipFiles,
  number: number,
  read: (file: Buffer) => T,
): T | undefined {
  const file = files.dataGroups.get(number);
  if (!file || !pa.verified.has(number)) return undefined;
  try {
    return read(file);
  } catch (error) {
    if (error instanceof ChipFormatError) return undefined;
    throw error;
  }
}

/** Reads a data group for hints before it is verified (the issue date and state PA itself needs). */
function hint<T>(files: ChipFiles, number: number, read: (file: Buffer) => T): T | undefined {
  const file = files.dataGroups.get(number);
  try {
    return file ? read(file) : undefined;
  } catch {
    return undefined;
  }
}

function mrzCheck(mrz: string[] | undefined, present: boolean, today: string): Check {
  if (!mrz) {
    return present
      ? check('dg1Mrz', 'FAILED', 'DG1 is not a verified, readable MRZ.')
      : check('dg1Mrz', 'NOT_PRESENT', 'DG1 was not uploaded.');
  }
  const parsed = parseMrz(mrz, { today });
  return parsed.valid
    ? check('dg1Mrz', 'SUCCEEDED', `A valid ${parsed.format} MRZ.`)
    : check('dg1Mrz', 'FAILED', `The MRZ does not hold: ${parsed.problems.join('; ')}.`);
}

function chipAuthenticationCheck(files: ChipFiles, reported: string | undefined): Check {
  if (!files.dataGroups.has(14)) return check('chipAuthentication', 'NOT_AVAILABLE', 'The chip has no DG14.');
  // The terminal key's holder can forge the secure messaging, so an upload can never prove CA.
  return check(
    'chipAuthentication',
    'NOT_CHECKED',
    `Cannot be verified from an upload; the app reported: ${reported ?? 'nothing'}.`,
  );
}

/** Everything the chip files prove, without engines (the face and the printed MRZ are compared by the caller). */
export function verifyChip(input: ChipInput, anchors: TrustAnchors): ChipReport {
  const { files } = input;
  const dateOfIssue = hint(files, 12, readDg12)?.dateOfIssue;
  const mrzHint = hint(files, 1, readMrzText);
  const pa = passiveAuthentication(
    { sod: files.sod, dataGroups: files.dataGroups, dateOfIssue, issuingState: mrzHint?.slice(2, 5) },
    anchors,
  );
  const mrz = trusted(pa, files, 1, (file) => mrzLines(readMrzText(file)));
  const dg15Listed = pa.dataGroups.some((g) => g.dataGroup === 15);
  const aa = activeAuthentication({
    key: trusted(pa, files, 15, readActiveAuthenticationKey),
    supported: dg15Listed,
    response: input.activeAuthentication,
    challenge: input.challenge,
    ecdsaHash: trusted(pa, files, 14, activeAuthenticationHash) ?? 'sha256',
  });
  // Whether the data is authentic (chipVerification) and whether the chip is the original
  // (chipCloneDetection) are separate verdicts: a failed Active Authentication touches only the second.
  const authenticity = [...pa.checks, mrzCheck(mrz, files.dataGroups.has(1), input.today)];
  const checks = [...authenticity, aa, chipAuthenticationCheck(files, input.chipAuthentication)];
  const dg2 = pa.dataGroups.find((g) => g.dataGroup === 2);
  // The portrait is part of what is proven: a chip read without a verified DG2 does not pass.
  const chipVerification =
    allPassed(authenticity, ['sodSignature', 'documentSigner', 'chain', 'dataGroupHashes', 'dg1Mrz']) &&
    dg2?.verdict === 'SUCCEEDED'
      ? 'SUCCEEDED'
      : 'FAILED';
  const chipCloneDetection =
    aa.verdict === 'SUCCEEDED'
      ? 'SUCCEEDED'
      : aa.verdict === 'NOT_AVAILABLE' && !files.dataGroups.has(14)
        ? 'NOT_SUPPORTED'
        : 'FAILED';
  const details = Object.fromEntries(
    Object.entries({ ...trusted(pa, files, 11, readDg11), ...trusted(pa, files, 12, readDg12) }).filter(
      ([, v]) => v !== undefined,
    ),
  ) as AdditionalDetails;
  const { verified: _verified, ...paReport } = pa;
  return {
    format: 'openassure-chip-report',
    version: 1,
    chipVerification,
    chipCloneDetection,
    ...paReport,
    checks,
    ...(mrz && { mrz }),
    ...(Object.keys(details).length > 0 && { details }),
  };
}
