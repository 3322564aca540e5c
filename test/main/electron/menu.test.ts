import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate, type MenuActions } from '../../../src/main/electron/menu';

function recorder() {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (c, p) => calls.push(p ? `${c} ${p}` : c),
    openMapping: () => calls.push('openMapping'),
    openRecent: (p) => calls.push(`recent ${p}`),
    openHelp: () => calls.push('help'),
  };
  return { calls, actions };
}

function find(items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  for (const item of items) {
    if (item.label === label) return item;
    if (Array.isArray(item.submenu)) {
      try {
        return find(item.submenu, label);
      } catch {
        // keep looking
      }
    }
  }
  throw new Error(`no menu item ${label}`);
}

const click = (item: MenuItemConstructorOptions) => (item.click as () => void)();

describe('menuTemplate', () => {
  it('has File, Edit, View and Help with the file commands (Dutch)', () => {
    const { calls, actions } = recorder();
    const t = menuTemplate(actions, {
      recent: ['/home/jan/Gemeente Ede.plekmap.json'],
      lang: 'nl',
      isMac: false,
      dev: false,
    });
    expect(t.map((i) => i.label)).toEqual(['Bestand', 'Bewerken', 'Beeld', 'Help']);
    click(find(t, 'Nieuw vanuit CSV…'));
    click(find(t, 'Nieuw vanuit Active Directory…'));
    click(find(t, 'Mapping openen…'));
    click(find(t, 'Opslaan'));
    click(find(t, 'Opslaan als…'));
    click(find(t, 'Gemeente Ede.plekmap.json'));
    expect(calls).toEqual([
      'new-csv',
      'new-ldap',
      'openMapping',
      'save',
      'save-as',
      'recent /home/jan/Gemeente Ede.plekmap.json',
    ]);
    const file = t[0]?.submenu as MenuItemConstructorOptions[];
    expect(file.at(-1)?.role).toBe('quit');
  });

  it('shows developer tools only in development', () => {
    const { actions } = recorder();
    const prod = JSON.stringify(menuTemplate(actions, { recent: [], lang: 'en', isMac: false, dev: false }));
    const dev = JSON.stringify(menuTemplate(actions, { recent: [], lang: 'en', isMac: false, dev: true }));
    expect(prod).not.toContain('toggleDevTools');
    expect(dev).toContain('toggleDevTools');
    expect(prod).toContain('(empty)');
  });
});
