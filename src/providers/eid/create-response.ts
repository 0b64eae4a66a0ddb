/**
 * Electronic IDentification processes run in the same VideoID SDK as Signicat VideoID ones, so Create
 * process returns the same `authorization` and `providerApiUrl`, built in one place.
 */
export { videoIdCreateResponse as createResponse } from '../signicatvideoid/create-response.js';
