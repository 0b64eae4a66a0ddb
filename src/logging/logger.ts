import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

/**
 * Paths that may hold credentials or personal data if they ever reach a log line. The code does not
 * log request bodies at all; this is the second line of defence.
 */
const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'authorization',
  'authorizationHeader',
  'clientSecret',
  'client_secret',
  'access_token',
  '*.authorization',
  '*.authorizationHeader',
  '*.clientSecret',
  '*.client_secret',
  '*.access_token',
  '*.userData',
  '*.firstName',
  '*.lastName',
  '*.dateOfBirth',
  '*.documentNumber',
  '*.personalIdentificationNumber',
  '*.front',
  '*.back',
  '*.selfie',
  '*.image',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'openassure' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
