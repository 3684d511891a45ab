/** The top bar on every page. Account state is fetched on the client so pages can stay static. */
import Link from 'next/link';
import { ThemeToggle } from './theme-toggle';
import { AccountMenu } from './account-menu';

const NAV = [
  { href: '/simulator', label: 'Simulator' },
  { href: '/train', label: 'Train' },
  { href: '/lessons', label: 'Lessons' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold tracking-tight">
          Init<span className="text-blue-700 dark:text-blue-400">Lab</span>
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm">
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} className="text-slate-700 hover:text-blue-700 hover:underline dark:text-slate-200 dark:hover:text-blue-300">
              {n.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <AccountMenu />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
