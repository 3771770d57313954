// Candle aggregation for the chart worker.
export function aggregate(trades, interval) {
  const out = new Map();
  for (const t of trades) {
    const k = Math.floor(t.time / interval) * interval;
    out.set(k, (out.get(k) || 0) + t.size);
  }
  return [...out.entries()];
}
