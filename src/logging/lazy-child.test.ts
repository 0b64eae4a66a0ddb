import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { lazyChildLogger } from './lazy-child.js';

describe('lazyChildLogger', () => {
  it('writes lines with the bindings, at enabled levels only', () => {
    const lines: string[] = [];
    const parent = createLogger('info', { write: (line: string) => void lines.push(line) });
    const log = lazyChildLogger(parent, { traceId: 'abc' }, {});
    log.debug('hidden');
    expect(lines).toEqual([]);
    log.info({ authorization: 'Bearer secret' }, 'shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ traceId: 'abc', msg: 'shown', authorization: '[redacted]' });
    log.child({ more: 1 }).warn('nested');
    expect(JSON.parse(lines[1]!)).toMatchObject({ traceId: 'abc', more: 1 });
  });
});
