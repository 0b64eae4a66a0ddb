import { randomBytes } from 'node:crypto';
import { deleteBlobsQuietly } from '../blobs/blob-store.js';
import {
  chipFileNames,
  chipFileRules,
  encodeChipUpload,
  type ChipFileName,
  type ChipUpload,
  type ReportedChipAuthentication,
} from '../chip/upload.js';
import { AppError, conflict } from '../core/errors.js';
import { toIsoSeconds } from '../core/time.js';
import { providerOf } from '../providers/registry.js';
import type { StoredImage } from '../store/repositories/images.js';
import type { ServiceDeps } from './context.js';
import { requireProcess } from './processes.js';
import { prepareImages, type ImageUpload } from './uploads/stored-images.js';
import type { ClientCaller, ProcessRecord } from '../core/domain.js';

/** What POST .../chip carries, after schema validation: base64 files, the AA answer, optional images. */
export interface ChipUploadBody extends Partial<Record<ChipFileName, string>> {
  activeAuthentication?: { challenge: string; signature: string };
  chipAuthentication?: ReportedChipAuthentication;
}

const strictBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Decodes strict base64 (no whitespace, no URL alphabet, padded) within a size limit. */
function decode(field: string, text: string, maxBytes: number): Buffer {
  if (text.length > Math.ceil(maxBytes / 3) * 4)
    throw new AppError('payload_too_large', `${field}: larger than ${maxBytes} bytes.`);
  if (text.length === 0 || !strictBase64.test(text))
    throw new AppError('validation_failed', `${field}: not strict base64.`);
  return Buffer.from(text, 'base64');
}

/** Every file decoded and checked before anything is written: one bad file writes nothing. */
function decodeFiles(body: ChipUploadBody): ChipUpload['files'] {
  for (const required of ['sod', 'dg1', 'dg2'] as const) {
    if (body[required] === undefined) throw new AppError('validation_failed', `${required} is required.`);
  }
  const files: ChipUpload['files'] = {};
  for (const name of chipFileNames) {
    const text = body[name];
    if (text === undefined) continue;
    const rule = chipFileRules[name];
    const bytes = decode(name, text, rule.maxBytes);
    if (bytes[0] !== rule.tag)
      throw new AppError('validation_failed', `${name}: does not start with tag ${rule.tag.toString(16)}.`);
    files[name] = bytes;
  }
  return files;
}

/**
 * The chip endpoints (an OpenAssure extension): an Active Authentication challenge, and the upload of
 * what an app read from the chip, for providers that verify chips (ReadID) and live clients.
 */
export class ChipService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly settings: { challengeMinutes: number },
  ) {}

  private async pendingChipProcess(caller: ClientCaller, dossierId: string, processId: string): Promise<ProcessRecord> {
    const process = await requireProcess(this.deps.store.repos, caller, dossierId, processId);
    const definition = providerOf(process.provider);
    if (!definition.chipUpload) {
      throw new AppError('unsupported_for_provider', `${definition.title} processes do not take chip files.`);
    }
    if (caller.environment !== 'live') {
      throw new AppError(
        'unsupported_for_provider',
        `In the sandbox, ${definition.title} results come from its scenarios; chip files are for live clients.`,
      );
    }
    if (process.status !== 'pending') throw frozen();
    return process;
  }

  /** A fresh 8-byte challenge for Active Authentication; it can be answered once, before it expires. */
  async challenge(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
  ): Promise<{ challenge: string; expiresAt: string }> {
    const process = await this.pendingChipProcess(caller, dossierId, processId);
    const challenge = randomBytes(8);
    const now = this.deps.clock.now();
    const expiresAt = now + this.settings.challengeMinutes * 60_000;
    await this.deps.store.repos.chip.insertChallenge({
      challenge: challenge.toString('hex'),
      processId: process.id,
      clientId: caller.clientId,
      createdAt: now,
      expiresAt,
    });
    return { challenge: challenge.toString('base64'), expiresAt: toIsoSeconds(expiresAt) };
  }

  /** Stores the chip files (and a data page or selfie image) of a pending process, replacing earlier ones. */
  async upload(
    caller: ClientCaller,
    dossierId: string,
    processId: string,
    body: ChipUploadBody,
    images: ImageUpload[],
  ): Promise<void> {
    const { store, blobs, clock, logger } = this.deps;
    const process = await this.pendingChipProcess(caller, dossierId, processId);
    const files = decodeFiles(body);
    const aa = body.activeAuthentication && {
      challenge: decode('activeAuthentication.challenge', body.activeAuthentication.challenge, 8),
      signature: decode('activeAuthentication.signature', body.activeAuthentication.signature, 1024),
    };
    if (aa && aa.challenge.length !== 8)
      throw new AppError('validation_failed', 'activeAuthentication.challenge: must be 8 bytes.');
    const prepared = await prepareImages(images);
    const now = clock.now();
    const written: string[] = [];
    try {
      const stored: StoredImage[] = [];
      for (const image of prepared) {
        const blobKey = await blobs.put(image.bytes, { dossierId: process.dossierId });
        written.push(blobKey);
        stored.push({
          depiction: image.depiction,
          blobKey,
          contentType: image.contentType,
          size: image.bytes.length,
          createdAt: now,
        });
      }
      // The blob is written before the transaction: sealing it under the dossier's key reads the database,
      // which inside a transaction would wait for itself on SQLite. So the challenge's state is read first
      // and the transaction, which uses the challenge, refuses the upload if that state changed meanwhile.
      const challengeHex = aa?.challenge.toString('hex');
      const challenge = challengeHex ? await store.repos.chip.peekChallenge(process.id, challengeHex, now) : 'none';
      const upload: ChipUpload = {
        files,
        ...(aa && { activeAuthentication: aa }),
        challenge,
        ...(body.chipAuthentication && { chipAuthentication: body.chipAuthentication }),
      };
      const blobKey = await blobs.put(encodeChipUpload(upload), { dossierId: process.dossierId });
      written.push(blobKey);
      const replaced = await store.transaction(async (tx) => {
        // Locks the row while still pending, so a Start verification racing this upload waits for it.
        if (!(await tx.processes.touchIfPending(process.id, now))) throw frozen();
        const used = challengeHex ? await tx.chip.useChallenge(process.id, challengeHex, now) : 'none';
        if (used !== challenge) throw challengeRaced();
        const previous = await tx.chip.setFiles(process.id, blobKey);
        if (previous === false) throw frozen();
        const replacedImages =
          stored.length > 0
            ? await tx.images.put({ kind: 'process', id: process.id, clientId: caller.clientId }, stored)
            : [];
        return [...replacedImages, ...(previous ? [previous] : [])];
      });
      await deleteBlobsQuietly(blobs, replaced, (blobKey, error) =>
        logger.warn({ blobKey, err: error }, 'A replaced chip blob could not be deleted.'),
      );
    } catch (error) {
      await deleteBlobsQuietly(blobs, written, (blobKey, err) =>
        logger.warn({ blobKey, err }, 'A chip blob of a failed upload could not be deleted.'),
      );
      throw error;
    }
  }
}

const challengeRaced = () =>
  conflict('The Active Authentication challenge was used by another upload at the same time. Upload again.');

const frozen = () =>
  conflict(
    'The verification of this process has started; its chip files can no longer change. Create a new process instead.',
  );
