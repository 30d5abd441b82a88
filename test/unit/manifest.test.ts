// The command table (src/commandTable.ts) and package.json must agree: every contributed command is
// in the table with the same title, category and icon, hidden commands are hidden from the palette,
// and every menu entry or welcome-view link names a real command.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { manifestCommands } from '../../scripts/manifest';
import { commandCategory, COMMANDS } from '../../src/commandTable';

interface ManifestCommand {
  command: string;
  title: string;
  category?: string;
  icon?: string;
}
interface MenuEntry {
  command?: string;
  submenu?: string;
  when?: string;
  group?: string;
}
interface Manifest {
  contributes: {
    commands: ManifestCommand[];
    menus: Record<string, MenuEntry[]>;
    viewsWelcome?: Array<{ view: string; contents: string; when?: string }>;
  };
}

const PREFIX = /^(kelviq|zaveit)\./;
const FIX = 'Run `npx tsx scripts/manifest.ts` to regenerate package.json from src/commandTable.ts.';
const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const table = Object.values(COMMANDS) as ReadonlyArray<{ id: string; title: string; icon?: string; palette?: false }>;
const tableIds = new Set(table.map((c) => c.id));
const manifestById = new Map(pkg.contributes.commands.map((c) => [c.command, c]));
const menus = Object.entries(pkg.contributes.menus);

describe('package.json ↔ src/commandTable.ts', () => {
  it('package.json equals the output of scripts/manifest.ts', () => {
    const { commands, hiddenFromPalette } = manifestCommands();
    assert.deepEqual(pkg.contributes.commands, commands, `contributes.commands is out of date. ${FIX}`);
    assert.deepEqual(pkg.contributes.menus.commandPalette, hiddenFromPalette, `contributes.menus.commandPalette is out of date. ${FIX}`);
  });

  it('the table has commands, and no id twice', () => {
    assert.ok(table.length > 0);
    assert.equal(tableIds.size, table.length, `duplicate ids in COMMANDS: ${table.map((c) => c.id).join(', ')}`);
  });

  it('the manifest lists no command twice', () => {
    assert.equal(manifestById.size, pkg.contributes.commands.length, `duplicate commands in package.json. ${FIX}`);
  });

  describe('every table entry is contributed as declared', () => {
    for (const [key, c] of Object.entries(COMMANDS) as Array<[string, (typeof table)[number]]>) {
      it(`${key} (${c.id})`, () => {
        assert.match(c.id, PREFIX, `${c.id} must start with "kelviq." or "zaveit."`);
        const m = manifestById.get(c.id);
        assert.ok(m, `${c.id} is missing from contributes.commands. ${FIX}`);
        assert.equal(m.title, c.title, `title of ${c.id}. ${FIX}`);
        assert.equal(m.category, c.id.startsWith('zaveit.') ? 'Zaveit' : 'Kelviq', `category of ${c.id}. ${FIX}`);
        assert.equal(m.icon, c.icon === undefined ? undefined : `$(${c.icon})`, `icon of ${c.id}. ${FIX}`);
        const hidden = (pkg.contributes.menus.commandPalette ?? []).filter((e) => e.command === c.id);
        if (c.palette === false) assert.deepEqual(hidden, [{ command: c.id, when: 'false' }], `${c.id} must be hidden from the palette. ${FIX}`);
        else assert.deepEqual(hidden, [], `${c.id} must not be hidden from (or conditioned in) the palette. ${FIX}`);
      });
    }
  });

  it('the category follows the id: "Kelviq" for kelviq.*, "Zaveit" for zaveit.*', () => {
    assert.equal(commandCategory('kelviq.setApiKey'), 'Kelviq');
    assert.equal(commandCategory('zaveit.setToken'), 'Zaveit');
    assert.throws(() => commandCategory('other.command'));
  });

  it('every contributed command is in the table and starts with "kelviq." or "zaveit."', () => {
    const extra = pkg.contributes.commands.map((c) => c.command).filter((id) => !tableIds.has(id));
    assert.deepEqual(extra, [], `commands in package.json but not in src/commandTable.ts. Add them to COMMANDS, then: ${FIX}`);
    for (const c of pkg.contributes.commands) assert.match(c.command, PREFIX, c.command);
  });

  it('every command in contributes.menus.* exists in the table', () => {
    assert.ok(menus.length > 0);
    const unknown = menus.flatMap(([menu, entries]) => entries.filter((e) => e.command !== undefined && !tableIds.has(e.command)).map((e) => `${menu}: ${e.command}`));
    assert.deepEqual(unknown, []);
  });

  it('every menu entry in a navigation or inline group has an icon (those groups show icons only)', () => {
    const iconless = menus.flatMap(([menu, entries]) =>
      entries
        .filter((e) => e.command !== undefined && /^(navigation|inline)(@|$)/.test(e.group ?? ''))
        .filter((e) => manifestById.get(e.command ?? '')?.icon === undefined)
        .map((e) => `${menu}: ${e.command} (${e.group})`),
    );
    assert.deepEqual(iconless, []);
  });

  it('every command: link in the welcome views exists in the table', () => {
    const welcome = pkg.contributes.viewsWelcome ?? [];
    const links = welcome.flatMap((w) => [...w.contents.matchAll(/\(command:([^)?\s]+)/g)].map((m) => m[1] as string));
    assert.ok(links.length > 0, 'expected at least one command: link in contributes.viewsWelcome');
    const unknown = links.filter((id) => !tableIds.has(id));
    assert.deepEqual(unknown, []);
    for (const id of links) assert.match(id, PREFIX, id);
  });
});
