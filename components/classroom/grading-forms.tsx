'use client';
/** The instructor's feedback on a submission and the score override (with its reason). */
import { setFeedbackAction, overrideScoreAction } from '@/lib/actions/classroom';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { FormField } from '@/components/ui/form-field';
import { FormMessage } from './form-message';
import { useActionForm } from './use-action-form';

export function FeedbackForm({ submissionId, feedback }: { submissionId: string; feedback: string | null }) {
  const f = useActionForm(setFeedbackAction);
  return (
    <form onSubmit={f.onSubmit} className="space-y-2" noValidate>
      <input type="hidden" name="submissionId" value={submissionId} />
      <Field label="Feedback" error={f.errors.feedback} hint="Markdown. The student sees it on the exercise and on their grades page.">
        {(ids) => <textarea id={ids.controlId} name="feedback" rows={4} defaultValue={feedback ?? ''} aria-describedby={ids.describedBy} className={`${inputClass} w-full`} />}
      </Field>
      <FormMessage message={f.ok ? 'Feedback saved.' : f.message} ok={f.ok} />
      <Button type="submit" variant="primary" disabled={f.pending}>
        {f.pending ? 'Saving…' : 'Save feedback'}
      </Button>
    </form>
  );
}

export function OverrideForm({ submissionId, score, reason }: { submissionId: string; score: number | null; reason: string | null }) {
  const f = useActionForm(overrideScoreAction);
  return (
    <form onSubmit={f.onSubmit} className="grid gap-3 sm:grid-cols-[10rem_1fr]" noValidate aria-label="Override the score">
      <input type="hidden" name="submissionId" value={submissionId} />
      <FormField label="New score (0–100)" name="score" type="number" min={0} max={100} step="any" defaultValue={score ?? ''} error={f.errors.score} hint="Empty removes the override." />
      <FormField label="Reason" name="reason" defaultValue={reason ?? ''} error={f.errors.reason} maxLength={1000} />
      <div className="sm:col-span-2">
        <FormMessage message={f.ok ? 'Score saved.' : f.message} ok={f.ok} />
        <Button type="submit" disabled={f.pending}>
          {f.pending ? 'Saving…' : 'Save score'}
        </Button>
      </div>
    </form>
  );
}
