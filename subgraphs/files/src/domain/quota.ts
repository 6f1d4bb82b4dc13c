/**
 * How many bytes a user may store. Today one setting for everyone (FILES_QUOTA_BYTES); the seam
 * for tenancy's plans: a policy that looks the user's plan up answers here instead.
 */
export interface QuotaPolicy {
  quotaBytesFor(ownerId: string): Promise<number>;
}

export const settingQuota = (quotaBytes: number): QuotaPolicy => ({ quotaBytesFor: async () => quotaBytes });
