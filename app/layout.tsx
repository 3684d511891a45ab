import type { Metadata, Viewport } from 'next';
import './globals.css';
import { SiteHeader } from '@/components/ui/site-header';

export const metadata: Metadata = {
  metadataBase: new URL(process.env.NEXTAUTH_URL ?? 'http://localhost:3000'),
  title: { default: 'InitLab — see why weight initialization decides whether a deep network trains', template: '%s · InitLab' },
  description:
    'An interactive lab and course on weight initialization: watch the signal vanish, hold or explode through a deep network, and learn the Xavier and He derivations.',
  openGraph: { siteName: 'InitLab', type: 'website', images: [{ url: '/og-default.png', width: 1200, height: 630, alt: 'InitLab: a signal vanishing, holding and exploding through a deep network' }] },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

/** Sets data-theme before first paint (stored choice, else the system's), avoiding a flash. */
const themeScript = `try{var t=localStorage.getItem('theme');if(t!=='light'&&t!=='dark'){t=matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}document.documentElement.dataset.theme=t}catch(e){}`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-blue-700 focus:px-3 focus:py-2 focus:text-white"
        >
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-7xl px-4 py-6 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
