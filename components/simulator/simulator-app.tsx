'use client';
/**
 * The simulator page's client side: owns the form draft, the last valid config and the pins (both
 * mirrored into the URL), and asks useSimulation for results. Validation is parseSimConfig; an
 * invalid field shows its message and the last good result stays on screen.
 *
 * History: a preset, Reset, or the first change after a pause adds a browser history entry; the
 * changes that follow within HISTORY_GESTURE_MS (a slider drag, typing) replace it, so one finished
 * move is one entry and Back returns to the previous run.
 */
import Link from 'next/link';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { SimResult } from '@/lib/sim/types';
import { DEFAULT_CONFIG, parseSimConfig, type SimConfig, type SimConfigInput } from '@/lib/validation/sim-config';
import { configFromSearchParams } from '@/lib/validation/sim-config-url';
import { trainHref } from '@/lib/validation/train-config-url';
import { Button } from '@/components/ui/button';
import { UrlNotice } from '@/components/ui/url-notice';
import { ResultsSkeleton } from '@/components/ui/page-states';
import { Staggered } from '@/components/ui/staggered';
import { NetworkView } from '@/components/network-view/network-view';
import { ChartsPanel } from './charts-panel';
import { addPin, pageSearch, pinsFromSearch, type Pin } from './pins';
import { usePinResults } from './use-pin-results';
import { ControlPanel, type FieldErrors } from './control-panel';
import { draftFromConfig, draftToInput, type Draft } from './config-draft';
import { ExportPanel } from './export-panel';
import { LayerTable } from './layer-table';
import { PRESETS } from './presets';
import { ResultsPanel, STATE_STYLE } from './results-panel';
import { describeSummary } from '@/lib/present/summary-words';
import { formatRatio } from './format';
import { Definitions } from './definitions';
import { configKey, useSimulation } from './use-simulation';
import { copyRunLink, RunActions, type RunNotice } from './run-actions';
import { RESUME_PARAM, resumePendingSave, SaveExperimentDialog, type SavedExperiment } from '@/components/experiments/save-experiment-dialog';

export interface SimulatorAppProps {
  initialConfig: SimConfig;
  /** Computed on the server for small configs so the first paint has numbers; else null. */
  initialResult: SimResult | null;
  /** Field -> message when the URL's config was rejected (the page then runs the defaults). */
  urlErrors: Record<string, string> | null;
}

/** Performance marks: a control change, and the frame that shows the numbers for it. */
const INPUT_MARK = 'initlab:input';
export const SHOWN_MEASURE = 'initlab:input-to-numbers';

const NO_ERRORS: FieldErrors = {};

/** Changes closer together than this belong to one move (one history entry). */
const HISTORY_GESTURE_MS = 800;

type UrlMode = 'move' | 'entry' | 'replace';

/**
 * A slider drag's URL is written once it pauses (URL_WRITE_MS), not on every input event: each
 * history write costs the browser (and Next's router, which follows the history methods) several
 * milliseconds that belong to the numbers. Presets, Reset and Back write at once.
 */
const URL_WRITE_MS = 250;

function useUrlWriter() {
  const lastMove = useRef(0);
  const pending = useRef<{ url: string; push: boolean; timer: ReturnType<typeof setTimeout> } | null>(null);
  const write = useCallback((url: string, push: boolean) => {
    if (url === window.location.search) return;
    // history methods, not router.push: no navigation or server round trip, and Next's router
    // stays in sync with them (App Router patches the history methods).
    if (push) window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  }, []);
  const flush = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    clearTimeout(p.timer);
    pending.current = null;
    write(p.url, p.push);
  }, [write]);
  // A move still waiting is written before the page goes away, so a reload keeps it.
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  return useCallback(
    (config: SimConfig, pins: readonly Pin[], mode: UrlMode) => {
      const url = `?${pageSearch(config, pins)}`;
      const now = performance.now();
      // The first change after a pause starts a new history entry; the rest of the move replaces it.
      const push = mode === 'entry' || (mode === 'move' && now - lastMove.current > HISTORY_GESTURE_MS);
      if (mode === 'move') lastMove.current = now;
      // A new entry finishes the move still waiting to be written: write it first, as its own
      // entry. (On a busy page its timer can still be queued behind the next input event; merging
      // the two then lost the earlier move's entry, and Back skipped it.)
      if (push) flush();
      const prior = pending.current;
      if (prior) clearTimeout(prior.timer);
      pending.current = { url, push: push || !!prior?.push, timer: setTimeout(flush, URL_WRITE_MS) };
      if (mode !== 'move') flush();
    },
    [flush],
  );
}

