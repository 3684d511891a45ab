/**
 * Next.js config. Security headers live here so every response carries them, static or not.
 * The CSP allows inline scripts because Next's App Router bootstraps with inline <script> tags;
 * a nonce-based policy would force every page to render dynamically (lessons are static).
 * 'wasm-unsafe-eval' lets the simulation engine compile its own WebAssembly kernels
 * (lib/sim/wasm-kernels.ts, bytes shipped in our bundle); it allows WebAssembly only, not eval().
 * Everything else is locked to our own origin, and the pages are cross-origin isolated.
 */
const isProd = process.env.NODE_ENV === 'production';

const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'${isProd ? '' : " 'unsafe-eval'"}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: csp },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // Cross-origin isolation: the app loads nothing from other origins, and isolation gives the
  // simulator SharedArrayBuffer, through which it stops a worker's run mid-way
  // (components/simulator/engine-worker.ts). Our resources are not for other sites to embed.
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ...(isProd ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }] : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Source maps for the browser bundles only when profiling (INITLAB_SOURCE_MAPS=1 next build).
  productionBrowserSourceMaps: process.env.INITLAB_SOURCE_MAPS === '1',
  // Separate build folders let parallel e2e runs (or a dev server beside a test build) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // The build type-checks the app; `npm run typecheck` (part of `npm test`) covers tests too.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
    // proxy.ts reads a server action's body to screen it, and Next buffers at most this much of
    // it (10 MB by default), cutting at a read boundary below the bound. Twice the screen's limit
    // (MAX_ACTION_BODY_BYTES in lib/http/action-request.ts): an endless chunked body costs a
    // request 2 MB, and what is kept of it is still over the limit, so it gets a 413.
    proxyClientMaxBodySize: 2 * 1024 * 1024,
  },
  // Native / WASM packages are loaded by Node at run time rather than bundled.
  // Piscina starts worker threads from its own files (and ours: lib/runs/engine-worker.mjs).
  serverExternalPackages: ['@node-rs/argon2', '@electric-sql/pglite', 'pglite-prisma-adapter', 'pg', '@prisma/adapter-pg', 'piscina'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
