// Plain constants of the kelviq catalog, without zod, so the VS Code side can use them without
// loading the API layer (see src/core.ts).

/** The ten tax codes the API accepts, with a short human description for pickers and hovers. */
export const TAX_CODES = {
  saas: 'Software as a service for consumers',
  saas_business: 'Software as a service sold to businesses (B2B)',
  software: 'Downloadable or installed software',
  videocontent: 'Streamed or downloadable video',
  informationservice: 'Information services: data, research, reports',
  ebook: 'Electronic books and publications',
  digitalgraphic: 'Digital images, graphics and design assets',
  videogame: 'Video games and in-game content',
  eservice: 'Other electronically supplied services',
  training: 'Online courses and training',
} as const satisfies Record<string, string>;

export type TaxCode = keyof typeof TAX_CODES;
export const TAX_CODE_VALUES = Object.keys(TAX_CODES) as [TaxCode, ...TaxCode[]];

/** Slug rules for identifiers: lowercase letters, digits and single hyphens or underscores. */
export const IDENTIFIER_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;
