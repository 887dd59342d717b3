import { Menu } from 'electron';
import { buildMenuTemplate, type MenuActions, type MenuOptions } from './menu-template';

export function installApplicationMenu(options: MenuOptions, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options, actions)));
}
