'use client';
/** Any uncaught error in a page: a calm message and a retry, never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The page could not be shown. Please try again; if it keeps happening, come back in a few minutes.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
      >
        Try again
      </button>
    </div>
  );
}
