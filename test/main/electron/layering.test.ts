import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function messages(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('IPC layering rules', () => {
  it('bans raw ipcMain outside the typed wrapper', async () => {
    const code = "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n";
    expect(await messages(code, 'src/main/electron/main-window.ts')).toEqual([
      expect.stringContaining('Use the typed IPC wrapper.'),
    ]);
    expect(await messages(code, 'src/main/electron/ipc.ts')).toEqual([]);
  });

  it('keeps electron and Node out of the renderer', async () => {
    const code =
      "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nvoid ipcRenderer; void readFileSync;\n";
    expect((await messages(code, 'src/renderer/src/app/Evil.tsx')).length).toBe(2);
  });
});
