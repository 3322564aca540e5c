import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { translate, type MessageKey, type Params } from '../i18n';
import type { AppStore, AppState } from './index';

export const StoreContext = createContext<AppStore | null>(null);

/** Reads from the app store; pass a `useShallow(...)` selector when picking several fields. */
export function useApp<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside <App>');
  return useStore(store, selector);
}

export function useAppStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useAppStore outside <App>');
  return store;
}

export type Translate = (key: MessageKey, params?: Params) => string;

/** The translate function for the current language; components re-render when the language changes. */
export function useT(): Translate {
  const lang = useApp((s) => s.lang);
  return (key, params) => translate(lang, key, params);
}
