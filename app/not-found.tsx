import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-slate-600 dark:text-slate-400">404</p>
      <h1 className="mt-2 text-2xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">The address may be mistyped, or the page may have moved.</p>
      <Link href="/" className="mt-6 inline-block font-medium text-blue-700 underline dark:text-blue-300">
        Back to the start
      </Link>
    </div>
  );
}
