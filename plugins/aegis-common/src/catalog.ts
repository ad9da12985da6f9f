/**
 * The `apiVersion` of the Technique and Tactic catalog entities.
 *
 * @public
 */
export const AEGIS_API_VERSION = 'aegis.security/v1alpha1';

/**
 * The catalog kind of an ATT&CK technique or sub-technique.
 *
 * @public
 */
export const TECHNIQUE_KIND = 'Technique';

/**
 * The catalog kind of an ATT&CK tactic.
 *
 * @public
 */
export const TACTIC_KIND = 'Tactic';

/**
 * The annotation holding the ATT&CK ID of a Technique or Tactic entity.
 *
 * @public
 */
export const ANNOTATION_ATTACK_ID = 'aegis.security/attack-id';

/**
 * From a Technique to an entity that tests of the technique ran against.
 *
 * @public
 */
export const RELATION_TESTED_AGAINST = 'testedAgainst';

/**
 * The reverse of {@link RELATION_TESTED_AGAINST}: from an entity to a
 * Technique it was tested for.
 *
 * @public
 */
export const RELATION_TESTED_FOR = 'testedFor';
