// Command arguments (a `command:` link can pass any): what kelviq.setApiKey, createProduct and
// switchEnvironment honour, and when Set API Key fills in npm start's demo key.
import * as assert from 'node:assert/strict';
import { acceptSetApiKeyArgs, testModeArgument } from '../../../src/kelviq/commandArguments';
import { demoKeyOffer, DEMO_KEY_VARIABLE } from '../../../src/kelviq/connection/demoKey';

describe('kelviq/connection: kelviq.setApiKey arguments', () => {
  const link = { apiKey: 'sk_attacker_0123456789', environment: 'production' };

  it('outside tests, a key and an environment passed as arguments are ignored (and say so)', () => {
    assert.deepEqual(acceptSetApiKeyArgs(link, false), { args: {}, ignored: true });
    assert.deepEqual(acceptSetApiKeyArgs({ apiKey: 'x' }, false), { args: {}, ignored: true });
    assert.deepEqual(acceptSetApiKeyArgs({ environment: 'sandbox' }, false), { args: {}, ignored: true });
  });

  it('in test mode, they are taken (ExtensionMode.Test: the extension-host suites)', () => {
    assert.deepEqual(acceptSetApiKeyArgs(link, true), { args: link, ignored: false });
    assert.deepEqual(acceptSetApiKeyArgs({ apiKey: 'k' }, true), { args: { apiKey: 'k' }, ignored: false });
  });

  it('in test mode, ill-typed values are dropped', () => {
    assert.deepEqual(acceptSetApiKeyArgs({ apiKey: 42, environment: 'elsewhere' }, true), { args: {}, ignored: false });
  });

  it('no arguments, or what a menu passes (a tree item, a URI), is not an argument', () => {
    for (const raw of [undefined, null, 'sk_x', 7, { id: 'kelviq.products' }, { scheme: 'file', path: '/x' }]) {
      assert.deepEqual(acceptSetApiKeyArgs(raw, false), { args: {}, ignored: false }, JSON.stringify(raw));
    }
  });
});

describe('kelviq: arguments of kelviq.createProduct and kelviq.switchEnvironment', () => {
  it('are dropped outside tests (and say so), kept in test mode', () => {
    const product = { name: 'Made by a link', taxCode: 'saas' };
    assert.deepEqual(testModeArgument(product, false), { value: undefined, ignored: true });
    assert.deepEqual(testModeArgument('production', false), { value: undefined, ignored: true });
    assert.deepEqual(testModeArgument(product, true), { value: product, ignored: false });
    assert.deepEqual(testModeArgument(undefined, false), { value: undefined, ignored: false });
  });
});

describe('kelviq/connection: the demo key npm start offers', () => {
  const env = { [DEMO_KEY_VARIABLE]: 'sk_sandbox_demo_0123456789abcdef' };
  const cases: Array<[string, { id: 'sandbox' | 'production' | 'custom'; baseUrl: string }, Record<string, string | undefined>, string | undefined]> = [
    ['custom on 127.0.0.1', { id: 'custom', baseUrl: 'http://127.0.0.1:4010/api/v1' }, env, env[DEMO_KEY_VARIABLE]],
    ['custom on localhost', { id: 'custom', baseUrl: 'http://localhost:4010/api/v1' }, env, env[DEMO_KEY_VARIABLE]],
    ['custom on a remote host', { id: 'custom', baseUrl: 'https://staging.example.com/api/v1' }, env, undefined],
    ['custom on 127.evil.com', { id: 'custom', baseUrl: 'http://127.evil.com/api/v1' }, env, undefined],
    ['sandbox', { id: 'sandbox', baseUrl: 'https://sandboxapi.kelviq.com/api/v1' }, env, undefined],
    ['production', { id: 'production', baseUrl: 'https://api.kelviq.com/api/v1' }, env, undefined],
    ['no variable', { id: 'custom', baseUrl: 'http://127.0.0.1:4010/api/v1' }, {}, undefined],
    ['an empty variable', { id: 'custom', baseUrl: 'http://127.0.0.1:4010/api/v1' }, { [DEMO_KEY_VARIABLE]: ' ' }, undefined],
    ['a value no key can be', { id: 'custom', baseUrl: 'http://127.0.0.1:4010/api/v1' }, { [DEMO_KEY_VARIABLE]: 'two words here' }, undefined],
  ];
  for (const [name, environment, vars, expected] of cases) {
    it(`${name} → ${expected === undefined ? 'no offer' : 'offered'}`, () => assert.equal(demoKeyOffer(environment, vars), expected));
  }
});
