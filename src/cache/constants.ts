/** Where `--cache` keeps its files unless `--cache-location` says otherwise (relative to the working directory; ESLint's and Babel's convention). */
export const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/shipready';
