'use client';
/**
 * Staggered rendering for heavy views (charts, the network view, big tables).
 *
 * A new simulation result should show its numbers in the next frame, and the charts may follow.
 * Rendering five Recharts charts in the same task as the numbers held the page for hundreds of
 * milliseconds, and React's deferred rendering cannot split it up: Recharts keeps each chart's
 * state in a store read with useSyncExternalStore, whose updates render synchronously.
 *
 * So each heavy view takes a new value on its own turn: views queue up (first come, first
 * served), and each turn is one macrotask that renders and commits one view (flushSync); the
 * next turn waits for the following frame, so each view's style, layout and paint come in a
 * frame of their own. The page stays responsive between views, the numbers
 * paint first, and no task holds more than one view's work. A view whose value changes again
 * before its turn renders only the newest value.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';

type Turn = { run: () => void; cancelled: boolean };

const queue: Turn[] = [];
let scheduled = false;
let channel: MessageChannel | null = null;

/** The next macrotask: a MessageChannel message (no 4 ms clamp, unlike nested setTimeout). */
function nextTask(fn: () => void) {
  if (typeof MessageChannel === 'undefined') {
    setTimeout(fn, 0);
    return;
  }
  channel ??= new MessageChannel();
  channel.port1.onmessage = () => fn();
  channel.port2.postMessage(null);
}

function pump() {
  scheduled = false;
  let turn = queue.shift();
  while (turn?.cancelled) turn = queue.shift();
  if (!turn) return;
  turn.run();
  if (queue.length) {
    // The next view after the next frame: this view's style, layout and paint happen in that
    // frame, not piled onto the next view's task.
    scheduled = true;
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => nextTask(pump));
    else nextTask(pump);
  }
}

function enqueue(run: () => void): () => void {
  const turn: Turn = { run, cancelled: false };
  queue.push(turn);
  if (!scheduled) {
    scheduled = true;
    nextTask(pump);
  }
  return () => {
    turn.cancelled = true;
  };
}

/**
 * `value` as last rendered on this view's turn: null until the first turn, then each new value
 * a turn later. Identity matters: pass the same object for the same content.
 */
export function useStaggered<T>(value: T, name = 'view'): T | null {
  const [shown, setShown] = useState<{ v: T } | null>(null);
  const latest = useRef(value);
  latest.current = value;
  const current = shown !== null && Object.is(shown.v, value);
  useEffect(() => {
    if (current) return;
    return enqueue(() => {
      const start = performance.now();
      flushSync(() => setShown({ v: latest.current }));
      // Each turn on the page's performance timeline (bench/ui-bench.ts reports the longest).
      performance.measure('initlab:view-turn', { start, detail: name });
    });
  }, [value, current, name]);
  return shown === null ? null : shown.v;
}

/**
 * Renders `render(value)` on the view's turn (see the module header); before the first turn,
 * `fallback` (size it like the view, so nothing jumps). `render` is read on the turn, so it may be
 * an inline function.
 */
export function Staggered<T>({ value, render, fallback = null, name }: { value: T; render: (value: T) => ReactNode; fallback?: ReactNode; name?: string }) {
  const shown = useStaggered(value, name);
  const renderRef = useRef(render);
  renderRef.current = render;
  // Re-rendered only when the shown value changes, never by the parent's other renders.
  const view = useMemo(() => (shown === null ? null : renderRef.current(shown)), [shown]);
  return <>{shown === null ? fallback : view}</>;
}
