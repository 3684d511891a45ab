import Link from 'next/link';

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <p className="text-sm font-semibold text-red-700 dark:text-red-400">403</p>
      <h1 className="mt-2 text-2xl font-bold">This page is for instructors</h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        Your account does not have access to it. If you teach a course, ask for an instructor account.
      </p>
      <Link href="/dashboard" className="mt-6 inline-block font-medium text-blue-700 underline dark:text-blue-300">
        Go to your dashboard
      </Link>
    </div>
  );
}
