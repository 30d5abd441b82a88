// The Features view's commands: refresh, open (read-only document), create (guided prompts),
// archive (a modal naming the feature and the environment). A row's command acts on the
// environment the row was listed from; feature texts come from featureTexts.ts.
import * as vscode from 'vscode';
import type { CatalogFeature } from '../../api';
import { COMMANDS } from '../../commandTable';
import { ENVIRONMENT_IDS, type EnvironmentId } from '../../domain/environment';
import { isUuid } from '../../domain/kelviq/productUri';
import { showError, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { ProductionGuard } from '../connection/productionGuard';
import type { Prompts } from '../connection/prompts';
import { askNewFeature } from './createFeatureFlow';
import { featureCreateBody } from './createFeatureRules';
import { pickFeature } from './featurePicker';
import { archiveAction, archiveConfirmation, archivedNotice, createAction, creatingTitle } from './featureTexts';
import { FeatureNode } from './featureTreeItems';
import type { FeaturesTree } from './featuresTree';

/** Opens a feature's read-only document; provided by the document feature. */
export type OpenFeatureDocument = (environment: EnvironmentId, featureId: string, label?: string) => Promise<unknown>;

/** A feature command's target: a tree row, or an id (from a test or another extension). */
export type FeatureTarget = FeatureNode | { id: string; environment?: EnvironmentId } | string | undefined;

export interface FeatureCommandDeps {
  connection: Connection;
  tree: FeaturesTree;
  guard: ProductionGuard;
  log: Log;
  prompts: Prompts;
  openFeature: OpenFeatureDocument;
}

export function registerFeatureCommands(context: vscode.ExtensionContext, deps: FeatureCommandDeps): void {
  const { connection, tree, guard, log, prompts, openFeature } = deps;
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg(COMMANDS.refreshFeatures.id, () => tree.refresh());

  reg(COMMANDS.openFeature.id, async (target?: FeatureTarget) => {
    try {
      const resolved = resolveTarget(target, connection.currentId);
      if (resolved === 'invalid') return ignoreTarget(log, COMMANDS.openFeature.id);
      if (resolved) return await openFeature(resolved.environment, resolved.id, resolved.label);
      const { client, environment } = await connection.client();
      const picked = await pickFeature(client, `Kelviq: Open Feature (${environment.label})`);
      if (picked) return await openFeature(environment.id, picked.id, picked.identifier);
    } catch (err) {
      await showError(log, 'Could not open the feature', err);
    }
    return undefined;
  });

  reg(COMMANDS.createFeature.id, async () => {
    try {
      const { client, environment } = await connection.client();
      const answers = await askNewFeature(prompts, { environmentLabel: environment.label, takenIdentifiers: tree.identifiers(environment.id) });
      if (!answers) return undefined;
      const input = featureCreateBody(answers);
      if (!(await guard.confirmWrite(environment, createAction(input)))) return undefined;
      const feature = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: creatingTitle(input) }, () => client.createFeature(input));
      log.info(`Created feature ${feature.identifier} (${feature.id}, ${feature.featureType}) in ${environment.label}.`);
      tree.refresh();
      await openFeature(environment.id, feature.id, feature.identifier);
      return feature;
    } catch (err) {
      await showError(log, 'Could not create the feature', err);
      return undefined;
    }
  });

  reg(COMMANDS.archiveFeature.id, async (target?: FeatureTarget) => {
    try {
      const resolved = resolveTarget(target ?? selected(tree), connection.currentId);
      if (resolved === 'invalid') return ignoreTarget(log, COMMANDS.archiveFeature.id) ?? false;
      const { client, environment } = await connection.client(resolved?.environment);
      const id = resolved?.id ?? (await pickFeature(client, `Kelviq: Archive Feature (${environment.label})`))?.id;
      if (!id) return false;
      const feature: CatalogFeature = tree.find(environment.id, id) ?? (await client.getFeature(id));
      const { message, detail } = archiveConfirmation(feature, environment);
      const choice = await showMessage('warning', message, { modal: true, detail }, 'Archive');
      if (choice !== 'Archive') return false;
      if (!(await guard.confirmWrite(environment, archiveAction(feature)))) return false;
      await client.archiveFeature(feature.id);
      log.info(`Archived feature ${feature.identifier} (${feature.id}) in ${environment.label}.`);
      tree.remove(environment.id, feature.id);
      void showMessage('info', archivedNotice(feature, environment.label));
      return true;
    } catch (err) {
      await showError(log, 'Could not archive the feature', err);
      return false;
    }
  });
}

function selected(tree: FeaturesTree): FeatureNode | undefined {
  const node = tree.view?.selection[0];
  return node instanceof FeatureNode ? node : undefined;
}

/**
 * The feature a command argument names; undefined for none (the command asks), 'invalid' for an
 * argument that names no feature: only a feature id in a known environment reaches a request or a
 * document address (a command link could pass anything).
 */
function resolveTarget(target: FeatureTarget, fallbackEnvironment: EnvironmentId): { id: string; environment: EnvironmentId; label?: string } | 'invalid' | undefined {
  if (target === undefined || target === null) return undefined;
  if (target instanceof FeatureNode) return { id: target.feature.id, environment: target.environment, label: target.feature.identifier };
  const id: unknown = typeof target === 'string' ? target : (target as { id?: unknown }).id;
  if (typeof id !== 'string' || !isUuid(id)) return 'invalid';
  const environment: unknown = typeof target === 'string' ? fallbackEnvironment : (target.environment ?? fallbackEnvironment);
  if (!ENVIRONMENT_IDS.includes(environment as EnvironmentId)) return 'invalid';
  return { id: id.toLowerCase(), environment: environment as EnvironmentId };
}

function ignoreTarget(log: Log, command: string): undefined {
  log.warn(`${command} was run with an argument that names no feature (a feature ID is a UUID); it is ignored.`);
  return undefined;
}
