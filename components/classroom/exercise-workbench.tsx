'use client';
/**
 * Working an exercise: the simulator's own controls with the exercise's locks (disabled) and
 * hidden fields, the engine running in the browser for the preview, the criteria checked live on
 * that preview, predict-then-see for prediction criteria, an optional explanation, and Submit.
 * The server recomputes and grades the run itself; the browser's numbers are only a preview.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { submitAttemptAction } from '@/lib/actions/classroom';
import type { SubmissionOutcome } from '@/lib/data/submissions';
import { gradeResult, timingAt, type Timing } from '@/lib/grading/grade';
import { describeCriterion } from '@/lib/grading/describe-criterion';
import { CONFIG_FIELDS, type ConfigField, type PassCriterion } from '@/lib/validation/assignment';
import { parseSimConfig, type SimConfig } from '@/lib/validation/sim-config';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { ControlPanel, type FieldErrors } from '@/components/simulator/control-panel';
import { draftFromConfig, draftToInput, type Draft } from '@/components/simulator/config-draft';
import { ResultsPanel } from '@/components/simulator/results-panel';
import { LayerTable } from '@/components/simulator/layer-table';
import { configKey, useSimulation } from '@/components/simulator/use-simulation';
import { RunChart } from './run-chart';
import { useTrainLosses } from './use-train-losses';

export interface WorkbenchProps {
  assignmentId: string;
  baseConfig: SimConfig;
  editableFields: ConfigField[];
  hiddenFields: ConfigField[];
  criteria: PassCriterion[];
  deadlines: { opensAt: string | null; dueAt: string | null; cutoffAt: string | null };
  attemptsLeft: number | null;
}

function newKey(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const QUANTITY_LABEL = { finalStd: 'final-layer activation std', ratio: 'final/input std ratio' } as const;

export function ExerciseWorkbench(props: WorkbenchProps) {
  const { assignmentId, baseConfig, editableFields, hiddenFields, criteria, deadlines, attemptsLeft } = props;
  const router = useRouter();
  const locked = useMemo(() => new Set<string>(CONFIG_FIELDS.filter((f) => !editableFields.includes(f))), [editableFields]);
  const hidden = useMemo(() => new Set<string>(hiddenFields), [hiddenFields]);
  const [draft, setDraft] = useState<Draft>(() => draftFromConfig(baseConfig));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [config, setConfig] = useState<SimConfig>(baseConfig);
  const sim = useSimulation(null);
  const { request } = sim;

  const predictionCriterion = criteria.find((c): c is Extract<PassCriterion, { kind: 'prediction' }> => c.kind === 'prediction');
  const [predictionText, setPredictionText] = useState('');
  const [prediction, setPrediction] = useState<number | null>(null);
  const [predictionError, setPredictionError] = useState('');
  const revealed = !predictionCriterion || prediction !== null;

  const [explanation, setExplanation] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const key = useRef<string>('');
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<SubmissionOutcome | null>(null);
  const [confirmingLate, setConfirmingLate] = useState(false);

  useEffect(() => {
    key.current = newKey();
    request(baseConfig, { immediate: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const draftRef = useRef(draft);
  const onChange = useCallback(
    <K extends keyof Draft>(k: K, value: Draft[K]) => {
      const next = { ...draftRef.current, [k]: value };
      draftRef.current = next;
      setDraft(next);
      const parsed = parseSimConfig(draftToInput(next));
      if (parsed.ok) {
        setErrors({});
        setConfig(parsed.config);
        request(parsed.config);
      } else {
        setErrors(parsed.errors);
      }
      setConfirmingLate(false);
    },
    [request],
  );
  const onNewSeed = () => {
    const buf = new Uint32Array(1);
    crypto.getRandomValues(buf);
    onChange('seed', String(buf[0] % 2 ** 31));
  };

  const result = sim.result;
  const current = !!result && configKey(result.config) === configKey(config);
  // Training criteria are trained in a worker; until their losses are in, they show as pending.
  const training = useTrainLosses(criteria, result && current ? result.config : null);
  const preview = result && current ? gradeResult(criteria, { ...result, trainLosses: training.losses }, prediction) : null;
  const invalid = Object.keys(errors).length > 0;

  const toDate = (s: string | null) => (s ? new Date(s) : null);
  const timing = (): Timing => timingAt({ opensAt: toDate(deadlines.opensAt), dueAt: toDate(deadlines.dueAt), cutoffAt: toDate(deadlines.cutoffAt), extended: false }, new Date());
  const [initialTiming, setInitialTiming] = useState<Timing | null>(null);
  useEffect(() => setInitialTiming(timing()), []); // eslint-disable-line react-hooks/exhaustive-deps

  function commitPrediction() {
    const v = Number(predictionText);
    if (predictionText.trim() === '' || !Number.isFinite(v)) {
      setPredictionError('Enter a number.');
      return;
    }
    setPredictionError('');
    setPrediction(v);
  }

  async function submit(confirmLate: boolean) {
    if (inFlight.current) return;
    const t = timing();
    if (t === 'closed') {
      setMessage('The cut-off for this exercise has passed, so it no longer accepts submissions.');
      return;
    }
    if (t === 'late' && !confirmLate) {
      setConfirmingLate(true);
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    setMessage('');
    try {
      const res = await submitAttemptAction({ assignmentId, config, prediction, explanation, confirmLate, clientKey: key.current });
      if (res.ok) {
        setOutcome(res.data);
        setConfirmingLate(false);
        key.current = newKey();
        router.refresh();
      } else if (res.fieldErrors?.confirmLate) {
        setConfirmingLate(true);
      } else {
        setMessage(res.message);
      }
    } catch {
      setMessage('Could not reach the server. Check your connection and try again.');
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  const closed = initialTiming === 'closed' || initialTiming === 'not-open';
  const noAttempts = attemptsLeft === 0;

  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <div className="lg:sticky lg:top-4 lg:self-start">
        <ControlPanel draft={draft} errors={errors} onChange={onChange} onNewSeed={onNewSeed} locked={locked} hidden={hidden} />
      </div>
      <div className="min-w-0 space-y-6">
        {predictionCriterion ? (
          <section aria-labelledby="predict-heading" className="space-y-2 rounded-lg border border-blue-200 bg-blue-50/60 p-4 dark:border-blue-900 dark:bg-blue-950/40">
            <h2 id="predict-heading" className="font-semibold">Predict, then see</h2>
            <p className="text-sm">
              Before the result is shown, commit your prediction of the {QUANTITY_LABEL[predictionCriterion.quantity]} for the network you will submit. It counts
              when it is within {Math.round(predictionCriterion.relTolerance * 100)}% of the engine’s value.
            </p>
            <div className="flex flex-wrap items-end gap-2">
              <Field label={`Your prediction of the ${QUANTITY_LABEL[predictionCriterion.quantity]}`} error={predictionError}>
                {(ids) => (
                  <input
                    id={ids.controlId}
                    type="number"
                    step="any"
                    inputMode="decimal"
                    value={predictionText}
                    readOnly={prediction !== null}
                    onChange={(e) => setPredictionText(e.target.value)}
                    aria-describedby={ids.describedBy}
                    className={`${inputClass} w-48`}
                  />
                )}
              </Field>
              {prediction === null ? (
                <Button variant="primary" onClick={commitPrediction} className="mb-5">
                  Commit prediction
                </Button>
              ) : (
                <p className="mb-6 text-sm font-medium">Committed.</p>
              )}
            </div>
          </section>
        ) : null}

        <div aria-live="polite" className="min-h-6 text-sm">
          {sim.running ? 'Updating…' : invalid ? 'Fix the highlighted setting; the results are for the last valid settings.' : sim.error ? `The simulation failed: ${sim.error}` : ''}
        </div>

        {!revealed ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-600">
            Commit your prediction to see the result of your network.
          </p>
        ) : result ? (
          <>
            <section aria-labelledby="preview-heading" className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
              <h2 id="preview-heading" className="font-semibold">Criteria on this run (preview)</h2>
              <ul className="space-y-1 text-sm" data-testid="criteria-preview">
                {criteria.map((c, i) => {
                  const met = preview?.results[i]?.passed;
                  const trainingNow = c.kind === 'train-loss-below' && !training.losses.has(c);
                  return (
                    <li key={i}>
                      {preview && trainingNow ? (
                        <span className="font-semibold text-slate-700 dark:text-slate-300">{training.error ? 'Not checked' : 'Training…'}</span>
                      ) : (
                        <span className={met ? 'font-semibold text-emerald-800 dark:text-emerald-300' : 'font-semibold text-red-800 dark:text-red-300'}>
                          {preview ? (met ? 'Met' : 'Not met') : '…'}
                        </span>
                      )}
                      : {describeCriterion(c)}
                    </li>
                  );
                })}
              </ul>
              {training.pending ? <p className="text-xs text-slate-600 dark:text-slate-400" role="status">Training your network for the training criteria, in the background…</p> : null}
              {training.error ? <p className="text-xs text-red-700 dark:text-red-400" role="alert">{training.error} The server still trains and grades it when you submit.</p> : null}
              <p className="text-xs text-slate-600 dark:text-slate-400">Computed in your browser. When you submit, the server runs the network again and grades its own result.</p>
            </section>
            <RunChart
              rows={[{ layer: 0, rms: result.input.rms, theory: null }, ...result.layers.map((l) => ({ layer: l.layer, rms: l.post?.rms ?? null, theory: l.theory.postRms }))]}
              title="Signal per layer of your network"
            />
            <ResultsPanel result={result} origin={sim.origin} stale={!current} busy={sim.running} preview={sim.preview} />
            <LayerTable result={result} />
          </>
        ) : (
          <div className="h-48 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" aria-hidden />
        )}

        <section aria-labelledby="submit-heading" className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-700">
          <h2 id="submit-heading" className="font-semibold">Submit your answer</h2>
          <Field label="Your explanation (optional)" hint="A sentence or two on why your choice works. Markdown is allowed.">
            {(ids) => (
              <textarea
                id={ids.controlId}
                rows={3}
                maxLength={2000}
                value={explanation}
                onChange={(e) => setExplanation(e.target.value)}
                aria-describedby={ids.describedBy}
                className={`${inputClass} w-full`}
              />
            )}
          </Field>
          {confirmingLate ? (
            <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-600 dark:bg-amber-950 dark:text-amber-100">
              <p>The due date has passed: this submission will be marked late{' '}and may lose points.</p>
              <div className="flex gap-2">
                <Button variant="primary" disabled={submitting} onClick={() => void submit(true)}>
                  Submit late
                </Button>
                <Button onClick={() => setConfirmingLate(false)}>Cancel</Button>
              </div>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <Button
              variant="primary"
              disabled={submitting || invalid || !revealed || closed || noAttempts}
              onClick={() => void submit(false)}
            >
              {submitting ? 'Submitting…' : 'Submit'}
            </Button>
            {closed ? (
              <span className="text-sm">{initialTiming === 'closed' ? 'The cut-off has passed: submissions are closed.' : 'This exercise is not open yet.'}</span>
            ) : noAttempts ? (
              <span className="text-sm">You have used all your attempts.</span>
            ) : !revealed ? (
              <span className="text-sm">Commit your prediction first.</span>
            ) : null}
          </div>
          <p role="alert" className="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">{message}</p>
          <div role="status" className="min-h-5">
            {outcome ? (
              <div className="space-y-1 text-sm" data-testid="submission-outcome">
                <p className={`text-lg font-bold ${outcome.passed ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-800 dark:text-red-300'}`}>
                  {outcome.passed ? 'Passed' : 'Not passed'}
                </p>
                <p>
                  Attempt {outcome.attempt}: score {outcome.score}
                  {outcome.late ? ' (marked late)' : ''}. The server computed and graded this run itself.
                </p>
                <ul>
                  {outcome.criteriaResults.map((r, i) => (
                    <li key={i}>
                      {r.passed ? 'Met' : 'Not met'}: {describeCriterion(r.criterion)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        </section>
      </div>
    </div>
  );
}
