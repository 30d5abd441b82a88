import assert from 'node:assert/strict';
import fc from 'fast-check';
import { depthExceededAt, MAX_JSON_DEPTH, valueExceedsDepth } from '../../../src/domain/document';
import { baseProduct } from '../kelviq/product/fixtures';

/** `levels` nested objects ({"a":{"a":…{}}}), built iteratively. */
function nestedObjects(levels: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
}

describe('depthExceededAt', () => {
  it('a 10,000-deep [[[[…]]]] text: found at the bracket that opens level limit + 1, without a stack overflow', () => {
    const text = '['.repeat(10_000) + ']'.repeat(10_000);
    assert.equal(depthExceededAt(text), MAX_JSON_DEPTH);
    assert.equal(text[MAX_JSON_DEPTH], '[');
    assert.equal(depthExceededAt(text, 9_999), 9_999);
    assert.equal(depthExceededAt(text, 10_000), -1);
  });

  it('a deep object text: the offset of the first "{" past the limit', () => {
    const levels = 10_000;
    const text = '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
    assert.equal(depthExceededAt(text), MAX_JSON_DEPTH * '{"a":'.length);
    assert.equal(depthExceededAt(text, 2), 10);
  });

  it('exactly at the limit is fine; one more level is not', () => {
    const at = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    assert.equal(depthExceededAt(at(MAX_JSON_DEPTH)), -1);
    assert.equal(depthExceededAt(at(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH);
    assert.equal(depthExceededAt('{"a":[{"b":[]}]}', 4), -1);
    assert.equal(depthExceededAt('{"a":[{"b":[]}]}', 3), '{"a":[{"b":'.length);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    const text = JSON.stringify(Array.from({ length: 1000 }, () => [[1]]));
    assert.equal(depthExceededAt(text, 3), -1);
    assert.equal(depthExceededAt(text, 2), 2);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '[[[[{{{{', t: 'a "quoted" [[[ \\" {{{', u: ['"[', '\\[', '\\"{'] });
    assert.equal(depthExceededAt(text, 2), -1);
    assert.equal(depthExceededAt(text, 1), text.indexOf('"u":[') + 4, 'the real array still counts');
    assert.equal(depthExceededAt('"[[[[[[" ', 0), -1);
  });

  it('an escaped backslash right before a closing quote ends the string', () => {
    // ["x\\",["y"]]: the string is `x\`, so the second "[" is real.
    const text = JSON.stringify(['x\\', ['y']]);
    assert.equal(text, '["x\\\\",["y"]]');
    assert.equal(depthExceededAt(text, 1), text.indexOf('[', 1));
  });

  it('brackets after a string with brackets in it are counted from the right depth', () => {
    const text = '{"k":"[[[[", "n":[[1]]}';
    assert.equal(depthExceededAt(text, 3), -1);
    assert.equal(depthExceededAt(text, 2), text.indexOf('[[1') + 1);
  });

  it('text without brackets, and broken text, do not throw', () => {
    assert.equal(depthExceededAt(''), -1);
    assert.equal(depthExceededAt('42'), -1);
    assert.equal(depthExceededAt(']]]}}}['), -1);
    assert.equal(depthExceededAt('"unterminated [[[['), -1);
  });

  it('a normal product document passes', () => {
    assert.equal(depthExceededAt(JSON.stringify(baseProduct(), null, 2)), -1);
  });
});

describe('valueExceedsDepth', () => {
  it('a 10,000-deep nested object (built iteratively): true, without throwing', () => {
    const deep = nestedObjects(10_000);
    let result: boolean | undefined;
    assert.doesNotThrow(() => (result = valueExceedsDepth(deep)));
    assert.equal(result, true);
  });

  it('a 10,000-deep nested array: true', () => {
    let deep: unknown = [];
    for (let i = 0; i < 10_000; i++) deep = [deep];
    assert.equal(valueExceedsDepth(deep), true);
  });

  it('exactly at the limit is fine; one more level is not', () => {
    assert.equal(valueExceedsDepth(nestedObjects(MAX_JSON_DEPTH)), false);
    assert.equal(valueExceedsDepth(nestedObjects(MAX_JSON_DEPTH + 1)), true);
    assert.equal(valueExceedsDepth({ a: [{ b: [] }] }, 4), false);
    assert.equal(valueExceedsDepth({ a: [{ b: [] }] }, 3), true);
  });

  it('primitives never exceed; wide values are not deep', () => {
    for (const v of [null, undefined, 0, 'x', true]) assert.equal(valueExceedsDepth(v, 0), false);
    assert.equal(valueExceedsDepth(Array.from({ length: 10_000 }, (_, i) => ({ i })), 2), false);
  });

  it('a normal product document passes', () => {
    assert.equal(valueExceedsDepth(baseProduct()), false);
  });

  it('agrees with depthExceededAt on the JSON text of any value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 0, max: 7 }), (value, limit) => {
        const text = JSON.stringify(value);
        const at = depthExceededAt(text, limit);
        assert.equal(at !== -1, valueExceedsDepth(value, limit), text);
        if (at !== -1) assert.ok(text[at] === '[' || text[at] === '{', `a bracket at ${at} in ${text}`);
      }),
      { numRuns: 300 },
    );
  });
});
