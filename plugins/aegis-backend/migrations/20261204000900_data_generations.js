// @ts-check

/**
 * Generations of the data that Aegis' read cache serves: a counter per kind
 * of data that no test row tells about (the knowledge base, the coverage
 * snapshots), raised in the transaction that changes it. A cached answer is
 * served only while every generation, and the fingerprint of the tests, is
 * the one it was computed at.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_data_generations', table => {
    table.comment('Change counters of the data the read cache depends on');
    table.string('name', 50).primary();
    table.bigInteger('generation').notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_data_generations');
};
