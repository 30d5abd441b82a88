// Writes package.json's `contributes.commands` and `menus.commandPalette` from the command table,
// so the manifest and the code cannot drift (`npm run manifest`; a unit test checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { commandCategory, COMMANDS } from '../src/commandTable';

export function manifestCommands() {
  const list = Object.values(COMMANDS) as Array<{ id: string; title: string; icon?: string; palette?: false }>;
  return {
    commands: list.map((c) => ({ command: c.id, title: c.title, category: commandCategory(c.id), ...(c.icon ? { icon: `$(${c.icon})` } : {}) })),
    hiddenFromPalette: list.filter((c) => c.palette === false).map((c) => ({ command: c.id, when: 'false' })),
  };
}

if (require.main === module) {
  const file = path.resolve(__dirname, '..', 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  const { commands, hiddenFromPalette } = manifestCommands();
  pkg.contributes.commands = commands;
  pkg.contributes.menus.commandPalette = hiddenFromPalette;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`package.json: ${commands.length} commands, ${hiddenFromPalette.length} hidden from the palette`);
}
