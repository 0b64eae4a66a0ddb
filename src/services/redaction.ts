import { AppError, notFound } from '../core/errors.js';
import { isAlpha3Country } from '../core/countries.js';
import type { RedactionLevel } from '../redaction/fields.js';
import { isRedactedSide, redactedImagesRefusal } from '../redaction/image-gate.js';
import { redact, type RedactionEngines, type RedactionImage } from '../redaction/redactor.js';
import type { ImageOwner } from '../store/repositories/images.js';
import type { ServiceDeps } from './context.js';
import { requireDossier } from './dossiers.js';
import { requireProcess } from './processes.js';
import { prepareImages, type ImageUpload } from './uploads/stored-images.js';
import type { ClientCaller, Depiction } from '../core/domain.js';

export interface RedactInput {
  front?: string;
  back?: string;
  dossierId?: string;
  processId?: string;
  documentType: string;
  documentCountry: string;
  fieldsToRedact: string[];
  redactionLevel?: RedactionLevel;
}

export interface RedactResult {
  success: boolean;
  redactedFrontImage?: string;
  redactedBackImage?: string;
  detail: string;
}

/** POST /assure/redact: redacts images sent in the request, or the front and back of a dossier or process. */
export class RedactionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly engines: RedactionEngines,
  ) {}

  async redact(caller: ClientCaller, input: RedactInput): Promise<RedactResult> {
    const sides = await this.sidesOf(caller, input);
    const fields = [...new Set(input.fieldsToRedact)];
    const outcome = await redact(this.engines, {
      images: sides.map((side) => side.image),
      fields,
      level: input.redactionLevel ?? 'standard',
    });
    if (!outcome.images) {
      const why = outcome.missing.map((m) => `${m.field} (${m.reason})`).join('; ');
      return { success: false, detail: `Nothing was redacted: could not locate ${why}.` };
    }
    const result: RedactResult = { success: true, detail: `Redacted ${fields.join(', ')}.` };
    outcome.images.forEach((image, i) => {
      const dataUrl = `data:${image.contentType};base64,${image.bytes.toString('base64')}`;
      if (sides[i]!.depiction === 'front') result.redactedFrontImage = dataUrl;
      else result.redactedBackImage = dataUrl;
    });
    return result;
  }

  /** The images to work on, checked before any engine runs. */
  private async sidesOf(caller: ClientCaller, input: RedactInput): Promise<Side[]> {
    if (!isAlpha3Country(input.documentCountry)) {
      throw new AppError('validation_failed', 'documentCountry must be an ISO 3166-1 alpha-3 country code.');
    }
    const uploads: ImageUpload[] = [];
    if (input.front !== undefined) uploads.push({ depiction: 'front', dataUrl: input.front });
    if (input.back !== undefined) uploads.push({ depiction: 'back', dataUrl: input.back });
    const byId = input.dossierId !== undefined || input.processId !== undefined;
    if (uploads.length > 0 && byId) {
      throw new AppError(
        'validation_failed',
        'Send either front/back images or a dossierId (and processId), not both.',
      );
    }
    if (uploads.length > 0) {
      const prepared = await prepareImages(uploads);
      return prepared.map((p) => ({ depiction: p.depiction, image: { bytes: p.bytes, contentType: p.contentType } }));
    }
    if (input.dossierId === undefined) {
      throw new AppError('validation_failed', 'Send a front or back image, or a dossierId (and processId).');
    }
    return this.storedSides(caller, input.dossierId, input.processId);
  }

  /** The front and back kept on a dossier or process of the caller's. */
  private async storedSides(caller: ClientCaller, dossierId: string, processId: string | undefined): Promise<Side[]> {
    const { store, blobs } = this.deps;
    let owner: ImageOwner;
    if (processId !== undefined) {
      const process = await requireProcess(store.repos, caller, dossierId, processId);
      // Checked before looking for images: a failed redaction deleted them, and that is what to say.
      const refused = redactedImagesRefusal(process, 'front');
      if (refused) throw new AppError('conflict', refused);
      owner = { kind: 'process', id: process.id, clientId: caller.clientId };
    } else {
      owner = {
        kind: 'dossier',
        id: (await requireDossier(store.repos, caller, dossierId)).id,
        clientId: caller.clientId,
      };
    }
    const images = (await store.repos.images.list(owner)).flatMap(({ depiction, ...image }) =>
      isRedactedSide(depiction) ? [{ ...image, depiction }] : [],
    );
    if (images.length === 0) throw notFound('Front or back image');
    const sides: Side[] = [];
    for (const image of images) {
      const contentType = image.contentType === 'image/png' ? 'image/png' : 'image/jpeg';
      sides.push({ depiction: image.depiction, image: { bytes: await blobs.get(image.blobKey), contentType } });
    }
    return sides;
  }
}

/** One side of the document and which one it is. */
interface Side {
  depiction: Depiction;
  image: RedactionImage;
}
