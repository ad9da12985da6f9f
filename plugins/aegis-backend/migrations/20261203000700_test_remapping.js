// @ts-check

/**
 * Marks the techniques of a test that MITRE retired after the test was
 * mapped to them, with the replacement of a revoked one, so that the test
 * can be re-mapped.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aegis_test_techniques', table => {
    table
      .string('remap_reason', 20)
      .nullable()
      .comment('revoked or deprecated, set by the sync that retired it');
    table.string('remap_to', 30).nullable();
    table.string('flagged_at', 30).nullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aegis_test_techniques', table => {
    table.dropColumn('flagged_at');
    table.dropColumn('remap_to');
    table.dropColumn('remap_reason');
  });
};
