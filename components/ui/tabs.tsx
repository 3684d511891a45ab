'use client';
/**
 * Tabs: WAI-ARIA tablist with roving focus (Left/Right/Home/End move and select). Panels that are
 * not selected stay mounted but hidden, so their state (scroll, inputs) survives switching.
 */
import { useId, useRef, type ReactNode, type KeyboardEvent } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  items: TabItem[];
  value: string;
  onValueChange: (id: string) => void;
  /** Accessible name of the tab list. */
  label: string;
  className?: string;
}

export function Tabs({ items, value, onValueChange, label, className = '' }: TabsProps) {
  const base = useId();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % items.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + items.length) % items.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = items.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onValueChange(items[next].id);
    refs.current[next]?.focus();
  };
  return (
    <div className={className}>
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700">
        {items.map((item, i) => {
          const selected = item.id === value;
          return (
            <button
              key={item.id}
              ref={(el) => {
                refs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${item.id}`}
              aria-selected={selected}
              aria-controls={`${base}-panel-${item.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => onValueChange(item.id)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${
                selected
                  ? 'border-blue-700 text-blue-800 dark:border-blue-400 dark:text-blue-300'
                  : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
              }`}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      {items.map((item) => (
        <div
          key={item.id}
          role="tabpanel"
          id={`${base}-panel-${item.id}`}
          aria-labelledby={`${base}-tab-${item.id}`}
          hidden={item.id !== value}
          className="pt-3"
        >
          {item.content}
        </div>
      ))}
    </div>
  );
}

/** A compact segmented switch (radio group semantics) for 2–4 mutually exclusive view options. */
export interface SegmentedProps<T extends string> {
  label: string;
  options: { value: T; label: ReactNode }[];
  value: T;
  onValueChange: (v: T) => void;
  className?: string;
}

export function Segmented<T extends string>({ label, options, value, onValueChange, className = '' }: SegmentedProps<T>) {
  const name = useId();
  return (
    <fieldset className={`inline-flex items-center gap-2 ${className}`}>
      <legend className="sr-only">{label}</legend>
      <span aria-hidden className="text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </span>
      <span className="inline-flex overflow-hidden rounded-md border border-slate-300 dark:border-slate-600">
        {options.map((o) => (
          <label
            key={o.value}
            className="cursor-pointer px-2.5 py-1 text-xs font-medium text-slate-700 has-[:checked]:bg-blue-700 has-[:checked]:text-white has-[:focus-visible]:outline has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-blue-600 dark:text-slate-200 dark:has-[:checked]:bg-blue-500 dark:has-[:checked]:text-slate-950"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onValueChange(o.value)}
              className="sr-only"
            />
            {o.label}
          </label>
        ))}
      </span>
    </fieldset>
  );
}
