/** `1 technique`, `2 techniques`: a count with its noun in agreement. */
export function counted(n: number, singular: string, plural = `${singular}s`) {
  return `${n} ${n === 1 ? singular : plural}`;
}
