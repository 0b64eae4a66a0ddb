import { randomUUID } from 'node:crypto';

/** Dossier, process and other resource ids are random UUIDs, as upstream. */
export const newId = (): string => randomUUID();

/** 32 hex characters, the shape of upstream trace ids (randomUUID draws from a pooled entropy buffer). */
export const newTraceId = (): string => randomUUID().replaceAll('-', '');
