import { parseEntityRef } from '@backstage/catalog-model';

/** A user ref as a name, such as `rita.red` for `user:default/rita.red`. */
export function userLabel(ref: string): string {
  try {
    const { namespace, name } = parseEntityRef(ref, { defaultKind: 'user' });
    return namespace === 'default' ? name : `${namespace}/${name}`;
  } catch {
    return ref;
  }
}
