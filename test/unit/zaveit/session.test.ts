// The token expiry rule: warn in the last day, expired from `exp` on (epoch ms).
import * as assert from 'node:assert/strict';
import { describeExpiry, EXPIRY_WARNING_MS, formatDuration, tokenExpiry } from '../../../src/domain/zaveit/session';

const NOW = Date.parse('2025-03-01T12:00:00.000Z');
const HOUR = 3_600_000;

describe('Zaveit token expiry', () => {
  it('is valid with more than a day left, expires soon in the last day, expired from exp on', () => {
    assert.equal(tokenExpiry(NOW + 30 * 24 * HOUR, NOW).state, 'valid');
    assert.equal(tokenExpiry(NOW + EXPIRY_WARNING_MS, NOW).state, 'valid');
    assert.equal(tokenExpiry(NOW + EXPIRY_WARNING_MS - 1, NOW).state, 'expiresSoon');
    assert.equal(tokenExpiry(NOW + 1, NOW).state, 'expiresSoon');
    assert.equal(tokenExpiry(NOW, NOW).state, 'expired');
    assert.equal(tokenExpiry(NOW - HOUR, NOW).state, 'expired');
    assert.equal(tokenExpiry(Number.NaN, NOW).state, 'expired');
  });

  it('words durations in their largest whole unit', () => {
    assert.equal(formatDuration(3 * 24 * HOUR + 5 * HOUR), '3 days');
    assert.equal(formatDuration(5 * HOUR), '5 hours');
    assert.equal(formatDuration(HOUR), '1 hour');
    assert.equal(formatDuration(61_000), '1 minute');
    assert.equal(formatDuration(30_000), 'less than a minute');
  });

  it('says when the token expires, in UTC', () => {
    assert.equal(describeExpiry(NOW + 5 * HOUR, NOW), 'expires in 5 hours (2025-03-01 17:00 UTC)');
    assert.equal(describeExpiry(NOW - 2 * HOUR, NOW), 'expired 2 hours ago (2025-03-01 10:00 UTC)');
  });
});
