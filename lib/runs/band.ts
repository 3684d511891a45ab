/** Seeds in the band of a stored run: the simulator's, so a stored run is what the page shows. */
export const RUN_BAND_SEEDS = 5;
