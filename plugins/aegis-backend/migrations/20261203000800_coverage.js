// @ts-check

/**
 * Coverage: when each test was validated (the most recent validated test of
 * a technique decides its coverage, and old validations turn stale), and one
 * coverage snapshot per day for the trend.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('aegis_tests', table => {
    table
      .string('validated_at', 30)
      .nullable()
      .comment('When the second approving vote validated the test');
    table.index(['state', 'validated_at'], 'aegis_tests_validated_idx');
  });
  // Tests validated before this column existed: the last vote validated them.
  await knex('aegis_tests')
    .where({ state: 'validated' })
    .update({
      validated_at: knex('aegis_test_votes')
        .max('voted_at')
        .where('aegis_test_votes.test_id', knex.ref('aegis_tests.id'))
        .andWhere('aegis_test_votes.round', knex.ref('aegis_tests.round')),
    });

  await knex.schema.createTable('aegis_coverage_snapshots', table => {
    table.comment('Coverage of the enabled domains, once a day, for the trend');
    table.string('day', 10).primary().comment('YYYY-MM-DD, UTC');
    table.integer('total').notNullable();
    table.integer('validated').notNullable();
    table.integer('partial').notNullable();
    table.integer('in_progress').notNullable();
    table.integer('not_covered').notNullable();
    table.integer('confirmed_gaps').notNullable();
    table.integer('stale').notNullable();
    table.string('taken_at', 30).notNullable();
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_coverage_snapshots');
  await knex.schema.alterTable('aegis_tests', table => {
    table.dropIndex(['state', 'validated_at'], 'aegis_tests_validated_idx');
    table.dropColumn('validated_at');
  });
};
