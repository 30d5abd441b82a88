// The kelviq API hosts. A key works only in the environment that issued it.

export const KELVIQ_BASE_URLS = {
  sandbox: 'https://sandboxapi.kelviq.com/api/v1',
  production: 'https://api.kelviq.com/api/v1',
} as const;

export type KelviqEnvironment = keyof typeof KELVIQ_BASE_URLS;
