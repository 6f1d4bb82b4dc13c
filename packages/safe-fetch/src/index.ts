export { safeFetch, SafeFetchError, type SafeFetchOptions, type SafeFetchRefusal, type SafeResponse, type ResolvedAddress } from './safe-fetch';
export { isInternalAddress } from './addresses';
export { pageMeta, type PageMeta } from './page-meta';
