'use client';
/** The roster: enrolled students with a remove button, pre-enrolled e-mails, and the CSV import. */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { importRosterAction, removePendingEnrollmentAction, removeStudentAction } from '@/lib/actions/classroom';
import type { RosterImportReport } from '@/lib/data/courses';
import { Button } from '@/components/ui/button';
import { Field, inputClass } from '@/components/ui/field';
import { FormMessage } from './form-message';
import { useActionForm } from './use-action-form';

export interface RosterPanelProps {
  courseId: string;
  roster: { id: string; name: string; email: string; joinedAt: string }[];
  pendingEmails: string[];
}

function reportText(r: RosterImportReport): string {
  const parts = [
    `${r.enrolled.length} enrolled`,
    `${r.pending.length} pre-enrolled until they sign up`,
    r.alreadyEnrolled.length ? `${r.alreadyEnrolled.length} already on the roster` : '',
    r.notStudents.length ? `${r.notStudents.length} skipped (instructor accounts: ${r.notStudents.join(', ')})` : '',
    r.rejected.length ? `${r.rejected.length} lines not understood (${r.rejected.slice(0, 3).join('; ')})` : '',
  ];
  return `Roster imported: ${parts.filter(Boolean).join(', ')}.`;
}

export function RosterPanel({ courseId, roster, pendingEmails }: RosterPanelProps) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState('');
  const imp = useActionForm(importRosterAction, { onSuccess: (r, form) => { setReport(reportText(r)); form.reset(); } });

  const remove = (studentId: string, name: string) => {
    if (!window.confirm(`Remove ${name} from this course? Their submissions are kept.`)) return;
    startTransition(async () => {
      const res = await removeStudentAction({ courseId, studentId });
      setStatus(res.ok ? `${name} was removed from the course.` : res.message);
      if (res.ok) router.refresh();
    });
  };
  const dropPending = (email: string) =>
    startTransition(async () => {
      const res = await removePendingEnrollmentAction({ courseId, email });
      setStatus(res.ok ? `${email} is no longer pre-enrolled.` : res.message);
      if (res.ok) router.refresh();
    });

  return (
    <div className="space-y-4">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Students enrolled in this course</caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-2">Name</th>
            <th scope="col" className="py-2">E-mail</th>
            <th scope="col" className="py-2">Joined</th>
            <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {roster.map((s) => (
            <tr key={s.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className="py-2">{s.name}</td>
              <td className="py-2">{s.email}</td>
              <td className="py-2">{new Date(s.joinedAt).toLocaleDateString()}</td>
              <td className="py-2 text-right">
                <Button size="sm" variant="danger" disabled={pending} onClick={() => remove(s.id, s.name)}>
                  Remove<span className="sr-only"> {s.name}</span>
                </Button>
              </td>
            </tr>
          ))}
          {roster.length === 0 ? (
            <tr>
              <td colSpan={4} className="py-3 text-slate-600 dark:text-slate-400">No students yet. Share the join code or import a roster.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {pendingEmails.length ? (
        <div>
          <h3 className="text-sm font-semibold">Pre-enrolled (no account yet)</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {pendingEmails.map((e) => (
              <li key={e} className="flex items-center gap-2">
                <span>{e}</span>
                <Button size="sm" variant="ghost" disabled={pending} onClick={() => dropPending(e)}>
                  Cancel<span className="sr-only"> pre-enrolment of {e}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p role="status" className="min-h-5 text-sm">{status}</p>
      <form onSubmit={imp.onSubmit} className="space-y-2" noValidate>
        <input type="hidden" name="courseId" value={courseId} />
        <Field
          label="Roster CSV"
          error={imp.errors.csv}
          hint="One e-mail per line, or paste a CSV export with an e-mail column. Students with an account are enrolled now; the others join when they sign up with that address."
        >
          {(ids) => <textarea id={ids.controlId} name="csv" rows={4} aria-describedby={ids.describedBy} className={`${inputClass} w-full font-mono`} />}
        </Field>
        <FormMessage message={imp.ok ? report : imp.errors.csv ? '' : imp.message} ok={imp.ok} />
        <Button type="submit" disabled={imp.pending}>
          {imp.pending ? 'Importing…' : 'Import roster'}
        </Button>
      </form>
    </div>
  );
}
