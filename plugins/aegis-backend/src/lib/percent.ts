/** `part` in percent of `total`, with one decimal; 0 of nothing. */
export function percent(part: number, total: number): number {
  return total ? Math.round((part * 1000) / total) / 10 : 0;
}
