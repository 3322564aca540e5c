import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from './store/context';

/** Keeps the mapped-rows preview in step with the mapping: re-runs it a moment after the last edit. */
export function useLivePreview(delayMs = 250): void {
  const { revision, sampleRevision, hasSample, previewRevision, refreshPreview } = useApp(
    useShallow((s) => ({
      revision: s.revision,
      sampleRevision: s.sampleRevision,
      hasSample: s.sample !== null,
      previewRevision: s.previewRevision,
      refreshPreview: s.refreshPreview,
    })),
  );
  const stale = hasSample && previewRevision !== revision;
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(() => void refreshPreview(), delayMs);
    return () => clearTimeout(timer);
  }, [stale, revision, sampleRevision, delayMs, refreshPreview]);
}
