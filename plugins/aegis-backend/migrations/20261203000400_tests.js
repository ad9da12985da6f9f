// @ts-check

/**
 * Security tests and their red/blue validation workflow: one row per test,
 * one per round of red and blue work (a reopen starts a new round and keeps
 * the earlier ones), the leads' votes of each round, and the ATT&CK
 * techniques and catalog entities each test covers.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_tests', table => {
    table.comment('Security tests and where each stands in the workflow');
    table.string('id', 36).primary();
    table.string('title', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table.string('platform', 100).notNullable();
    table.string('severity', 10).notNullable();
    table.text('procedure').notNullable().defaultTo('');
    table.text('tools').notNullable().defaultTo('[]').comment('JSON array');
    table.text('expected_detection').notNullable().defaultTo('');
    table.text('tags').notNullable().defaultTo('[]').comment('JSON array');
    table.string('template_id', 36).nullable();
    table.boolean('blind').notNullable().defaultTo(false);
    table
      .string('revealed_at', 30)
      .nullable()
      .comment('When red first submitted: a blind test is hidden until then');
    table.string('state', 20).notNullable();
    table.integer('round').notNullable().defaultTo(1);
    table
      .integer('version')
      .notNullable()
      .defaultTo(1)
      .comment('Grows with every change, for optimistic concurrency');
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.text('remediation').nullable().comment('JSON, null until set');
    table.string('remediation_status', 20).nullable();
    table.string('remediation_owner', 255).nullable();
    table.index(['state', 'updated_at'], 'aegis_tests_state_idx');
    table.index(['created_by'], 'aegis_tests_created_by_idx');
    table.index(['updated_at'], 'aegis_tests_updated_idx');
  });

  await knex.schema.createTable('aegis_test_rounds', table => {
    table.comment('Red and blue work of one round of a test');
    table
      .string('test_id', 36)
      .notNullable()
      .references('id')
      .inTable('aegis_tests')
      .onDelete('CASCADE');
    table.integer('round').notNullable();
    table.string('red_executed_at', 30).nullable();
    table.text('red_commands').nullable();
    table.text('red_result').nullable();
    table.text('red_notes').nullable();
    table.text('red_actors').notNullable().defaultTo('[]');
    table.string('red_submitted_at', 30).nullable();
    table.string('red_submitted_by', 255).nullable();
    table.text('blue_controls').notNullable().defaultTo('[]');
    table.string('blue_outcome', 20).nullable();
    table.string('blue_alert_severity', 10).nullable();
    table.string('blue_detected_at', 30).nullable();
    table.text('blue_detection_reference').nullable();
    table.text('blue_notes').nullable();
    table.text('blue_actors').notNullable().defaultTo('[]');
    table.string('blue_submitted_at', 30).nullable();
    table.string('blue_submitted_by', 255).nullable();
    table.primary(['test_id', 'round']);
  });

  await knex.schema.createTable('aegis_test_votes', table => {
    table.comment('Votes of the two leads in each round; changeable in review');
    table.string('test_id', 36).notNullable();
    table.integer('round').notNullable();
    table.string('side', 4).notNullable();
    table.string('decision', 10).notNullable();
    table.text('comment').notNullable();
    table.string('voter', 255).notNullable();
    table.string('voted_at', 30).notNullable();
    table.text('override_reason').nullable();
    table.primary(['test_id', 'round', 'side']);
    table
      .foreign(['test_id', 'round'])
      .references(['test_id', 'round'])
      .inTable('aegis_test_rounds')
      .onDelete('CASCADE');
  });

  await knex.schema.createTable('aegis_test_techniques', table => {
    table.comment('ATT&CK techniques a test exercises');
    table
      .string('test_id', 36)
      .notNullable()
      .references('id')
      .inTable('aegis_tests')
      .onDelete('CASCADE');
    table.string('mitre_id', 30).notNullable();
    table.primary(['test_id', 'mitre_id']);
    table.index(['mitre_id'], 'aegis_test_techniques_mitre_idx');
  });

  await knex.schema.createTable('aegis_test_targets', table => {
    table.comment('Catalog entities a test was run against');
    table
      .string('test_id', 36)
      .notNullable()
      .references('id')
      .inTable('aegis_tests')
      .onDelete('CASCADE');
    table.string('entity_ref', 255).notNullable();
    table.primary(['test_id', 'entity_ref']);
    table.index(['entity_ref'], 'aegis_test_targets_entity_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_test_targets');
  await knex.schema.dropTable('aegis_test_techniques');
  await knex.schema.dropTable('aegis_test_votes');
  await knex.schema.dropTable('aegis_test_rounds');
  await knex.schema.dropTable('aegis_tests');
};
