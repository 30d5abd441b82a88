// Switch Environment and Change Custom URL…. Choosing Custom without a valid base URL asks for one
// (as does Change Custom URL…, prefilled with the current one). The URL goes to the *user*
// settings, the extension switches to Custom, and Set API Key follows when no key is stored for
// that origin. Escape at the URL leaves every setting as it was.
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandTable';
import { environmentLabel, ENVIRONMENT_IDS, type EnvironmentId } from '../../domain/environment';
import { plainText } from '../../domain/untrustedText';
import { showError, type Log } from '../../logging';
import { testModeArgument } from '../commandArguments';
import { setApiKey } from './apiKeyCommands';
import type { Connection } from './connection';
import { askCustomBaseUrl } from './customBaseUrlPrompt';
import type { Prompts } from './prompts';

type EnvironmentChoice = EnvironmentId | 'changeCustomUrl';

interface EnvironmentPick extends vscode.QuickPickItem {
  choice?: EnvironmentChoice;
}

export function registerEnvironmentCommands(context: vscode.ExtensionContext, connection: Connection, log: Log, prompts: Prompts): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.switchEnvironment.id, (raw?: EnvironmentId) => {
      // A command link could pass an environment: arguments count only in the extension's test mode.
      const { value, ignored } = testModeArgument(raw, context.extensionMode === vscode.ExtensionMode.Test);
      if (ignored) log.warn('kelviq.switchEnvironment was run with an argument; it is ignored outside tests, the environment is picked in a quick pick.');
      if (value !== undefined && !ENVIRONMENT_IDS.includes(value)) return undefined;
      return switchEnvironment(connection, log, prompts, value);
    }),
    vscode.commands.registerCommand(COMMANDS.changeCustomUrl.id, () => changeCustomUrl(connection, log, prompts)),
  );
}

async function switchEnvironment(connection: Connection, log: Log, prompts: Prompts, id?: EnvironmentId): Promise<void> {
  const choice = id ?? (await pickEnvironment(connection, prompts));
  if (choice === undefined) return;
  if (choice === 'changeCustomUrl' || (choice === 'custom' && !connection.resolve('custom').ok)) return changeCustomUrl(connection, log, prompts);
  if (choice === connection.currentId) return;
  try {
    await connection.switchTo(choice);
    log.info(`Switched to ${environmentLabel(choice)}.`);
  } catch (err) {
    await showError(log, 'Could not switch environment', err);
  }
}

async function pickEnvironment(connection: Connection, prompts: Prompts): Promise<EnvironmentChoice | undefined> {
  const currentId = connection.currentId;
  const customUrl = connection.customBaseUrl();
  const items: EnvironmentPick[] = ENVIRONMENT_IDS.map((envId) => {
    const r = connection.resolve(envId);
    return {
      choice: envId,
      label: environmentLabel(envId),
      description: plainText(r.ok ? r.environment.baseUrl : customUrl === undefined ? 'asks for its base URL' : r.problem, 200),
      detail: envId === currentId ? 'Current environment' : undefined,
    };
  });
  if (customUrl !== undefined) {
    items.push(
      { label: '', kind: vscode.QuickPickItemKind.Separator },
      { choice: 'changeCustomUrl', label: `$(${COMMANDS.changeCustomUrl.icon}) ${COMMANDS.changeCustomUrl.title}`, description: customUrl === undefined ? undefined : plainText(customUrl, 200) },
    );
  }
  const picked = await prompts.pick(items, { title: 'Kelviq: Switch Environment', placeHolder: 'Which kelviq environment should the extension use?' });
  return picked?.choice;
}

async function changeCustomUrl(connection: Connection, log: Log, prompts: Prompts): Promise<void> {
  const url = await askCustomBaseUrl(prompts, connection.customBaseUrl());
  if (url === undefined) return;
  try {
    await connection.setCustomBaseUrl(url);
    if (connection.currentId !== 'custom') await connection.switchTo('custom');
    const environment = connection.requireEnvironment('custom');
    log.info(`Switched to ${environment.label}: ${environment.baseUrl}.`);
    if (!(await connection.hasKey(environment))) await setApiKey(connection, log, prompts, { environment: 'custom' });
  } catch (err) {
    await showError(log, 'Could not change the Custom URL', err);
  }
}
