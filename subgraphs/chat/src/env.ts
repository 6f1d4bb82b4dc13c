import { memoEnv, serviceEnv } from '@mosaic/kit';

export const env = memoEnv(serviceEnv(4004));
