// @ts-check

/**
 * Test templates: reusable descriptions of security tests. Tests made from a
 * template keep its id, so templates are deactivated, never deleted.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_templates', table => {
    table.comment('Reusable security test descriptions');
    table.string('id', 36).primary();
    table.string('name', 200).notNullable();
    table.text('description').notNullable().defaultTo('');
    table
      .text('techniques')
      .notNullable()
      .defaultTo('[]')
      .comment('JSON array');
    table.string('platform', 100).notNullable();
    table.string('severity', 10).notNullable();
    table.text('procedure').notNullable().defaultTo('');
    table.text('tools').notNullable().defaultTo('[]').comment('JSON array');
    table.text('expected_detection').notNullable().defaultTo('');
    table.text('tags').notNullable().defaultTo('[]').comment('JSON array');
    table.boolean('active').notNullable().defaultTo(true);
    table.integer('version').notNullable().defaultTo(1);
    table.string('created_by', 255).notNullable();
    table.string('created_at', 30).notNullable();
    table.string('updated_at', 30).notNullable();
    table.index(['active', 'name'], 'aegis_templates_active_idx');
  });
  await knex.schema.alterTable('aegis_tests', table => {
    table.index(['template_id'], 'aegis_tests_template_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.alterTable('aegis_tests', table => {
    table.dropIndex(['template_id'], 'aegis_tests_template_idx');
  });
  await knex.schema.dropTable('aegis_templates');
};
