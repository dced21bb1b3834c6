// Where the Electron binary is, or undefined when the electron package came without it
// (ELECTRON_SKIP_BINARY_DOWNLOAD, or no access to its download site).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export function electronBinary() {
  try {
    const found = createRequire(import.meta.url)('electron');
    return typeof found === 'string' && existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}
