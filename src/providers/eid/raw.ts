/**
 * Electronic IDentification is the VideoID service under its older name: its raw result is the same
 * video identification record, defined once beside Signicat VideoID.
 */
export { parseVideoIdResult } from '../signicatvideoid/raw.js';
