// The key, redacted everywhere: what redact() catches of a key a server echoes, and which request
// ids are kept.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redact, safeRequestId } from '../../../src/api/http/errors';

const KEY = 'sk_live_Q7c+9/x=Zk3Lm0PaaBb';
const b64 = Buffer.from(KEY).toString('base64');

describe('api/http/errors: redact', () => {
  const cases: Array<[string, string, string]> = [
    ['the exact key', `key ${KEY} rejected`, 'key [redacted] rejected'],
    ['upper case', `KEY ${KEY.toUpperCase()}!`, 'KEY [redacted]!'],
    ['lower case', `(${KEY.toLowerCase()})`, '([redacted])'],
    ['base64', `auth ${b64}`, 'auth [redacted]'],
    ['base64 without padding', `auth ${b64.replace(/=+$/, '')};`, 'auth [redacted];'],
    ['base64url', `t=${Buffer.from(KEY).toString('base64url')}&`, 't=[redacted]&'],
    ['URL-encoded', `?key=${encodeURIComponent(KEY)}&x=1`, '?key=[redacted]&x=1'],
    ['URL-encoded with lower-case escapes', `?key=${encodeURIComponent(KEY).toLowerCase()}`, '?key=[redacted]'],
    ['truncated to 8 characters', `key ${KEY.slice(0, 8)}… rejected`, 'key [redacted]… rejected'],
    ['truncated to 15 characters, then other text', `${KEY.slice(0, 15)}XYZ`, '[redacted]XYZ'],
    ['a truncated base64 form', `${b64.slice(0, 10)}`, '[redacted]'],
    ['twice, in two forms', `${KEY} and ${b64}`, '[redacted] and [redacted]'],
    ['7 characters of it are not enough', `${KEY.slice(0, 7)}`, KEY.slice(0, 7)],
    ['unrelated text is left alone', 'Invalid API key.', 'Invalid API key.'],
    ['non-ASCII text keeps its offsets', `İstanbul ${KEY} ß`, 'İstanbul [redacted] ß'],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(redact(text, [KEY]), expected));

  it('ignores secrets shorter than 4 characters and catches 4..7-character ones whole only', () => {
    assert.equal(redact('abc abc', ['abc']), 'abc abc');
    assert.equal(redact('x abcde y ABCDE abcd', ['abcde']), 'x [redacted] y [redacted] abcd');
  });

  it('never leaves the key, in any of its forms, anywhere in any text', () => {
    const forms = [KEY, KEY.toUpperCase(), b64, Buffer.from(KEY).toString('base64url'), encodeURIComponent(KEY), KEY.slice(0, 9)];
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom(...forms), fc.string({ maxLength: 30 }), (before, form, after) => {
        const out = redact(`${before}${form}${after}`, [KEY]);
        return !out.includes(form);
      }),
    );
  });
});

describe('api/http/errors: safeRequestId', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['req_0123456789', 'req_0123456789'],
    ['a1b2-c3d4.e5:f6_G7', 'a1b2-c3d4.e5:f6_G7'],
    ['x'.repeat(128), 'x'.repeat(128)],
    ['x'.repeat(129), undefined],
    ['', undefined],
    ['has space', undefined],
    ['[Open](command:kelviq.signOut)', undefined],
    ['line\nbreak', undefined],
    [`req_${KEY.replace(/[^A-Za-z0-9_]/g, '')}`, undefined], // the key's first characters
    [Buffer.from(KEY).toString('base64url'), undefined],
    [undefined, undefined],
  ];
  for (const [raw, expected] of cases) it(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => assert.equal(safeRequestId(raw, [KEY]), expected));
});
