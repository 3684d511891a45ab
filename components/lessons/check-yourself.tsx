'use client';
/**
 * "Check yourself": the reader commits to a prediction, then the engine runs in the browser and
 * grades it. Committing first is the point (a prediction you never wrote down cannot surprise
 * you), so the reveal button stays disabled until an answer is given.
 */
import { useId, useState } from 'react';
import Link from 'next/link';
import { CHECKS, gradeEstimate } from '@/lib/lessons/checks';
import { runLessonSim } from '@/lib/lessons/run';
import { simulatorHref } from '@/lib/validation/sim-config-url';
import { formatNumber } from '@/lib/format';

type Outcome = { correct: boolean; message: string } | { error: string };

export function CheckYourself({ checkId }: { checkId: string }) {
  const check = CHECKS[checkId];
  const uid = useId();
  const [choice, setChoice] = useState<string>('');
  const [guess, setGuess] = useState<string>('');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  if (!check) return null;

  const answered = check.kind === 'choice' ? choice !== '' : guess.trim() !== '' && Number.isFinite(Number(guess));

  function reveal() {
    setRunning(true);
    setOutcome(null);
    // Let React paint "Running…" before the synchronous engine call occupies the main thread.
    setTimeout(() => {
      try {
        const results = check.configs.map((c) => runLessonSim(c, check.kind === 'estimate' ? check.bandSeeds : undefined));
        if (check.kind === 'choice') {
          const right = check.grade(results);
          const label = check.options.find((o) => o.id === right)?.label ?? right;
          const correct = right === choice;
          setOutcome({
            correct,
            message: `${correct ? 'Right.' : `Not quite: the engine says “${label}”.`} ${check.explain(results)}`,
          });
        } else {
          const truth = check.quantity(results);
          const g = Number(guess);
          const { correct, ruledOut } = gradeEstimate(check, results, g);
          const { min, max } = check.accepted(results);
          const why = ruledOut ? ` That is nearer ${ruledOut}, which the question rules out.` : '';
          setOutcome({
            correct,
            message: `${correct ? 'Right' : 'Not quite'}: you said ${formatNumber(g)}, the engine says ${formatNumber(truth)} (anything from ${formatNumber(min)} to ${formatNumber(max)}, the spread over ${check.bandSeeds} seeds and the mean-field prediction, counts).${why} ${check.explain(results)}`,
          });
        }
      } catch (e) {
        setOutcome({ error: e instanceof Error ? e.message : 'The simulation failed to run.' });
      } finally {
        setRunning(false);
      }
    }, 0);
  }

  return (
    <section
      aria-labelledby={`${uid}-title`}
      data-testid="check-yourself"
      className="mt-10 rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id={`${uid}-title`} className="text-xl font-semibold tracking-tight">Check yourself</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Predict first, then run the engine to see whether you were right.</p>
      <form
        className="mt-4"
        onSubmit={(e) => {
          e.preventDefault();
          if (answered && !running) reveal();
        }}
      >
        {check.kind === 'choice' ? (
          <fieldset>
            <legend className="leading-7 text-slate-900 dark:text-slate-100">{check.question}</legend>
            <div className="mt-3 space-y-2">
              {check.options.map((o) => (
                <label
                  key={o.id}
                  className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-200 px-3 py-2 hover:bg-slate-50 has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50 dark:border-slate-700 dark:hover:bg-slate-800 dark:has-[:checked]:border-blue-400 dark:has-[:checked]:bg-blue-950/50"
                >
                  <input
                    type="radio"
                    name={`${uid}-choice`}
                    value={o.id}
                    checked={choice === o.id}
                    onChange={() => {
                      setChoice(o.id);
                      setOutcome(null);
                    }}
                    className="mt-1.5 accent-blue-700"
                  />
                  <span className="leading-7">{o.label}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ) : (
          <div>
            <p className="leading-7 text-slate-900 dark:text-slate-100" id={`${uid}-q`}>{check.question}</p>
            <label htmlFor={`${uid}-guess`} className="mt-3 block text-sm font-medium">{check.inputLabel}</label>
            <input
              id={`${uid}-guess`}
              type="number"
              inputMode="decimal"
              step="any"
              value={guess}
              aria-describedby={`${uid}-q`}
              onChange={(e) => {
                setGuess(e.target.value);
                setOutcome(null);
              }}
              className="mt-1 w-40 rounded-md border border-slate-400 bg-white px-3 py-2 text-slate-900 dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100"
            />
          </div>
        )}
        <button
          type="submit"
          disabled={!answered || running}
          className="mt-4 rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:bg-slate-400 dark:bg-blue-600 dark:hover:bg-blue-500 dark:disabled:bg-slate-700"
        >
          {running ? 'Running…' : 'Run the engine and check'}
        </button>
      </form>
      <div aria-live="polite" className="mt-4" data-testid="check-feedback">
        {outcome && 'error' in outcome ? (
          <p className="text-red-700 dark:text-red-300">Could not run the check: {outcome.error}</p>
        ) : outcome ? (
          <div
            className={`rounded-md border-l-4 px-4 py-3 leading-7 ${outcome.correct ? 'border-emerald-600 bg-emerald-50 dark:bg-emerald-950/40' : 'border-amber-600 bg-amber-50 dark:bg-amber-950/40'}`}
          >
            <p data-testid="check-verdict" className="font-semibold">{outcome.correct ? 'Correct' : 'Not this time'}</p>
            <p>{outcome.message}</p>
            <p className="mt-2">
              <Link href={simulatorHref(check.tryIt)} className="text-blue-700 underline underline-offset-2 dark:text-blue-300">
                Explore this run in the simulator
              </Link>
            </p>
          </div>
        ) : null}
      </div>
    </section>
  );
}
