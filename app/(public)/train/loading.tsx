/** Shown while the training page is prepared. */
export default function TrainLoading() {
  return (
    <div className="space-y-5" aria-busy="true">
      <p className="sr-only" role="status">
        Loading the training page…
      </p>
      <div className="h-9 w-80 max-w-full animate-pulse rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-5 w-[36rem] max-w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
      <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <div className="h-96 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />
        <div className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-2">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" />
            ))}
          </div>
          <div className="h-72 animate-pulse rounded-xl bg-slate-100 dark:bg-slate-800" />
        </div>
      </div>
    </div>
  );
}
