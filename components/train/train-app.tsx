'use client';
/**
 * The training page: a form for the network and the training run (fields not on the form, such
 * as gain, fan mode, bias and per-layer widths, are carried from the URL, e.g. from the
 * simulator's "Train it" link), up to four initializations trained side by side in Web Workers
 * with progress and cancel, then per-initialization outcome cards, a plain-language summary, the
 * loss and accuracy curves and the per-layer gradient norms. Every number comes from the runs.
 */
import Link from 'next/link';
import { useId, useMemo, useState } from 'react';
import { ACTIVATION_INFO, SCHEME_INFO } from '@/lib/sim';
import { resultDigest } from '@/lib/sim/digest';
import type { TrainRun } from '@/lib/train';
import { formatNumber } from '@/lib/format';
import { ACTIVATIONS, NORMALIZATIONS, RESIDUALS, SCHEMES, type SimConfigInput } from '@/lib/validation/sim-config';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import {
  BATCH_SIZES,
  DATASET_SHAPE,
  DATASETS,
  LEARNING_RATES,
  OPTIMIZERS,
  TRAIN_LIMITS,
  parseTrainSpec,
  type OptimizerName,
  type TrainSpec,
} from '@/lib/validation/train-config';
import { trainSpecToSearchParams } from '@/lib/validation/train-config-url';
import { Button } from '@/components/ui/button';
import { UrlNotice } from '@/components/ui/url-notice';
import { SelectField, TextField } from '@/components/ui/field';
import { chartPalette } from '@/components/charts/palette';
import { useDarkMode } from '@/components/charts/use-dark-mode';
import { describeComparison, describeDivergence, formatPercent, schemeLabel } from './describe-training';
import { AccuracyChart, GradientChart, LossChart, gradientRows, runColors } from './training-charts';
import { useTraining } from './use-training';

const DATASET_LABELS: Record<string, string> = {
  spirals: 'Two spirals (2 inputs, 2 classes)',
  digits: 'Handwritten digits 8 × 8 (64 inputs, 10 classes)',
};
const OPTIMIZER_LABELS: Record<OptimizerName, string> = { sgd: 'SGD with momentum 0.9', adam: 'Adam' };
const DEFAULT_LR: Record<OptimizerName, number> = { sgd: 0.02, adam: 0.001 };
const NONE = '';
const RESIDUAL_LABELS: Record<(typeof RESIDUALS)[number], string> = {
  none: 'None',
  plain: 'Plain skip',
  scaled: 'Skip, branch × 1/√L',
  'scaled-2l': 'Skip, branch × 1/√(2L) (GPT-2)',
  'zero-init': 'Skip, branch gain γ starts at 0',
};

interface Draft {
  dataset: string;
  optimizer: OptimizerName;
  learningRate: string;
  steps: string;
  batchSize: string;
  activation: string;
  layers: string;
  width: string;
  residual: string;
  normalization: string;
  seed: string;
  schemes: string[];
}

function draftFromSpec(spec: TrainSpec): Draft {
  const n = spec.network;
  return {
    dataset: spec.dataset,
    optimizer: spec.optimizer,
    learningRate: String(spec.learningRate),
    steps: String(spec.steps),
    batchSize: String(spec.batchSize),
    activation: n.activation,
    layers: String(n.layers),
    width: String(n.width),
    residual: n.residual,
    normalization: n.normalization,
    seed: String(n.seed),
    schemes: [0, 1, 2, 3].map((i) => spec.schemes[i] ?? NONE),
  };
}

function draftToInput(d: Draft, base: TrainSpec) {
  const sizeChanged = Number(d.layers) !== base.network.layers || Number(d.width) !== base.network.width;
  const schemes = d.schemes.filter((s) => s !== NONE);
  const network: SimConfigInput = {
    ...base.network,
    scheme: (schemes[0] ?? base.network.scheme) as SimConfigInput['scheme'],
    activation: d.activation as SimConfigInput['activation'],
    layers: Number(d.layers),
    width: Number(d.width),
    residual: d.residual as SimConfigInput['residual'],
    normalization: d.normalization as SimConfigInput['normalization'],
    seed: Number(d.seed),
    // Per-layer widths from a link no longer fit once the depth or width is edited.
    widths: sizeChanged ? undefined : base.network.widths,
  };
  return { network, dataset: d.dataset, optimizer: d.optimizer, learningRate: Number(d.learningRate), steps: Number(d.steps), batchSize: Number(d.batchSize), schemes };
}

