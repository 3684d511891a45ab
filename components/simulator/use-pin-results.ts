'use client';
/**
 * Recomputes pinned runs that came from the address (after a reload or from a shared link) in a
 * Web Worker of their own, one at a time with one seed (a pin draws only its curves), so the main
 * run's worker and the page are never held up by them.
 */
import { useEffect, useRef } from 'react';
import type { SimResult } from '@/lib/sim/types';
import { EngineWorker } from './engine-worker';
import type { Pin } from './pins';

/** onResult gets null when a pin could not be computed (it then stays without curves). */
export function usePinResults(pins: readonly Pin[], onResult: (key: string, result: SimResult | null) => void) {
  const worker = useRef<EngineWorker | null>(null);
  const busy = useRef<string | null>(null);
  const failed = useRef(new Set<string>());
  const onResultRef = useRef(onResult);
  onResultRef.current = onResult;
  useEffect(() => {
    // Looked up here, on every change of the pins (each result makes a new array): a pin that
    // became "next" while another was computing must still be started when that one finishes.
    const todo = pins.find((p) => !p.result && !failed.current.has(p.key));
    if (!todo || busy.current) return;
    if (!worker.current) {
      worker.current = new EngineWorker((msg) => {
        if (msg.type === 'progress' || msg.type === 'preview') return;
        const key = busy.current;
        busy.current = null;
        if (key && msg.type === 'error') {
          failed.current.add(key);
          onResultRef.current(key, null);
        }
        if (key && msg.type === 'done') onResultRef.current(key, msg.result);
      });
    }
    busy.current = todo.key;
    worker.current.post({ id: 1, config: todo.config, bandSeeds: 1 });
  }, [pins]);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
}
