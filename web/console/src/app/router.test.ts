import { describe, expect, it } from 'vitest';
import { href, parseRoute } from './router';

describe('console routes', () => {
  it('opens on the overview', () => {
    expect(parseRoute('')).toEqual({ page: 'overview' });
    expect(parseRoute('#/')).toEqual({ page: 'overview' });
  });

  it('reads list pages and pages of one thing', () => {
    expect(parseRoute('#/audit')).toEqual({ page: 'audit' });
    expect(parseRoute('#/process/abc-1')).toEqual({ page: 'process', id: 'abc-1' });
    expect(parseRoute(href('dossier', 'a/b c'))).toEqual({ page: 'dossier', id: 'a/b c' });
  });

  it('does not guess at anything else', () => {
    expect(parseRoute('#/audit/1')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/process')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/process/1/2')).toEqual({ page: 'notFound' });
    expect(parseRoute('#/constructor')).toEqual({ page: 'notFound' });
  });
});
