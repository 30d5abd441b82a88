// The first write to production in a session asks for confirmation (setting
// `kelviq.confirmProductionWrites`); a save also shows the exact change it will send.
import * as vscode from 'vscode';
import type { Environment } from '../../domain/environment';

export class ProductionGuard {
  private confirmedThisSession = false;

  /** Resolves true when the write may go ahead. `changes` lines are shown verbatim. */
  async confirmWrite(environment: Environment, action: string, changes: readonly string[] = []): Promise<boolean> {
    if (!environment.isProduction) return true;
    const enabled = vscode.workspace.getConfiguration('kelviq').get<boolean>('confirmProductionWrites', true);
    if (!enabled || this.confirmedThisSession) return true;
    const detail = [
      `This changes your live ${environment.label} catalog (${environment.baseUrl}).`,
      ...(changes.length > 0 ? ['', ...changes] : []),
    ].join('\n');
    const choice = await vscode.window.showWarningMessage(`Kelviq Production: ${action}?`, { modal: true, detail }, 'Write to Production');
    if (choice !== 'Write to Production') return false;
    this.confirmedThisSession = true;
    return true;
  }
}
