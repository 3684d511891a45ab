import Link from 'next/link';

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl py-10">
      <h1 className="text-4xl font-bold tracking-tight">Will your deep network train?</h1>
      <p className="mt-4 text-lg text-slate-700 dark:text-slate-300">
        Before a single gradient step, the scale of the initial weights decides whether a signal
        survives the trip through a deep network. InitLab lets you watch it happen, layer by layer,
        and explains the mathematics behind the fixes.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/simulator" className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800">
          Open the simulator
        </Link>
        <Link href="/lessons" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-900">
          Read the lessons
        </Link>
      </div>
    </div>
  );
}
