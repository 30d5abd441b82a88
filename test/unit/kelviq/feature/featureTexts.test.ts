// Hostile text must stay text: the Features view's row texts and tooltip, the Open Feature… items
// and the archive dialog, built from the names, identifiers, descriptions and types a shared
// catalog may hold.
import * as assert from 'node:assert/strict';
import type { CatalogFeature } from '../../../../src/api/kelviq/featureSchemas';
import {
  archiveAction,
  archiveConfirmation,
  archivedNotice,
  createAction,
  creatingTitle,
  featurePickTexts,
  featureRowTexts,
  featureTooltipText,
} from '../../../../src/kelviq/features/featureTexts';
import { booleanFeature, meterFeature } from './fixtures';

const LINK = '[x](command:y)';
const SETTINGS_LINK = '[Open settings](command:kelviq.setApiKey?%7B%22apiKey%22%3A%22sk_attacker%22%7D)';
/** VS Code's link syntax in notification and hover text (vs/base/common/linkedText.ts). */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const production = { label: 'Production', baseUrl: 'https://api.kelviq.com/api/v1' };

function assertInert(text: string, { multiline = false } = {}): void {
  assert.ok(!text.includes('](command:'), `a command link in ${JSON.stringify(text)}`);
  assert.equal(VSCODE_LINK.exec(text), null, `a link in ${JSON.stringify(text)}`);
  assert.ok(!/command:/i.test(text), `a bare command URI in ${JSON.stringify(text)}`);
  assert.ok(!/\$\([a-z0-9-]+\)/i.test(text), `an icon in ${JSON.stringify(text)}`);
  assert.ok(!/[\r\u202a-\u202e\u2066-\u2069]/.test(text), `a carriage return or bidi control in ${JSON.stringify(text)}`);
  if (!multiline) assert.ok(!text.includes('\n'), `a line break in ${JSON.stringify(text)}`);
}

const hostileNames = [
  LINK,
  `Calls ${SETTINGS_LINK}`,
  '`code` ``more`` ```fenced```',
  'line one\nline two\r\n\n\nline five',
  '<command:workbench.action.terminal.new>',
  '$(check) Verified',
  'Foo” in Sandbox?\n\n\n\n“Bar',
  'Safe\u202E noitcudorP ni',
  'N'.repeat(5000),
];

describe('kelviq/features: texts built from catalog data', () => {
  describe('the tree row', () => {
    it('label = name, description = the type in words', () => {
      assert.deepEqual(
        [booleanFeature(), meterFeature({ featureType: 'CUSTOMIZABLE', name: 'Seats' }), meterFeature()].map((f) => [featureRowTexts(f).label, featureRowTexts(f).description]),
        [['Single sign-on', 'boolean'], ['Seats', 'customizable limit'], ['API calls', 'meter']],
      );
    });

    it('a type the API adds later is shown as sent, on one line', () => {
      assert.equal(featureRowTexts(meterFeature({ featureType: 'TIERED\nNEW' })).description, 'TIERED NEW');
    });

    it('an empty name falls back to the identifier', () => {
      assert.equal(featureRowTexts(meterFeature({ name: '   ' })).label, 'api-calls');
    });

    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 40))}: one short line`, () => {
        const { label, description, accessibility } = featureRowTexts(meterFeature({ name, identifier: name }));
        for (const t of [label, description, accessibility]) assert.ok(!/[\r\n\u202a-\u202e]/.test(t), JSON.stringify(t));
        assert.ok(label.length <= 200);
      });
    }
  });

  describe('the tooltip (a plain string)', () => {
    it('names the feature, its identifier and type (a meter with kind and units), description and ID', () => {
      assert.equal(
        featureTooltipText(meterFeature()),
        ['API calls', 'api-calls · meter: pre-aggregated usage, calls', 'Number of API calls per billing cycle.', 'ID 3a3e92ab-90a3-4f43-8e87-9d4c8c5a9c01'].join('\n'),
      );
      assert.equal(featureTooltipText(booleanFeature({ description: null })), ['Single sign-on', 'sso · boolean', 'ID 5b7c1e0a-2f4d-4c8e-9a6b-0d1e2f3a4b5c'].join('\n'));
    });

    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 40))} in every field: still four lines, no link, no icon`, () => {
        const hostile: CatalogFeature = meterFeature({
          name,
          identifier: name,
          description: name,
          featureType: 'METER',
          featureDetails: { featureSubType: name, units: { singular: name, plural: name } },
        });
        const text = featureTooltipText(hostile);
        assertInert(text, { multiline: true });
        assert.equal(text.split('\n').length, 4, text);
        assert.ok(text.length < 2500, 'each value is cut short');
      });
    }

    it('backticks stay literal text (a plain string is no Markdown)', () => {
      assert.ok(featureTooltipText(meterFeature({ name: '`rm -rf`' })).startsWith('`rm -rf`\n'));
    });
  });

  describe('Open Feature… items', () => {
    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 40))}: plain text`, () => {
        const t = featurePickTexts(meterFeature({ name, identifier: name, featureType: name }));
        for (const text of [t.label, t.description, t.detail]) assertInert(text);
      });
    }
  });

  describe('the archive dialog and notices', () => {
    for (const name of hostileNames) {
      it(`${JSON.stringify(name.slice(0, 40))}: no link, and the message still ends "in Production?"`, () => {
        const { message, detail } = archiveConfirmation({ name, identifier: name }, production);
        assertInert(message);
        assertInert(detail);
        assert.match(message, /^Archive feature “[^“”]*”( \([^\n]*\))? in Production\?$/);
        assert.ok(message.length < 300, 'the name is cut short, so the environment stays in view');
        assert.ok(detail.startsWith('In Production (https://api.kelviq.com/api/v1).'));
        for (const text of [archivedNotice({ name }, 'Production'), archiveAction({ name }), createAction({ name }), creatingTitle({ name })]) assertInert(text);
        assert.match(archivedNotice({ name }, 'Production'), / in Production\.$/);
      });
    }

    it('says what archiving does and that it cannot be undone', () => {
      const { message, detail } = archiveConfirmation({ name: 'API calls', identifier: 'api-calls' }, production);
      assert.equal(message, 'Archive feature “API calls” (api-calls) in Production?');
      assert.match(detail, /cannot be undone/);
      assert.match(detail, /pricing tables/);
    });
  });
});