export function TrainApp({ initialSpec, urlErrors }: { initialSpec: TrainSpec; urlErrors: Record<string, string> | null }) {
  const [base, setBase] = useState(initialSpec);
  const [draft, setDraft] = useState(() => draftFromSpec(initialSpec));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState(urlErrors);
  const [logScale, setLogScale] = useState(false);
  const { state, start, cancel } = useTraining();
  const palette = chartPalette(useDarkMode());
  const logId = useId();

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onStart = () => {
    const parsed = parseTrainSpec(draftToInput(draft, base));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setBase(parsed.spec);
    window.history.replaceState(null, '', `?${trainSpecToSearchParams(parsed.spec).toString()}`);
    start(parsed.spec);
  };

  const spec = state.spec;
  const running = state.status === 'running';
  const classes = spec ? DATASET_SHAPE[spec.dataset].classes : 2;
  const hidden = spec ? (spec.network.widths?.length ?? spec.network.layers) : 0;
  const finishedRuns = state.runs.filter((r): r is TrainRun => r !== null);
  const overall = state.progress.length ? state.progress.reduce((a, b) => a + b, 0) / state.progress.length : 0;
  const summary = useMemo(
    () => (spec && state.status === 'done' ? describeComparison(finishedRuns, spec, classes, hidden) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.status, state.runs, spec],
  );

  const schemeOptions = SCHEMES.map((s) => ({ value: s, label: SCHEME_INFO[s].label }));
  const carried = base.network;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Train it</h1>
        <p className="max-w-3xl text-slate-700 dark:text-slate-300">
          The simulator shows the signal before any learning. Here the same network is trained on real data, once per initialization,
          with the same data, the same batches in the same order and the same seed, so the only difference between the curves is how the
          weights started.
        </p>
      </header>

      {notice ? <UrlNotice errors={notice} shown="the default comparison is" onDismiss={() => setNotice(null)} /> : null}

      <form
        aria-labelledby="train-settings"
        className="space-y-4 rounded-xl border border-slate-200 p-4 dark:border-slate-700"
        onSubmit={(e) => {
          e.preventDefault();
          onStart();
        }}
      >
        <h2 id="train-settings" className="text-lg font-semibold">
          Settings
        </h2>
        <fieldset className="space-y-2">
          <legend className="text-sm font-semibold text-slate-700 dark:text-slate-300">Initializations to compare (up to four)</legend>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {draft.schemes.map((s, i) => (
              <SelectField
                key={i}
                label={`Initialization ${i + 1}`}
                value={s}
                error={i === 0 ? errors.schemes : null}
                onValueChange={(v) => set('schemes', draft.schemes.map((x, j) => (j === i ? v : x)))}
                options={i === 0 ? schemeOptions : [{ value: NONE, label: '— none —' }, ...schemeOptions]}
              />
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label="Dataset" value={draft.dataset} error={errors.dataset} onValueChange={(v) => set('dataset', v)} options={DATASETS.map((d) => ({ value: d, label: DATASET_LABELS[d] }))} />
          <SelectField
            label="Optimizer"
            value={draft.optimizer}
            error={errors.optimizer}
            onValueChange={(v) => setDraft((d) => ({ ...d, optimizer: v as OptimizerName, learningRate: String(DEFAULT_LR[v as OptimizerName]) }))}
            options={OPTIMIZERS.map((o) => ({ value: o, label: OPTIMIZER_LABELS[o] }))}
          />
          <SelectField label="Learning rate" value={draft.learningRate} error={errors.learningRate} onValueChange={(v) => set('learningRate', v)} options={LEARNING_RATES[draft.optimizer].map((r) => ({ value: String(r), label: String(r) }))} />
          <SelectField label="Batch size" value={draft.batchSize} error={errors.batchSize} onValueChange={(v) => set('batchSize', v)} options={BATCH_SIZES.map((b) => ({ value: String(b), label: String(b) }))} />
          <TextField label="Steps" type="number" inputMode="numeric" min={TRAIN_LIMITS.steps.min} max={TRAIN_LIMITS.steps.max} value={draft.steps} error={errors.steps} onValueChange={(v) => set('steps', v)} hint={`${TRAIN_LIMITS.steps.min} to ${TRAIN_LIMITS.steps.max}`} />
          <SelectField label="Activation" value={draft.activation} error={errors.activation} onValueChange={(v) => set('activation', v)} options={ACTIVATIONS.map((a) => ({ value: a, label: ACTIVATION_INFO[a].label }))} />
          <TextField label="Hidden layers" type="number" inputMode="numeric" min={TRAIN_LIMITS.layers.min} max={TRAIN_LIMITS.layers.max} value={draft.layers} error={errors.layers} onValueChange={(v) => set('layers', v)} hint={`${TRAIN_LIMITS.layers.min} to ${TRAIN_LIMITS.layers.max}`} />
          <TextField label="Units per layer" type="number" inputMode="numeric" min={TRAIN_LIMITS.width.min} max={TRAIN_LIMITS.width.max} value={draft.width} error={errors.width} onValueChange={(v) => set('width', v)} hint={`${TRAIN_LIMITS.width.min} to ${TRAIN_LIMITS.width.max}`} />
          <SelectField label="Residual connections" value={draft.residual} error={errors.residual} onValueChange={(v) => set('residual', v)} options={RESIDUALS.map((r) => ({ value: r, label: RESIDUAL_LABELS[r] }))} />
          <SelectField label="Normalization" value={draft.normalization} error={errors.normalization} onValueChange={(v) => set('normalization', v)} options={NORMALIZATIONS.map((n) => ({ value: n, label: n === 'none' ? 'None' : n === 'layernorm' ? 'LayerNorm' : 'BatchNorm' }))} />
          <TextField label="Seed" type="number" inputMode="numeric" min={0} value={draft.seed} error={errors.seed} onValueChange={(v) => set('seed', v)} hint="Weights and batch order" />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Also used: gain {String(carried.gain)}, fan mode {carried.fanMode}, bias std {formatNumber(carried.biasStd)}
          {carried.widths ? `, per-layer widths ${carried.widths.join(', ')}` : ''}
          {carried.activation === 'leaky-relu' ? `, leaky slope ${formatNumber(carried.activationParam)}` : ''}. The data sets the inputs, so the
          simulator&apos;s input std and samples do not apply; a linear output layer with softmax cross-entropy is added on top.
        </p>
        {errors._ ? <p className="text-sm text-red-700 dark:text-red-400">{errors._}</p> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary">
            Start training
          </Button>
          {running ? (
            <Button variant="danger" onClick={cancel}>
              Cancel
            </Button>
          ) : null}
          <Link href={simulatorHref({ ...carried, samples: undefined, inputStd: undefined })} className="text-sm text-blue-700 underline dark:text-blue-300">
            Open this network in the simulator
          </Link>
        </div>
      </form>

      <div aria-live="polite" className="text-sm text-slate-700 dark:text-slate-300" data-testid="train-status" data-status={state.status}>
        {state.status === 'running' ? `Training ${state.progress.length} initialization${state.progress.length === 1 ? '' : 's'}… ${Math.round(100 * overall)} %` : null}
        {state.status === 'done' && state.ms !== null ? `Done in ${formatNumber(state.ms / 1000, 2)} s.` : null}
        {state.status === 'cancelled' ? 'Training cancelled; finished initializations are still shown.' : null}
        {state.status === 'error' ? <span className="text-red-700 dark:text-red-400">{state.error}</span> : null}
        {state.status === 'idle' ? 'Choose the settings and press “Start training”.' : null}
      </div>

      {spec ? (
        <section aria-labelledby="outcomes-heading" className="space-y-3">
          <h2 id="outcomes-heading" className="text-lg font-semibold">
            Outcome per initialization
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {spec.schemes.map((s, i) => (
              <RunCard key={`${s}-${i}`} scheme={s} run={state.runs[i]} progress={state.progress[i] ?? 0} color={runColors(palette)[i % 5]} hidden={hidden} status={state.status} />
            ))}
          </div>
        </section>
      ) : null}

      {summary.length ? (
        <section aria-labelledby="summary-heading" className="space-y-2">
          <h2 id="summary-heading" className="text-lg font-semibold">
            What happened
          </h2>
          <ul className="max-w-3xl list-disc space-y-1 pl-5 text-slate-800 dark:text-slate-200" data-testid="train-summary">
            {summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {spec && finishedRuns.length ? (
        <section aria-labelledby="curves-heading" className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="curves-heading" className="text-lg font-semibold">
              Curves
            </h2>
            <label htmlFor={logId} className="flex items-center gap-2 text-sm">
              <input id={logId} type="checkbox" checked={logScale} onChange={(e) => setLogScale(e.target.checked)} />
              Log scale for the loss
            </label>
          </div>
          <figure className="space-y-1">
            <LossChart runs={state.runs} steps={spec.steps} palette={palette} logScale={logScale} />
            <figcaption className="text-xs text-slate-600 dark:text-slate-400">
              Training loss (softmax cross-entropy) of each step&apos;s minibatch, averaged over groups of steps; a line that ends early
              overflowed.
            </figcaption>
          </figure>
          <figure className="space-y-1">
            <AccuracyChart runs={state.runs} steps={spec.steps} palette={palette} />
            <figcaption className="text-xs text-slate-600 dark:text-slate-400">
              Accuracy on the held-out examples (never trained on), measured {finishedRuns[0].evaluations.step.length} times during training.
            </figcaption>
          </figure>
          <figure className="space-y-1">
            <GradientChart runs={state.runs} steps={spec.steps} palette={palette} layerCount={hidden + 1} />
            <figcaption className="text-xs text-slate-600 dark:text-slate-400">
              Norm of each layer&apos;s weight gradient ‖dL/dW‖ at step 1 (solid) and at step {spec.steps} (dashed); layer {hidden + 1} is the
              output layer. A gradient that shrinks from the output back to layer 1 is the vanishing signal of the simulator, seen while
              learning.
            </figcaption>
          </figure>
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">Gradient norms as a table</summary>
            <GradientTable runs={state.runs} steps={spec.steps} layerCount={hidden + 1} />
          </details>
        </section>
      ) : null}
    </div>
  );
}

function RunCard({ scheme, run, progress, color, hidden, status }: { scheme: TrainSpec['schemes'][number]; run: TrainRun | null; progress: number; color: string; hidden: number; status: string }) {
  const id = useId();
  const label = schemeLabel(scheme);
  const diverged = run ? describeDivergence(run, hidden) : null;
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700" data-testid="train-run" data-scheme={scheme} data-digest={run ? resultDigest(run) : undefined}>
      <h3 id={`${id}-h`} className="flex items-center gap-2 font-semibold">
        <span aria-hidden className="inline-block h-3 w-3 rounded-full" style={{ background: color }} />
        {label}
      </h3>
      {!run ? (
        status === 'running' ? (
          <div className="mt-2 space-y-1">
            <progress className="w-full" value={progress} max={1} aria-label={`${label}: training progress`} />
            <p className="text-xs text-slate-600 dark:text-slate-400">{Math.round(100 * progress)} %</p>
          </div>
        ) : (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Not trained.</p>
        )
      ) : (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt id={`${id}-loss`}>Final loss</dt>
          <dd aria-labelledby={`${id}-loss`} className="font-medium tabular-nums" data-value={run.final ? String(run.final.trainLoss) : undefined}>
            {diverged ?? formatNumber(run.final!.trainLoss)}
          </dd>
          <dt id={`${id}-acc`}>Accuracy</dt>
          <dd aria-labelledby={`${id}-acc`} className="font-medium tabular-nums" data-value={run.final ? String(run.final.trainAccuracy) : undefined}>
            {run.final ? formatPercent(run.final.trainAccuracy) : 'none (diverged)'}
          </dd>
          <dt id={`${id}-test`}>Held-out accuracy</dt>
          <dd aria-labelledby={`${id}-test`} className="tabular-nums" data-value={run.final ? String(run.final.testAccuracy) : undefined}>
            {run.final ? formatPercent(run.final.testAccuracy) : 'none (diverged)'}
          </dd>
        </dl>
      )}
    </section>
  );
}

function cell(v: unknown): string {
  return typeof v === 'number' ? formatNumber(v) : '—';
}

function GradientTable({ runs, steps, layerCount }: { runs: (TrainRun | null)[]; steps: number; layerCount: number }) {
  const rows = gradientRows(runs, layerCount);
  return (
    <div className="mt-2 overflow-x-auto">
      <table className="min-w-full text-left text-xs tabular-nums">
        <caption className="sr-only">Weight-gradient norm per layer at step 1 and step {steps}</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 py-1">
              Layer
            </th>
            {runs.map((r, i) =>
              r ? (
                <th key={i} scope="col" className="px-2 py-1">
                  {schemeLabel(r.scheme)}: step 1 / step {steps}
                </th>
              ) : null,
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.layer} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="px-2 py-1 font-normal">
                {row.layer === layerCount ? `${row.layer} (output)` : row.layer}
              </th>
              {runs.map((r, i) =>
                r ? (
                  <td key={i} className="px-2 py-1">
                    {cell(row[`f${i}`])} / {cell(row[`l${i}`])}
                  </td>
                ) : null,
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
