// Switch Environment → Custom and Change Custom URL…, through the extension's commands. A person
// stand-in answers the prompts (promptAnswers.ts), so VS Code runs each input box's validation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { resolveEnvironment } from '../../src/domain/environment';
import type { KelviqExtensionApi } from '../../src/extension';
import { PromptAnswers, validation, type Answer } from './promptAnswers';
import { apiKey, baseUrl, extensionApi, productLabels, waitFor } from './support';

describe('Switch Environment → Custom', function () {
  const config = () => vscode.workspace.getConfiguration('kelviq');
  const userSetting = (key: string) => config().inspect<string>(key)?.globalValue;
  // The sandbox under another name: the same server, another origin, so no key is stored for it.
  const otherUrl = baseUrl.replace('//127.0.0.1:', '//localhost:');
  let api: KelviqExtensionApi;

  async function start(environment: string, customBaseUrl: string | undefined): Promise<void> {
    await config().update('environment', environment, vscode.ConfigurationTarget.Global);
    await config().update('customBaseUrl', customBaseUrl, vscode.ConfigurationTarget.Global);
  }

  function answer(...answers: Answer[]): PromptAnswers {
    const person = new PromptAnswers(answers);
    assert.ok(api.prompts, 'the extension offers its prompts to tests (ExtensionMode.Test)');
    api.prompts.answerWith(person);
    return person;
  }

  before(async () => {
    api = await extensionApi();
    assert.notEqual(otherUrl, baseUrl);
  });

  afterEach(async () => {
    api.prompts?.answerWith(undefined);
    const other = resolveEnvironment('custom', { globalValue: otherUrl });
    if (other.ok) await api.connection.deleteKey(other.environment);
    await start('custom', baseUrl); // the suite's own settings
  });

  it('asks for the URL when none is set, checks it as typed, writes it to the user settings, then asks for the key', async () => {
    await start('sandbox', undefined);
    const person = answer({ pick: 'Custom' }, { type: otherUrl }, { type: apiKey });
    await vscode.commands.executeCommand('kelviq.switchEnvironment');
    person.allUsed();

    const offered = person.picks[0] ?? [];
    assert.equal(offered.find((i) => i.label === 'Custom')?.description, 'asks for its base URL');
    assert.ok(!offered.some((i) => i.label.includes('Change Custom URL')), 'nothing to change yet');
    const [urlBox, keyBox] = person.inputs;
    assert.equal(urlBox?.value, '', 'no URL to prefill');
    assert.equal(await validation(urlBox, 'https://staging.example.com/api/v1'), undefined);
    assert.equal(await validation(urlBox, otherUrl), undefined, 'http on a loopback host');
    assert.match((await validation(urlBox, 'http://staging.example.com/api/v1')) ?? '', /Plain http is allowed only for loopback hosts/);
    assert.match((await validation(urlBox, 'ftp://127.0.0.1/api')) ?? '', /must use https/);
    assert.match((await validation(urlBox, 'https://user:pw@example.com')) ?? '', /user name or password/);
    assert.match((await validation(urlBox, '')) ?? '', /Enter the base URL/);
    assert.equal(keyBox?.password, true, 'then the key, in a password box');
    assert.match(keyBox?.title ?? '', /API Key for Custom \(localhost:\d+\)/);

    assert.equal(userSetting('customBaseUrl'), otherUrl, 'in the user settings');
    assert.equal(userSetting('environment'), 'custom');
    const environment = api.connection.requireEnvironment();
    assert.equal(environment.baseUrl, otherUrl);
    assert.equal(await api.connection.hasKey(environment), true, 'the key is stored for the new origin');
    await waitFor('the catalog through the new URL', async () => ((await productLabels(api)).length > 0 ? true : undefined));
  });

  it('leaves every setting as it was when the URL box is escaped', async () => {
    await start('sandbox', undefined);
    const person = answer({ pick: 'Custom' }, 'escape');
    await vscode.commands.executeCommand('kelviq.switchEnvironment');
    person.allUsed();
    assert.equal(userSetting('environment'), 'sandbox');
    assert.equal(userSetting('customBaseUrl'), undefined);

    await start('sandbox', otherUrl);
    const again = answer('escape');
    await vscode.commands.executeCommand('kelviq.changeCustomUrl');
    again.allUsed();
    assert.equal(again.inputs[0]?.value, otherUrl, 'prefilled with the current URL');
    assert.equal(userSetting('environment'), 'sandbox');
    assert.equal(userSetting('customBaseUrl'), otherUrl);
  });

  it('offers Change Custom URL… once a URL is set; a URL whose origin has a key needs no key prompt', async () => {
    await start('sandbox', otherUrl);
    const person = answer({ pick: 'Change Custom URL' }, { type: `${baseUrl}/` });
    await vscode.commands.executeCommand('kelviq.switchEnvironment');
    person.allUsed(); // no key prompt: the suite's key is stored for the sandbox's own origin

    const offered = person.picks[0] ?? [];
    assert.equal(offered.find((i) => i.label.includes('Change Custom URL…'))?.description, otherUrl);
    assert.equal(offered.find((i) => i.label === 'Custom')?.description, otherUrl);
    assert.equal(person.inputs[0]?.value, otherUrl, 'prefilled with the current URL');
    assert.equal(userSetting('customBaseUrl'), baseUrl, 'written normalised (no trailing slash)');
    assert.equal(userSetting('environment'), 'custom');
    await waitFor('the catalog', async () => ((await productLabels(api)).length > 0 ? true : undefined));
  });
});
