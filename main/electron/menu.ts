import { Menu, dialog, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { TFunction } from 'i18next';
import type { MenuRoute } from '../api/push';
import { push } from './lifecycle';

export interface MenuActions {
  window: () => BrowserWindow | undefined;
  dataDir: string;
  version: string;
}

/** File, Edit, View, Help, in the user's language (rebuilt when the language changes). */
export function buildMenu(t: TFunction, { window, dataDir, version }: MenuActions): Menu {
  const navigate = (route: MenuRoute) => {
    const target = window();
    if (target && !target.isDestroyed()) push(target.webContents, 'app:navigate', route);
  };
  const template: MenuItemConstructorOptions[] = [
    // macOS shows the first menu under the app's name: give it the standard app menu.
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        { label: t('nav.events'), accelerator: 'CmdOrCtrl+1', click: () => navigate('/events') },
        { label: t('nav.people'), accelerator: 'CmdOrCtrl+2', click: () => navigate('/people') },
        { label: t('nav.letters'), accelerator: 'CmdOrCtrl+3', click: () => navigate('/letters') },
        { label: t('nav.settings'), accelerator: 'CmdOrCtrl+,', click: () => navigate('/settings') },
        { type: 'separator' },
        { label: t('menu.openDataFolder'), click: () => void shell.openPath(dataDir) },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.reload'), role: 'reload' },
        { type: 'separator' },
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('menu.toggleFullScreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('menu.help'),
      submenu: [
        {
          label: t('menu.about'),
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: t('app.name'),
              message: t('app.name'),
              detail: t('menu.aboutDetail', { version }),
            }),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
