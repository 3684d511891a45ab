// Stand-in for the `server-only` guard package under Vitest: the guard exists to stop client
// bundles from importing server modules, which does not apply to tests running in Node.
export {};
