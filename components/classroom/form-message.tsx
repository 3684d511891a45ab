/** A form's outcome line: errors in red, confirmations in green, always announced. */
export function FormMessage({ message, ok = false, id }: { message: string; ok?: boolean; id?: string }) {
  return (
    <p
      id={id}
      role={ok ? 'status' : 'alert'}
      className={`min-h-5 text-sm font-medium ${ok ? 'text-emerald-800 dark:text-emerald-300' : 'text-red-700 dark:text-red-400'}`}
    >
      {message}
    </p>
  );
}
