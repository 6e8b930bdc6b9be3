/** ddss/vitest: data-quality matchers for vitest (`toPassDataset`, `toHaveScore`, `toHaveNoViolations`). */
export {};
