// The environment rules keep the API key safe: a custom base URL comes only from the user's own
// settings, plain http only reaches loopback hosts, and a custom key is bound to its origin.
import assert from 'node:assert/strict';
import {
  checkCustomBaseUrl,
  ENVIRONMENT_IDS,
  environmentLabel,
  parseEnvironmentId,
  PRODUCTION_BASE_URL,
  resolveEnvironment,
  SANDBOX_BASE_URL,
  userValue,
  workspaceTriedToSet,
  type Environment,
  type EnvironmentId,
  type SettingScopes,
} from '../../src/domain/environment';

/** The resolved environment, or a test failure naming the problem. */
function resolved(id: EnvironmentId, scopes: SettingScopes<string> | undefined): Environment {
  const r = resolveEnvironment(id, scopes);
  assert.ok(r.ok, `expected ${id} with ${JSON.stringify(scopes)} to resolve, got: ${r.ok ? '' : r.problem}`);
  return r.environment;
}

function customKey(url: string): string {
  return resolved('custom', { globalValue: url }).secretKey;
}

describe('domain/environment', () => {
  // isLoopbackHost: see loopback.test.ts, which checks every user of the rule against one table.

  describe('checkCustomBaseUrl: accepted URLs are normalised', () => {
    const cases: Array<[string, string]> = [
      ['http://127.0.0.1:4010/api/v1', 'http://127.0.0.1:4010/api/v1'],
      ['http://127.0.0.1:4010/api/v1/', 'http://127.0.0.1:4010/api/v1'],
      ['http://localhost:4010/api/v1', 'http://localhost:4010/api/v1'],
      ['http://LocalHost:4010', 'http://localhost:4010'],
      ['http://[::1]:4010/api/v1', 'http://[::1]:4010/api/v1'],
      ['https://a.example', 'https://a.example'],
      ['https://a.example/', 'https://a.example'],
      ['https://a.example/api/v1///', 'https://a.example/api/v1'],
      ['  https://a.example/api/v1  ', 'https://a.example/api/v1'],
      ['https://A.EXAMPLE:443/API/', 'https://a.example/API'],
      ['https://a.example:8443/api/v1', 'https://a.example:8443/api/v1'],
      ['https://10.0.0.5/api/v1', 'https://10.0.0.5/api/v1'],
      ['https://a.example/x/../api/v1', 'https://a.example/api/v1'],
    ];
    for (const [raw, expected] of cases) {
      it(`${JSON.stringify(raw)} → ${expected}`, () => assert.deepEqual(checkCustomBaseUrl(raw), { ok: true, url: expected }));
    }
  });

  describe('checkCustomBaseUrl: rejected URLs name the problem', () => {
    const cases: Array<[string | undefined, RegExp]> = [
      [undefined, /No custom base URL is set/],
      ['', /No custom base URL is set/],
      ['   ', /No custom base URL is set/],
      ['not a url', /is not a valid URL/],
      ['a.example/api/v1', /is not a valid URL/],
      ['http://10.0.0.5/api/v1', /Plain http is allowed only for loopback hosts; use https for 10\.0\.0\.5/],
      ['http://a.example/api/v1', /Plain http .* a\.example/],
      ['http://localhost.evil.com/api/v1', /Plain http .* localhost\.evil\.com/],
      ['http://127.0.0.1.evil.com/', /Plain http/],
      ['http://localhost./', /Plain http/],
      ['http://0.0.0.0:4010/', /Plain http/],
      ['http://[::ffff:127.0.0.1]/', /Plain http/],
      // Loopback only as written: the URL parser would turn these into 127.0.0.1 / [::1].
      ['http://127.1/', /Write a loopback host .* as localhost, \[::1\] or 127\.x\.y\.z/],
      ['http://0x7f.1:4010/', /Write a loopback host/],
      ['http://2130706433/', /Write a loopback host/],
      ['http://[0:0:0:0:0:0:0:1]:4010/', /Write a loopback host/],
      ['http://127.evil.com/', /Plain http .* 127\.evil\.com/],
      ['https://user:pw@a.example', /must not contain a user name or password/],
      ['https://user@a.example', /must not contain a user name or password/],
      ['https://:pw@a.example', /must not contain a user name or password/],
      ['http://user:pw@127.0.0.1:4010', /must not contain a user name or password/],
      ['https://a.example/api/v1?x=1', /must not contain a query or fragment/],
      ['https://a.example/api/v1#top', /must not contain a query or fragment/],
      ['ftp://a.example/api/v1', /must use https .* not ftp:/],
      ['file:///etc/passwd', /must use https .* not file:/],
      ['javascript:alert(1)', /must use https .* not javascript:/],
      ['ws://127.0.0.1:4010', /must use https .* not ws:/],
    ];
    for (const [raw, problem] of cases) {
      it(`${JSON.stringify(raw)} is rejected`, () => {
        const r = checkCustomBaseUrl(raw);
        assert.equal(r.ok, false, `accepted as ${r.ok ? r.url : ''}`);
        if (!r.ok) assert.match(r.problem, problem);
      });
    }
    // check, and the normalisation `url.toString().replace(/\/+$/, '')`): an EMPTY query or fragment
    // marker has `url.search === ''` / `url.hash === ''`, so it passes the "no query or fragment"
    // rule, and since href keeps the marker the returned "normalised" URL still contains it.
    // Input 'https://a.example/api/v1?' → expected a "query or fragment" problem (or at least
    // 'https://a.example/api/v1'); actual { ok: true, url: 'https://a.example/api/v1?' }. Likewise
    // '…/api/v1#' → '…/api/v1#' and '…/api/v1/?#' → '…/api/v1/?#' (trailing slash not removed).
    // The origin is unchanged, so the key is not sent elsewhere, and api/http/baseUrl.ts only uses
    // origin + pathname; but the status bar / quick pick show the odd URL.
    for (const raw of ['https://a.example/api/v1?', 'https://a.example/api/v1#', 'https://a.example/api/v1/?#']) {
      it(`${JSON.stringify(raw)} (empty query/fragment marker) is rejected or stripped`, () => {
        const r = checkCustomBaseUrl(raw);
        if (r.ok) assert.equal(r.url, 'https://a.example/api/v1');
        else assert.match(r.problem, /query or fragment/);
      });
    }
  });

  describe('userValue / workspaceTriedToSet: only user (global) settings count', () => {
    const cases: Array<[string, SettingScopes<string> | undefined, string | undefined, boolean]> = [
      ['nothing inspected', undefined, undefined, false],
      ['nothing set', {}, undefined, false],
      ['default only', { defaultValue: '' }, '', false],
      ['user set', { defaultValue: '', globalValue: 'https://u.example' }, 'https://u.example', false],
      ['user set to empty', { defaultValue: 'https://d.example', globalValue: '' }, '', false],
      ['workspace only', { defaultValue: '', workspaceValue: 'https://evil.example' }, '', true],
      ['workspace only, no default', { workspaceValue: 'https://evil.example' }, undefined, true],
      ['folder only', { workspaceFolderValue: 'https://evil.example' }, undefined, true],
      ['workspace set to empty', { workspaceValue: '' }, undefined, true],
      [
        'user and workspace',
        { defaultValue: '', globalValue: 'https://u.example', workspaceValue: 'https://evil.example', workspaceFolderValue: 'https://evil2.example' },
        'https://u.example',
        true,
      ],
    ];
    for (const [name, scopes, expected, tried] of cases) {
      it(`${name} → ${JSON.stringify(expected)}, workspace tried: ${tried}`, () => {
        assert.equal(userValue(scopes), expected);
        assert.equal(workspaceTriedToSet(scopes), tried);
      });
    }
  });

  describe('resolveEnvironment', () => {
    it('sandbox and production are fixed, whatever the custom URL setting says', () => {
      const hostile: SettingScopes<string> = { globalValue: 'https://u.example', workspaceValue: 'https://evil.example' };
      for (const scopes of [undefined, hostile]) {
        assert.deepEqual(resolveEnvironment('sandbox', scopes), {
          ok: true,
          environment: { id: 'sandbox', label: 'Sandbox', baseUrl: SANDBOX_BASE_URL, secretKey: 'kelviq.apiKey.sandbox', isProduction: false },
        });
        assert.deepEqual(resolveEnvironment('production', scopes), {
          ok: true,
          environment: { id: 'production', label: 'Production', baseUrl: PRODUCTION_BASE_URL, secretKey: 'kelviq.apiKey.production', isProduction: true },
        });
      }
    });

    it('the built-in base URLs are https kelviq hosts that pass the custom URL rules unchanged', () => {
      assert.equal(SANDBOX_BASE_URL, 'https://sandboxapi.kelviq.com/api/v1');
      assert.equal(PRODUCTION_BASE_URL, 'https://api.kelviq.com/api/v1');
      for (const url of [SANDBOX_BASE_URL, PRODUCTION_BASE_URL]) assert.deepEqual(checkCustomBaseUrl(url), { ok: true, url });
    });

    describe('custom: the URL is taken from user settings only', () => {
      const cases: Array<[string, SettingScopes<string> | undefined, { baseUrl: string; label: string } | RegExp]> = [
        ['nothing inspected', undefined, /No custom base URL is set/],
        ['default empty, nothing set', { defaultValue: '' }, /No custom base URL is set/],
        ['workspace set, user set none', { defaultValue: '', workspaceValue: 'https://evil.example/api/v1' }, /No custom base URL is set/],
        ['workspace set, no default', { workspaceValue: 'https://evil.example/api/v1' }, /No custom base URL is set/],
        ['folder set, user set none', { defaultValue: '', workspaceFolderValue: 'http://127.0.0.1:4010/api/v1' }, /No custom base URL is set/],
        [
          'user and workspace set: the user wins',
          { defaultValue: '', globalValue: 'http://127.0.0.1:4010/api/v1', workspaceValue: 'https://evil.example/api/v1', workspaceFolderValue: 'https://evil2.example' },
          { baseUrl: 'http://127.0.0.1:4010/api/v1', label: 'Custom (127.0.0.1:4010)' },
        ],
        ['user set https', { globalValue: 'https://staging.example/api/v1/' }, { baseUrl: 'https://staging.example/api/v1', label: 'Custom (staging.example)' }],
        ['user set loopback http', { globalValue: 'http://localhost:4010/api/v1' }, { baseUrl: 'http://localhost:4010/api/v1', label: 'Custom (localhost:4010)' }],
        ['user set [::1]', { globalValue: 'http://[::1]:4010' }, { baseUrl: 'http://[::1]:4010', label: 'Custom ([::1]:4010)' }],
        ['user set non-loopback http', { globalValue: 'http://10.0.0.5/api/v1' }, /Plain http/],
        ['user set credentials', { globalValue: 'https://user:pw@x.example' }, /user name or password/],
        ['user set empty over a workspace value', { globalValue: '', workspaceValue: 'https://evil.example' }, /No custom base URL is set/],
      ];
      for (const [name, scopes, expected] of cases) {
        it(name, () => {
          const r = resolveEnvironment('custom', scopes);
          if (expected instanceof RegExp) {
            assert.equal(r.ok, false, `resolved to ${r.ok ? r.environment.baseUrl : ''}`);
            if (!r.ok) {
              assert.equal(r.id, 'custom');
              assert.equal(r.label, 'Custom');
              assert.match(r.problem, expected);
            }
          } else {
            assert.ok(r.ok, r.ok ? '' : r.problem);
            assert.equal(r.environment.id, 'custom');
            assert.equal(r.environment.baseUrl, expected.baseUrl);
            assert.equal(r.environment.label, expected.label);
            assert.equal(r.environment.isProduction, false);
            assert.equal(r.environment.secretKey, `kelviq.apiKey.custom.${new URL(expected.baseUrl).origin}`);
          }
        });
      }
    });

    describe('secret keys: one per environment, custom keys bound to the origin', () => {
      it('sandbox, production and a custom host use three different keys', () => {
        const keys = [resolved('sandbox', undefined).secretKey, resolved('production', undefined).secretKey, customKey('https://a.example')];
        assert.equal(new Set(keys).size, 3, keys.join(', '));
        for (const key of keys) assert.ok(key.startsWith('kelviq.apiKey.'), key);
      });

      it('a custom environment pointing at a built-in host still does not share that key', () => {
        assert.notEqual(customKey(SANDBOX_BASE_URL), resolved('sandbox', undefined).secretKey);
        assert.notEqual(customKey(PRODUCTION_BASE_URL), resolved('production', undefined).secretKey);
      });

      // Different origins (scheme, host or port) never share a key.
      const different: Array<[string, string]> = [
        ['https://a.example', 'https://b.example'],
        ['https://a.example/api/v1', 'https://a.example.evil.com/api/v1'],
        ['https://a.example', 'https://a.example:8443'],
        ['http://127.0.0.1:4010', 'http://127.0.0.1:4011'],
        ['http://127.0.0.1:4010', 'http://localhost:4010'],
        ['http://localhost:4010', 'https://localhost:4010'],
      ];
      for (const [a, b] of different) it(`${a} and ${b} use different keys`, () => assert.notEqual(customKey(a), customKey(b)));

      // Same origin, same key. This is intended: the key is bound to where it is sent (the origin),
      // and a different path on the same server receives it anyway, so re-asking would add nothing.
      const same: Array<[string, string]> = [
        ['https://a.example/api/v1', 'https://a.example/other'],
        ['https://a.example', 'https://a.example/api/v1/'],
        ['https://A.example:443/api/v1', 'https://a.example/api/v1'],
        ['http://127.0.0.1:4010/api/v1', 'http://127.0.0.1:4010/'],
      ];
      for (const [a, b] of same) it(`${a} and ${b} (same origin) share a key`, () => assert.equal(customKey(a), customKey(b)));

      it('the custom key names the origin', () => {
        assert.equal(customKey('https://A.example:443/api/v1/'), 'kelviq.apiKey.custom.https://a.example');
        assert.equal(customKey('http://127.0.0.1:4010/api/v1'), 'kelviq.apiKey.custom.http://127.0.0.1:4010');
      });
    });
  });

  describe('environmentLabel', () => {
    const cases: Array<[EnvironmentId, string]> = [
      ['sandbox', 'Sandbox'],
      ['production', 'Production'],
      ['custom', 'Custom'],
    ];
    for (const [id, label] of cases) it(`${id} → ${label}`, () => assert.equal(environmentLabel(id), label));

    it('agrees with the labels resolveEnvironment uses', () => {
      assert.equal(resolved('sandbox', undefined).label, environmentLabel('sandbox'));
      assert.equal(resolved('production', undefined).label, environmentLabel('production'));
      const failed = resolveEnvironment('custom', undefined);
      assert.equal(failed.ok ? undefined : failed.label, environmentLabel('custom'));
      assert.equal(resolved('custom', { globalValue: 'https://a.example' }).label, `${environmentLabel('custom')} (a.example)`);
    });
  });

  describe('parseEnvironmentId falls back to sandbox', () => {
    const cases: Array<[unknown, EnvironmentId]> = [
      ['sandbox', 'sandbox'],
      ['production', 'production'],
      ['custom', 'custom'],
      ['Production', 'sandbox'],
      [' production', 'sandbox'],
      ['live', 'sandbox'],
      ['', 'sandbox'],
      [undefined, 'sandbox'],
      [null, 'sandbox'],
      [1, 'sandbox'],
      [['production'], 'sandbox'],
      [{ toString: () => 'production' }, 'sandbox'],
    ];
    for (const [value, expected] of cases) it(`${JSON.stringify(value) ?? String(value)} → ${expected}`, () => assert.equal(parseEnvironmentId(value), expected));

    it('ENVIRONMENT_IDS lists the three environments', () => assert.deepEqual([...ENVIRONMENT_IDS], ['sandbox', 'production', 'custom']));
  });
});
