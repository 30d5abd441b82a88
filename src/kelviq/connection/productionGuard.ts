// The first write to production in a session asks for confirmation (setting
// `kelviq.confirmProductionWrites`); a save also shows the exact change it will send. The
// environment comes first in the dialog, so no product name (catalog data, plain text and cut
// short by showMessage) can push it out of view.
import * as vscode from 'vscode';
import type { Environment } from '../../domain/environment';
import { plainText } from '../../domain/untrustedText';
import type { DocumentTarget, WriteConfirmation } from '../../documents';
import { showMessage } from '../../userMessages';

export class ProductionGuard {
  private confirmedThisSession = false;

  /** Resolves true when the write may go ahead. `changes` lines are shown one per line, as plain text. */
  async confirmWrite(environment: Environment, action: string, changes: readonly string[] = []): Promise<boolean> {
    const target = { server: environment.baseUrl, label: environment.label, isProduction: environment.isProduction };
    return (await this.confirm(target, action, changes)) !== 'declined';
  }

  /** As confirmWrite, and says whether it asked (a save then reads the server again). */
  async confirm(target: DocumentTarget, action: string, changes: readonly string[] = []): Promise<WriteConfirmation> {
    if (!target.isProduction) return 'confirmed';
    const enabled = vscode.workspace.getConfiguration('kelviq').get<boolean>('confirmProductionWrites', true);
    if (!enabled || this.confirmedThisSession) return 'confirmed';
    const detail = [
      `This changes your live ${target.label} catalog (${target.server}).`,
      ...(changes.length > 0 ? ['', ...changes.map((line) => plainText(line, 300))] : []),
    ].join('\n');
    // The action can hold a product name: keep it on one line, and the environment first.
    const choice = await showMessage('warning', `Kelviq Production: ${plainText(action, 200)}?`, { modal: true, detail }, 'Write to Production');
    if (choice !== 'Write to Production') return 'declined';
    this.confirmedThisSession = true;
    return 'confirmedAfterAsking';
  }
}
