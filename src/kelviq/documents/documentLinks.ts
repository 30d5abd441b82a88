// Names of other catalog objects in kelviq documents become links to those objects' documents:
// a product's plans, a plan's product, the features of a plan's entitlements and charges. The
// targets are this extension's own `kelviq:` addresses, built from values of the exact shape the
// API addresses (never a URL or a command taken from the text). A feature named by identifier is
// resolved to its UUID when the link is followed: from the features the last plan read listed,
// else from the server.
import * as vscode from 'vscode';
import { core } from '../../coreLoader';
import type { EnvironmentId } from '../../domain/environment';
import type { LinkTarget } from '../../domain/kelviq/documentLinks';
import { parsePlanPath } from '../../domain/kelviq/planUri';
import { parseProductPath, PRODUCT_SCHEME } from '../../domain/kelviq/productUri';
import { plainText } from '../../domain/untrustedText';
import { userMessage, type Log } from '../../logging';
import { showMessage } from '../../userMessages';
import type { Connection } from '../connection/connection';
import type { KnownFeatures } from './knownFeatures';
import { featureUri, planUri } from './planUris';
import { productUri } from './productUris';

/** A link to a feature named by identifier: its target is found when it is followed. */
class FeatureLink extends vscode.DocumentLink {
  constructor(
    range: vscode.Range,
    readonly environment: EnvironmentId,
    readonly identifier: string,
  ) {
    super(range);
    this.tooltip = `Open the feature ${plainText(identifier, 80)}`;
  }
}

export class KelviqDocumentLinks implements vscode.DocumentLinkProvider {
  constructor(
    private readonly deps: { connection: Connection; features: KnownFeatures; log: Log },
  ) {}

  provideDocumentLinks(document: vscode.TextDocument): vscode.DocumentLink[] {
    if (document.uri.scheme !== PRODUCT_SCHEME) return [];
    const product = parseProductPath(document.uri.path);
    const plan = product ? undefined : parsePlanPath(document.uri.path);
    const environment = product?.environment ?? plan?.environment;
    if (!environment) return [];
    const targets = product ? core().productDocumentLinks(document.getText()) : core().planDocumentLinks(document.getText());
    return targets.map((t) => {
      const range = new vscode.Range(document.positionAt(t.offset), document.positionAt(t.offset + t.length));
      return this.link(range, environment, t.target);
    });
  }

  private link(range: vscode.Range, environment: EnvironmentId, target: LinkTarget): vscode.DocumentLink {
    switch (target.kind) {
      case 'plan':
        return withTooltip(new vscode.DocumentLink(range, planUri(environment, target.identifier)), `Open the plan ${target.identifier}`);
      case 'product':
        return withTooltip(new vscode.DocumentLink(range, productUri(environment, target.productId, target.productId)), 'Open the product');
      case 'featureId': {
        const known = this.deps.features.byId(environment, target.featureId);
        return withTooltip(new vscode.DocumentLink(range, featureUri(environment, target.featureId, known?.identifier ?? target.featureId)), 'Open the feature');
      }
      case 'feature': {
        const known = this.deps.features.byIdentifier(environment, target.identifier);
        if (known) return withTooltip(new vscode.DocumentLink(range, featureUri(environment, known.id, known.identifier)), `Open the feature ${plainText(target.identifier, 80)}`);
        return new FeatureLink(range, environment, target.identifier);
      }
    }
  }

  async resolveDocumentLink(link: vscode.DocumentLink, token: vscode.CancellationToken): Promise<vscode.DocumentLink> {
    if (!(link instanceof FeatureLink)) return link;
    const abort = new AbortController();
    const sub = token.onCancellationRequested(() => abort.abort());
    try {
      const known = this.deps.features.byIdentifier(link.environment, link.identifier);
      const { client } = await this.deps.connection.client(link.environment);
      const feature = known ?? (await client.listAllFeatures({ search: link.identifier, signal: abort.signal })).find((f) => f.identifier === link.identifier);
      if (feature) link.target = featureUri(link.environment, feature.id, feature.identifier);
      else void showMessage('warning', `This environment has no feature ${plainText(link.identifier, 80)} (it may have been archived).`);
    } catch (err) {
      this.deps.log.error(`Following the link to the feature ${link.identifier} failed: ${userMessage(err)}`);
      void showMessage('error', `Could not open the feature: ${plainText(userMessage(err), 200)}`);
    } finally {
      sub.dispose();
    }
    return link;
  }
}

function withTooltip(link: vscode.DocumentLink, tooltip: string): vscode.DocumentLink {
  link.tooltip = tooltip;
  return link;
}
