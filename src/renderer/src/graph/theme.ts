import type { ColorMode } from '@xyflow/react';
import { useSyncExternalStore } from 'react';

function read(): ColorMode {
  const t = document.documentElement.dataset.theme;
  if (t === 'dark' || t === 'light') return t;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const mq = window.matchMedia?.('(prefers-color-scheme: dark)');
  mq?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    mq?.removeEventListener('change', onChange);
  };
}

/** The app's `data-theme` on <html> when set, else the system's `prefers-color-scheme`. */
export function useColorMode(): ColorMode {
  return useSyncExternalStore(subscribe, read, () => 'light');
}
