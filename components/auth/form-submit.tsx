/** The end of an auth form: the form-level message (announced) and the submit button. */
export function FormSubmit({ message, pending, label, pendingLabel }: { message: string; pending: boolean; label: string; pendingLabel: string }) {
  return (
    <>
      <p role="alert" className="min-h-5 text-sm font-medium text-red-700 dark:text-red-400">
        {message}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? pendingLabel : label}
      </button>
    </>
  );
}
