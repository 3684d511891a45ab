export default function Loading() {
  return (
    <p role="status" className="py-10 text-center text-slate-600 dark:text-slate-400">
      Loading…
    </p>
  );
}
