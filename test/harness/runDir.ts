// Hermetic folders for one run of a real VS Code: its own HOME, user data, extensions, browser
// profile and workspace, under the git-ignored `.run/`. Nothing of the developer's leaks in.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');

export interface RunDir {
  readonly root: string;
  readonly home: string;
  readonly userData: string;
  readonly extensions: string;
  readonly serverData: string;
  readonly browserProfile: string;
  readonly workspace: string;
  readonly logs: string;
  /** Environment for a server process: HOME, XDG and TMP point inside the run folder. */
  env(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

/** A new folder under .run/ for each run; `persistent` reuses .run/<label> (npm start). */
export function createRunDir(label: string, userSettings: Record<string, unknown>, persistent = false): RunDir {
  const base = path.join(repoRoot, '.run');
  mkdirSync(base, { recursive: true });
  const root = persistent ? path.join(base, label) : mkdtempSync(path.join(base, `${label}-`));
  mkdirSync(root, { recursive: true });
  const dir = (name: string) => {
    const p = path.join(root, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const home = dir('home');
  const userData = dir('user-data');
  const tmp = dir('tmp');
  const run: RunDir = {
    root,
    home,
    userData,
    extensions: dir('extensions'),
    serverData: dir('server-data'),
    browserProfile: dir('browser'),
    workspace: dir('workspace'),
    logs: dir('logs'),
    env(extra = {}) {
      return {
        PATH: process.env.PATH,
        LANG: 'C.UTF-8',
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
        TMPDIR: tmp,
        ...extra,
      };
    },
  };
  writeUserSettings(run, userSettings);
  return run;
}

/** The quiet, offline, deterministic settings every harness run starts from. */
export const baseUserSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'window.confirmBeforeClose': 'never',
  'files.autoSave': 'off',
  'editor.acceptSuggestionOnEnter': 'on',
  // Run folders live inside this repository: do not offer to open it.
  'git.openRepositoryInParentFolders': 'never',
};

function writeUserSettings(run: RunDir, settings: Record<string, unknown>): void {
  const json = JSON.stringify({ ...baseUserSettings, ...settings }, null, 2);
  // code-server and VS Code's server read user settings from <user-data>/User; VS Code's web
  // server keeps them under <server-data>/data/User. Seed both so either server picks them up.
  for (const dir of [path.join(run.userData, 'User'), path.join(run.serverData, 'data', 'User')]) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'settings.json'), json);
  }
}