export function SimulatorApp({ initialConfig, initialResult, urlErrors }: SimulatorAppProps) {
  const [draft, setDraft] = useState<Draft>(() => draftFromConfig(initialConfig));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [config, setConfig] = useState<SimConfig>(initialConfig);
  const [notice, setNotice] = useState(urlErrors);
  const [pins, setPinsState] = useState<Pin[]>([]);
  const pinsRef = useRef<Pin[]>(pins);
  const writeUrl = useUrlWriter();
  const configRef = useRef(config);
  const sim = useSimulation(initialResult);
  const { request } = sim;
  const [saveTarget, setSaveTarget] = useState<{ config: SimConfig; what: string } | null>(null);
  const [runNotice, setRunNotice] = useState<RunNotice>(null);

  const onSaved = useCallback((saved: SavedExperiment) => {
    setSaveTarget(null);
    setRunNotice({ text: `Saved “${saved.title}”.`, href: `/experiments/${saved.id}`, linkText: 'Open the experiment' });
  }, []);

  // Back from sign-in (?resume=save): finish the save the visitor started while signed out.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.get(RESUME_PARAM) !== 'save') return;
    params.delete(RESUME_PARAM);
    window.history.replaceState(null, '', `?${params.toString()}`);
    void resumePendingSave(initialConfig).then((out) => {
      if (!out) return;
      if (out.ok) onSaved(out.saved);
      else setRunNotice({ text: out.message, error: true });
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A config the server did not compute (too large for a request) starts in the worker at once.
  useEffect(() => {
    if (!initialResult) request(initialConfig, { immediate: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setPins = useCallback(
    (next: Pin[]) => {
      pinsRef.current = next;
      setPinsState(next);
      writeUrl(configRef.current, next, 'replace');
    },
    [writeUrl],
  );
  // Pins from the address (a reload or a shared link) are recomputed off the main thread.
  useEffect(() => {
    const fromUrl = pinsFromSearch(new URLSearchParams(window.location.search));
    if (fromUrl.length) {
      pinsRef.current = fromUrl;
      setPinsState(fromUrl);
    }
  }, []);
  usePinResults(pins, (key, result) => {
    const next = pinsRef.current.map((p) => (p.key === key && !p.result && result ? { ...p, result } : p));
    pinsRef.current = next;
    setPinsState(next);
  });

  const accept = useCallback(
    (next: SimConfig, immediate = false, mode: UrlMode = 'move') => {
      configRef.current = next;
      setConfig(next);
      writeUrl(next, pinsRef.current, mode);
      request(next, { immediate });
    },
    [request, writeUrl],
  );

  // The draft lives in a ref too, so a change handler validates the newest text without doing
  // side effects (URL, engine) inside a state updater.
  const draftRef = useRef(draft);
  const onChange = useCallback(
    <K extends keyof Draft>(key: K, value: Draft[K]) => {
      // For the interaction benchmark (bench/ui-bench.ts): input -> new numbers on screen.
      performance.mark(INPUT_MARK);
      const next = { ...draftRef.current, [key]: value };
      draftRef.current = next;
      // Urgent: the field shows what was typed. The rest (errors, the config, the run's state)
      // renders as a transition, in slices, so a keystroke never waits for the whole page.
      setDraft(next);
      const parsed = parseSimConfig(draftToInput(next));
      startTransition(() => {
        if (parsed.ok) {
          setErrors(NO_ERRORS);
          accept(parsed.config);
        } else {
          setErrors(parsed.errors);
        }
      });
    },
    [accept],
  );

  const applyConfig = (input: SimConfigInput, mode: UrlMode = 'entry') => {
    const parsed = parseSimConfig(input);
    if (!parsed.ok) return;
    draftRef.current = draftFromConfig(parsed.config);
    setDraft(draftRef.current);
    setErrors(NO_ERRORS);
    accept(parsed.config, true, mode);
  };

  // Back / Forward: show the run of that history entry (its config and pins) without a new entry.
  useEffect(() => {
    const onPop = () => {
      const search = new URLSearchParams(window.location.search);
      const parsed = configFromSearchParams(search);
      const next = pinsFromSearch(search).map((p) => pinsRef.current.find((q) => q.key === p.key) ?? p);
      pinsRef.current = next;
      setPinsState(next);
      applyConfig(parsed.config, 'replace');
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onNewSeed = () => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    onChange('seed', String(buf[0] % 2 ** 31));
  };

  const result = sim.result;
  const view = sim.viewResult ?? result;
  const stale = !!result && configKey(result.config) !== configKey(config);
  const invalid = Object.keys(errors).length > 0;
  useEffect(() => {
    if (!result || stale || performance.getEntriesByName(INPUT_MARK).length === 0) return;
    // The frame after this commit is the one that shows the numbers.
    const id = requestAnimationFrame(() => {
      performance.measure(SHOWN_MEASURE, INPUT_MARK);
      performance.clearMarks(INPUT_MARK);
    });
    return () => cancelAnimationFrame(id);
  }, [result, stale]);

  // Stable, so a new result does not re-render the charts through a new callback.
  const resultRef = useRef(result);
  resultRef.current = result;
  const onPin = useCallback(() => {
    const r = resultRef.current;
    if (r) setPins(addPin(pinsRef.current, r.config, r));
  }, [setPins]);
  const onRemovePin = useCallback((key: string) => setPins(pinsRef.current.filter((x) => x.key !== key)), [setPins]);
  const onSavePin = useCallback((key: string) => {
    const k = pinsRef.current.findIndex((x) => x.key === key);
    if (k >= 0) setSaveTarget({ config: pinsRef.current[k].config, what: `pin ${k + 1}` });
  }, []);

  return (
    <div className="space-y-5 pb-20 lg:pb-0">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Signal propagation simulator</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          Push random inputs through a stack of fully-connected layers and watch what the initial weights do to them: the spread of the
          signal at every layer, the gradient on the way back, and the prediction of mean-field theory beside the measured curve.
        </p>
        <p>
          <Link href={trainHref(config)} className="text-sm font-medium text-blue-700 underline dark:text-blue-300">
            Train it: does this network learn from this initialization?
          </Link>
        </p>
      </header>

      {notice ? <UrlNotice errors={notice} shown="the default settings are" onDismiss={() => setNotice(null)} testId="url-notice" /> : null}

      <section aria-labelledby="presets-heading" className="space-y-2">
        <h2 id="presets-heading" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
          Classic cases
        </h2>
        <div className="flex flex-wrap gap-2">
          {PRESETS.map((p) => (
            <Button key={p.id} size="sm" onClick={() => applyConfig(p.config)} title={p.description}>
              {p.label}
              <span className="sr-only">: {p.description}</span>
            </Button>
          ))}
          <Button size="sm" variant="ghost" onClick={() => applyConfig(DEFAULT_CONFIG)}>
            Reset
          </Button>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="lg:sticky lg:top-4 lg:self-start">
          <ControlPanel draft={draft} errors={errors} onChange={onChange} onNewSeed={onNewSeed} />
        </div>

        <div className="min-w-0 space-y-6">
          <StatusBar
            running={sim.running}
            preview={sim.preview}
            progress={sim.progress}
            cancelled={sim.cancelled}
            error={sim.error}
            invalid={invalid}
            stale={stale}
            onCancel={sim.cancel}
            onRetry={() => request(config, { immediate: true })}
          />
          <RunActions
            disabled={invalid}
            notice={runNotice}
            onSave={() => setSaveTarget({ config, what: 'this run' })}
            onCopy={() => void copyRunLink(config).then(setRunNotice)}
          />
          {result && view ? (
            <>
              <ResultsPanel result={result} origin={sim.origin} stale={stale} busy={sim.running} preview={sim.preview} />
              {/* The numbers above show a new result at once; the heavy views below take it one
                  at a time, each in a task of its own (components/ui/staggered.tsx). */}
              <div data-computing={sim.running || undefined}>
                <Staggered name="network view" value={view} render={(r) => <NetworkView result={r} />} fallback={<ViewPlaceholder className="h-80" />} />
              </div>
              <ChartsPanel result={view} pins={pins} onPin={onPin} onRemovePin={onRemovePin} onSavePin={onSavePin} />
              <Staggered name="layer table" value={view} render={(r) => <LayerTable result={r} />} fallback={<ViewPlaceholder className="h-12" />} />
              <Staggered name="export panel" value={view} render={(r) => <ExportPanel result={r} />} fallback={<ViewPlaceholder className="h-40" />} />
            </>
          ) : (
            <ResultsSkeleton chartClass="h-64" />
          )}
          <Definitions />
        </div>
      </div>
      {result ? <PhoneSummary result={result} stale={stale || sim.running} /> : null}
      <SaveExperimentDialog config={saveTarget?.config ?? null} what={saveTarget?.what ?? 'this run'} onClose={() => setSaveTarget(null)} onSaved={onSaved} />
    </div>
  );
}

function StatusBar(props: {
  running: boolean;
  preview: boolean;
  progress: number | null;
  cancelled: boolean;
  error: string | null;
  invalid: boolean;
  stale: boolean;
  onCancel: () => void;
  onRetry: () => void;
}) {
  const { running, preview, progress, cancelled, error, invalid, stale, onCancel, onRetry } = props;
  let body: React.ReactNode = null;
  if (running && progress !== null) {
    body = (
      <div className="flex flex-wrap items-center gap-3" data-testid="sim-progress">
        <label className="flex items-center gap-2 text-sm">
          <span>{preview ? 'Computing the band over seeds' : 'Simulating in the background'}</span>
          <progress max={1} value={progress} className="h-2 w-40 accent-blue-700" aria-label="Simulation progress" />
          <span className="tabular-nums text-xs">{Math.round(progress * 100)}%</span>
        </label>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  } else if (running) {
    body = <p className="text-sm text-slate-600 dark:text-slate-400">Updating…</p>;
  } else if (error) {
    body = (
      <div role="alert" className="flex flex-wrap items-center gap-3 text-sm text-red-800 dark:text-red-300">
        <span>The simulation failed: {error}</span>
        <Button size="sm" onClick={onRetry}>
          Try again
        </Button>
      </div>
    );
  } else if (cancelled && preview && !stale) {
    body = (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>Cancelled. The results show the first seed only, without the band over seeds.</span>
        <Button size="sm" onClick={onRetry}>
          Run again
        </Button>
      </div>
    );
  } else if (cancelled && stale) {
    body = (
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span>Cancelled. The results below are for the previous settings.</span>
        <Button size="sm" onClick={onRetry}>
          Run again
        </Button>
      </div>
    );
  } else if (invalid) {
    body = <p className="text-sm text-slate-700 dark:text-slate-300">Fix the highlighted setting; the results below are for the last valid settings.</p>;
  }
  return (
    <div aria-live="polite" className="min-h-8">
      {body}
    </div>
  );
}

/**
 * On a phone the controls and the results are one long column: this bar keeps the key results in
 * view while the controls are changed. Hidden from wide screens (the results sit beside the
 * controls there) and from assistive tech (the results panel says the same, labelled).
 */
function PhoneSummary({ result, stale }: { result: SimResult; stale: boolean }) {
  const s = result.summary;
  const words = describeSummary(s, result.config, result.overflowLayer);
  return (
    <div
      aria-hidden
      data-testid="phone-summary"
      className={`fixed inset-x-0 bottom-0 z-20 border-t border-slate-300 bg-white/95 px-4 py-2 text-sm shadow-lg backdrop-blur lg:hidden dark:border-slate-700 dark:bg-slate-950/95 ${stale ? 'opacity-70' : ''}`}
    >
      <div className="flex items-center gap-2">
        <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATE_STYLE[s.signalState]}`}>{words.stateLabel}</span>
        <span className="tabular-nums">{formatRatio(s.ratio)} input</span>
        {s.perLayerFactor !== null && Number.isFinite(s.perLayerFactor) ? (
          <span className="tabular-nums text-slate-600 dark:text-slate-400">{formatRatio(s.perLayerFactor)}/layer</span>
        ) : null}
      </div>
      <p className="mt-0.5 truncate text-xs text-slate-700 dark:text-slate-300">{words.verdictHeadline}</p>
    </div>
  );
}

function ViewPlaceholder({ className }: { className: string }) {
  return <div className={`animate-pulse rounded-xl bg-slate-100 motion-reduce:animate-none dark:bg-slate-800 ${className}`} aria-hidden />;
}
