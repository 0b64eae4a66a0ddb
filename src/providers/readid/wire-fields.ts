import { Type } from 'typebox';
import { sdkFields } from '../sdk-fields.js';

/** Create-process fields: the SDK's access key and URL and, for ReadID Ready, how to reach the app. */
export const readIdCreateFields = {
  ...sdkFields,
  base64QRCode: Type.Optional(Type.String({ description: 'ReadID Ready: QR code for desktop users (PNG, base64).' })),
  universalLink: Type.Optional(Type.String({ description: 'ReadID Ready: link for mobile users.' })),
};
