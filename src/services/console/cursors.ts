import { AppError } from '../../core/errors.js';

/** Page cursors are opaque to the app: the (time, id) of the last row given, base64url. */
export const encodeCursor = (at: number, id: string): string => Buffer.from(`${at}|${id}`).toString('base64url');

export function decodeCursor(cursor: string): { at: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (at === undefined || id === undefined || !/^\d{1,16}$/.test(at) || id.length === 0 || id.length > 100) {
    throw new AppError('validation_failed', 'querystring.cursor is not a cursor this API gave.');
  }
  return { at: Number(at), id };
}
