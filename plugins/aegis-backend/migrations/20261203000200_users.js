// @ts-check

/**
 * Users known to Aegis administration: whether they are active. A user is
 * added the first time an admin binds a role to them or deactivates them.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_users', table => {
    table.comment('Activation state of users administered in Aegis');
    table.string('user_entity_ref', 255).primary();
    table.boolean('active').notNullable().defaultTo(true);
    table.string('updated_by', 255).notNullable();
    table
      .timestamp('updated_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.index(['active'], 'aegis_users_active_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_users');
};
