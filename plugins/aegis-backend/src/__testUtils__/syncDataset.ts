import { AttackStore } from '../attack/AttackStore';
import { AttackDataset } from '../attack/stix/model';

/** Applies a dataset under a new run, as one sync would. */
export async function syncDataset(store: AttackStore, dataset: AttackDataset) {
  const run = await store.startRun({ domain: dataset.domain, trigger: 'test' });
  const { flaggedTests, ...counts } = await store.applyDataset(dataset, run.id);
  return counts;
}
