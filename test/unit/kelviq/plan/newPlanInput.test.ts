// Create Plan…'s checks as you type: a specific message for each kind of wrong identifier.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IDENTIFIER_PATTERN } from '../../../../src/api/kelviq/catalogConstants';
import { slugify } from '../../../../src/domain/catalog';
import { checkPlanIdentifier, checkPlanName } from '../../../../src/domain/kelviq/plan/newPlanInput';

describe('domain/kelviq/plan: Create Plan input checks', () => {
  it('name: required, at most 255 characters', () => {
    assert.equal(checkPlanName('Pro Monthly'), undefined);
    assert.match(checkPlanName('   ') ?? '', /needs a name/);
    assert.match(checkPlanName('x'.repeat(256)) ?? '', /At most 255 characters \(this has 256\)/);
  });

  const cases: Array<[string, RegExp | undefined]> = [
    ['pro-monthly', undefined],
    ['pro_monthly_2', undefined],
    ['', undefined], // kelviq makes one from the name
    ['pro monthly', /No spaces: join words with hyphens/],
    ['Pro-Monthly', /Use lowercase letters: pro-monthly\./],
    ['pro.monthly', /“\.” cannot be used/],
    ['prö', /“ö” cannot be used/],
    ['-pro', /Start and end with a letter or a digit/],
    ['pro_', /Start and end with a letter or a digit/],
    ['pro--monthly', /one hyphen or underscore between words/],
    ['a'.repeat(51), /At most 50 characters \(this has 51\)/],
  ];
  for (const [text, expected] of cases) {
    it(`identifier ${JSON.stringify(text)} → ${expected ? expected.source : 'accepted'}`, () => {
      const problem = checkPlanIdentifier(text);
      if (expected) assert.match(problem ?? '(accepted)', expected);
      else assert.equal(problem, undefined);
    });
  }

  it('an identifier in use names the plan that has it (the name is untrusted: quoted plain text)', () => {
    const taken = new Map([['pro-monthly', 'Pro [x](command:y)\nMonthly']]);
    assert.equal(checkPlanIdentifier('pro-monthly', taken), 'The plan “Pro [x] (command∶y) Monthly” already has the identifier pro-monthly. Choose another.');
    assert.equal(checkPlanIdentifier('pro-yearly', taken), undefined);
  });

  it('a typed link is never echoed as a link', () => {
    const problem = checkPlanIdentifier('A[x](command:y)') ?? '';
    assert.ok(!problem.includes('](command:'), problem);
  });

  it('whatever it accepts, the API accepts; the suggestion from any name is accepted', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), (text) => checkPlanIdentifier(text) !== undefined || text.trim() === '' || (IDENTIFIER_PATTERN.test(text.trim()) && text.trim().length <= 50)));
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (name) => checkPlanIdentifier(slugify(name)) === undefined));
  });
});
