// Open Feature… from the palette: every feature of the environment in a quick pick (features
// lists are small), searchable by name, type and identifier. Texts are plain (featureTexts.ts).
import * as vscode from 'vscode';
import type { CatalogFeature, KelviqClient } from '../../api';
import { featurePickTexts } from './featureTexts';

export async function pickFeature(client: KelviqClient, title: string): Promise<CatalogFeature | undefined> {
  const abort = new AbortController();
  const items = client.listAllFeatures({ signal: abort.signal }).then((features) => features.map((feature) => ({ ...featurePickTexts(feature), feature })));
  try {
    const picked = await vscode.window.showQuickPick(items, { title, placeHolder: 'Type to filter by name, type or identifier', matchOnDescription: true, matchOnDetail: true });
    return picked?.feature;
  } finally {
    abort.abort(); // closed before the list arrived: stop loading it
  }
}
