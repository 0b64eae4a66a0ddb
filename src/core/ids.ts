import { randomUUID } from 'node:crypto';

/** Dossier, process and other resource ids are random UUIDs, as upstream. */
export const newId = (): string => randomUUID();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuidPattern.test(value);

/** 32 hex characters, the shape of upstream trace ids (randomUUID draws from a pooled entropy buffer). */
export const newTraceId = (): string => randomUUID().replaceAll('-', '');
