import type { FaceBox, FaceComparison } from '../../engines/face/types.js';
import type { ImageChecks } from '../../engines/image/types.js';
import type { MrzReading } from '../../engines/ocr/types.js';
import type { FaceSummary } from '../../engines/pool/types.js';
import type { EngineContext } from '../types.js';
import { mrzRegions, readMrzDocument, type MrzDocument } from './mrz-document.js';

/**
 * What the engines find on a document (front and back) and on the still taken from the selfie video, for
 * the providers a person reviews (VideoID, eid, WebID): the MRZ, the image checks of the front, the
 * portrait on the document and its comparison with the selfie. The reviewer sees these findings beside
 * the images and the video; the provider's engine backend builds its raw result from them.
 */
export interface DocumentAndSelfie {
  document: MrzDocument | undefined;
  readings: Partial<Record<'front' | 'back', MrzReading>>;
  imageChecks: ImageChecks | undefined;
  portrait: { box: FaceBox; face: FaceSummary } | null;
  selfieFaces: FaceSummary[];
  /** Absent when either image had no face to compare. */
  comparison: FaceComparison | undefined;
}

export async function readDocumentAndSelfie(context: EngineContext): Promise<DocumentAndSelfie> {
  const { images, engines } = context;
  const { document, readings } = await readMrzDocument(context);
  const front = images.front;
  const imageChecks = front ? await engines.checkImage(front, mrzRegions(document)) : undefined;
  const portrait = front ? await engines.portrait(front) : null;
  const selfieFaces = images.selfie ? await engines.detectFaces(images.selfie) : [];
  const comparison =
    front && images.selfie && portrait && selfieFaces.length > 0
      ? await engines.compareFaces(front, images.selfie)
      : undefined;
  return {
    document,
    readings,
    imageChecks,
    portrait: portrait && { box: portrait.box, face: portrait.face },
    selfieFaces,
    comparison,
  };
}

/** A box in whole pixels, as vendors' results carry them. */
export const roundedBox = (box: FaceBox) => ({
  x: Math.round(box.x),
  y: Math.round(box.y),
  width: Math.round(box.width),
  height: Math.round(box.height),
});
