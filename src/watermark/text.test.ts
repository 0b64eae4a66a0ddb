import { describe, expect, it } from 'vitest';
import { escapeSvgText, singleLine } from './text.js';
import { wrapText } from './wrap.js';

describe('escapeSvgText', () => {
  it('escapes markup, so caller text cannot add elements or attributes', () => {
    expect(escapeSvgText(`</text><image href="file:///etc/passwd"/>&'`)).toBe(
      '&lt;/text&gt;&lt;image href=&quot;file:///etc/passwd&quot;/&gt;&amp;&#39;',
    );
  });

  it('replaces characters XML forbids, keeping the rest of the text', () => {
    expect(escapeSvgText('a\u0000b\u001bc\ud800d')).toBe('a b c d');
    expect(escapeSvgText('Zoë 😀 Ωmega')).toBe('Zoë 😀 Ωmega');
  });

  it('collapses line breaks and tabs to single spaces', () => {
    expect(singleLine('  Loan\n\tapplication  ')).toBe('Loan application');
  });
});

describe('wrapText', () => {
  it('breaks at spaces, cuts long words and ends a cut-off text with an ellipsis', () => {
    expect(wrapText('one two three four', 9, 5)).toEqual(['one two', 'three', 'four']);
    expect(wrapText('abcdefghijkl', 5, 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('one two three four', 9, 2)).toEqual(['one two', 'three…']);
  });
});
