// Summaries both benchmarks print, so their figures read the same way.

/** @param {number[]} values @param {number} p */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

/** @param {number[]} ms @param {{ max?: boolean }} [options] */
export const stats = (ms, { max = false } = {}) =>
  `p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms` +
  (max ? `, max ${Math.max(...ms).toFixed(1)} ms` : '') +
  ` (${ms.length} runs)`;
