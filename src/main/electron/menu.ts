import type { MenuItemConstructorOptions } from 'electron';
import { basename } from 'node:path';
import type { MenuCommand } from '../../shared/api/contract';

export interface MenuActions {
  command(command: MenuCommand, path?: string): void;
  openMapping(): void;
  openRecent(path: string): void;
  openHelp(): void;
}

export type MenuLabels = Record<
  | 'file'
  | 'newCsv'
  | 'newLdap'
  | 'open'
  | 'save'
  | 'saveAs'
  | 'recent'
  | 'noRecent'
  | 'demo'
  | 'edit'
  | 'view'
  | 'help'
  | 'helpPlek',
  string
>;

export const LABELS: Record<'nl' | 'en', MenuLabels> = {
  nl: {
    file: 'Bestand',
    newCsv: 'Nieuw vanuit CSV…',
    newLdap: 'Nieuw vanuit Active Directory…',
    open: 'Mapping openen…',
    save: 'Opslaan',
    saveAs: 'Opslaan als…',
    recent: 'Recent geopend',
    noRecent: '(leeg)',
    demo: 'Demo openen',
    edit: 'Bewerken',
    view: 'Beeld',
    help: 'Help',
    helpPlek: 'Plek-helpcentrum',
  },
  en: {
    file: 'File',
    newCsv: 'New from CSV…',
    newLdap: 'New from Active Directory…',
    open: 'Open mapping…',
    save: 'Save',
    saveAs: 'Save As…',
    recent: 'Open Recent',
    noRecent: '(empty)',
    demo: 'Open demo',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    helpPlek: 'Plek help centre',
  },
};

/** The native menu as data (no Electron import), so a test can check it; `Menu.buildFromTemplate` turns it into a menu. */
export function menuTemplate(
  actions: MenuActions,
  options: { recent: readonly string[]; lang: 'nl' | 'en'; isMac: boolean; dev: boolean },
): MenuItemConstructorOptions[] {
  const t = LABELS[options.lang];
  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: t.noRecent, enabled: false }]
      : options.recent
          .slice(0, 10)
          .map((p) => ({ label: basename(p), sublabel: p, click: () => actions.openRecent(p) }));
  const file: MenuItemConstructorOptions = {
    label: t.file,
    submenu: [
      { label: t.newCsv, accelerator: 'CmdOrCtrl+N', click: () => actions.command('new-csv') },
      { label: t.newLdap, accelerator: 'CmdOrCtrl+Shift+N', click: () => actions.command('new-ldap') },
      { label: t.open, accelerator: 'CmdOrCtrl+O', click: () => actions.openMapping() },
      { label: t.recent, submenu: recent },
      { label: t.demo, click: () => actions.command('demo') },
      { type: 'separator' },
      { label: t.save, accelerator: 'CmdOrCtrl+S', click: () => actions.command('save') },
      { label: t.saveAs, accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.command('save-as') },
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: t.view,
    submenu: [
      ...(options.dev
        ? ([{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const)
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  return [
    ...(options.isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { label: t.edit, role: 'editMenu' },
    view,
    { label: t.help, role: 'help', submenu: [{ label: t.helpPlek, click: () => actions.openHelp() }] },
  ];
}
