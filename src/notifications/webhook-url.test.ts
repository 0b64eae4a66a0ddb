import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import type { Resolver } from '../net/guarded-lookup.js';
import { destinationCheck } from './webhook-url.js';

/** A resolver with fixed answers; names it does not know do not resolve. */
const resolverOf =
  (answers: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const resolver = resolverOf({
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.1.2.3'],
  'half.example.com': ['93.184.215.14', '192.168.1.20'],
  'metadata.example.com': ['169.254.169.254'],
  'local.example.com': ['127.0.0.1'],
});
const strict = destinationCheck({ allowPrivate: false, resolver });
const development = destinationCheck({ allowPrivate: true, resolver });

describe('webhook and notification URLs', () => {
  it('accept public hosts, and names that do not resolve now (they are judged again at each delivery)', async () => {
    expect(await strict('https://hooks.example.com/assure')).toBeUndefined();
    expect(await strict('http://93.184.215.14:8080/x')).toBeUndefined();
    expect(await strict('https://not-yet-registered.example.org/')).toBeUndefined();
  });

  it.each([
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://0x7f.0.0.1/',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://0.0.0.0/',
    'http://10.0.0.1/',
    'http://172.16.5.4/',
    'http://192.168.1.1/',
    'http://100.64.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:169.254.169.254]/',
    'http://[64:ff9b::a9fe:a9fe]/',
    'http://[2002:a9fe:a9fe::]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
  ])('refuse the literal address %s', async (url) => {
    expect(await strict(url)).toMatch(/must point at a public address: .* is (?!unicast)\w+/);
  });

  it('refuse names that resolve to a non-public address, even one address of several', async () => {
    expect(await strict('https://internal.example.com/')).toBe(
      'must point at a public address: internal.example.com resolves to 10.1.2.3, which is private',
    );
    expect(await strict('https://half.example.com/')).toMatch(/192\.168\.1\.20, which is private/);
    expect(await strict('https://metadata.example.com/')).toMatch(/linkLocal/);
    expect(await strict('http://localhost:8080/')).toMatch(/localhost is loopback/);
    expect(await strict('http://api.localhost/')).toMatch(/loopback/);
    expect(await strict('http://LOCAL.example.com./')).toMatch(/127\.0\.0\.1, which is loopback/);
  });

  it('refuse what is not an http(s) URL, or carries credentials', async () => {
    expect(await strict('ftp://hooks.example.com/')).toBe('must be an http or https URL');
    expect(await strict('https://user:pass@hooks.example.com/')).toBe('must not contain a user name or password');
    expect(await strict('not a url')).toBe('must be an absolute URL');
  });

  it('accept loopback and private receivers for local development, never link-local', async () => {
    expect(await development('http://127.0.0.1:9000/hook')).toBeUndefined();
    expect(await development('https://internal.example.com/')).toBeUndefined();
    expect(await development('http://localhost:9000/')).toBeUndefined();
    expect(await development('http://169.254.169.254/')).toMatch(/linkLocal/);
    expect(await development('https://metadata.example.com/')).toMatch(/linkLocal/);
  });

  it('give up waiting for a slow resolver and leave the name to the delivery-time check', async () => {
    const slow = destinationCheck({ allowPrivate: false, resolver: () => new Promise(() => {}), timeoutMs: 50 });
    expect(await slow('https://slow.example.com/')).toBeUndefined();
  });
});
