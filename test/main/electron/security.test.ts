import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  classifyDroppedPath,
  decideWindowOpen,
  isAppFrameUrl,
  isNavigationAllowed,
  rendererUrl,
  windowOptions,
} from '../../../src/main/electron/security';
import { RENDERER_CSP_HEADER, RENDERER_CSP_META } from '../../../src/shared/api/csp';

describe('windowOptions', () => {
  const opts = windowOptions('/opt/plek/resources/app/out/preload/index.cjs');

  it('isolates the renderer: contextIsolation and sandbox on, Node off, web security on', () => {
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(opts.webPreferences?.preload).toBe('/opt/plek/resources/app/out/preload/index.cjs');
  });

  it('keeps a saved window state but never smaller than usable at 1366×768', () => {
    expect(windowOptions('/p', { width: 1600, height: 900, x: 10, y: 20 })).toMatchObject({
      width: 1600,
      height: 900,
      x: 10,
      y: 20,
    });
    expect(windowOptions('/p', { width: 200, height: 100 })).toMatchObject({ width: 1024, height: 640 });
  });
});

describe('new windows and navigation', () => {
  it('denies every new window and hands only exact allowed origins to the OS browser', () => {
    expect(decideWindowOpen('https://help.plek.co/nl/articles/scim')).toEqual({
      action: 'deny',
      openExternal: 'https://help.plek.co/nl/articles/scim',
    });
    for (const url of [
      'https://help.plek.co.evil.com/',
      'https://evil.com/?u=https://help.plek.co',
      'http://help.plek.co/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'smb://attacker/share',
      'https://help.plek.co@evil.com/',
    ]) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternal: null });
    }
  });

  it('allows no navigation away from the app page', () => {
    const app = 'file:///opt/plek/out/renderer/index.html';
    expect(isNavigationAllowed(app, app)).toBe(true);
    expect(isNavigationAllowed('https://evil.com/', app)).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd', app)).toBe(false);
    expect(isNavigationAllowed(`${app}.evil`, app)).toBe(false);
    expect(isNavigationAllowed(`${app}#/plan`, app)).toBe(true);
  });

  it('trusts IPC only from the app page (exact file URL, or the dev server origin)', () => {
    const app = 'file:///opt/plek/out/renderer/index.html';
    expect(isAppFrameUrl(app, app)).toBe(true);
    expect(isAppFrameUrl('file:///opt/plek/out/renderer/other.html', app)).toBe(false);
    expect(isAppFrameUrl('https://evil.com/', app)).toBe(false);
    expect(isAppFrameUrl(undefined, app)).toBe(false);
    const dev = 'http://localhost:5173';
    expect(isAppFrameUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppFrameUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppFrameUrl('http://localhost:5174/', dev)).toBe(false);
  });
});

describe('classifyDroppedPath', () => {
  it('accepts CSVs and mapping files by absolute path', () => {
    expect(classifyDroppedPath('C:\\Users\\Jan de Vries\\Downloads\\Medewerkers ä.CSV')).toEqual({
      kind: 'csv',
      path: 'C:\\Users\\Jan de Vries\\Downloads\\Medewerkers ä.CSV',
    });
    expect(classifyDroppedPath('/home/jan/Gemeente Ede.plekmap.json')?.kind).toBe('mapping');
  });
  it.each([
    'relative.csv',
    '\\\\evil\\share\\x.csv',
    '/home/jan/../../etc/x.csv',
    '/home/jan/tool.exe',
    42,
    null,
  ])('refuses %j', (p) => expect(classifyDroppedPath(p)).toBeNull());
});

describe('Content-Security-Policy', () => {
  it('has no unsafe-eval and no inline scripts', () => {
    for (const csp of [RENDERER_CSP_META, RENDERER_CSP_HEADER]) {
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("default-src 'none'");
    }
  });

  it('index.html carries exactly the shared policy', () => {
    const html = readFileSync(new URL('../../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(RENDERER_CSP_META);
  });
});

describe('rendererUrl', () => {
  const built = 'file:///opt/Plek/resources/app.asar/out/renderer/index.html';
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'https://evil.example/' }, built)).toEqual({
      url: built,
      dev: false,
    });
    expect(rendererUrl(true, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, built).url).toBe(built);
  });
  it('uses a loopback dev server in an unpackaged run, nothing else', () => {
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, built)).toEqual({
      url: 'http://localhost:5173/',
      dev: true,
    });
    expect(rendererUrl(false, { ELECTRON_RENDERER_URL: 'https://evil.example/' }, built).url).toBe(built);
    expect(rendererUrl(false, {}, built)).toEqual({ url: built, dev: false });
  });
});
