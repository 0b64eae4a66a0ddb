import type { RawResultFile } from '../types.js';
import { parseVideoIdResult } from './raw.js';

/**
 * The download zip's data files under VideoID's own names: `ocr.json` (the automatic analysis) and, when
 * an agent reviewed the video, `manual_approval.json`. Anything else (a failure, an unreadable record)
 * is kept whole as `result.json`, so nothing the vendor sent is lost.
 */
export function videoIdRawResultFiles(raw: unknown): RawResultFile[] {
  const parsed = parseVideoIdResult(raw);
  if (!parsed.ok || parsed.value.status !== 'completed') return [{ name: 'result.json', content: raw }];
  const { ocr, manualApproval } = parsed.value;
  return [
    { name: 'ocr.json', content: ocr },
    ...(manualApproval ? [{ name: 'manual_approval.json', content: manualApproval }] : []),
  ];
}
