// @ts-check

/**
 * Foundation tables: the append-only audit log and the role bindings that
 * admins edit.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_audit_log', table => {
    table.comment('Append-only history of every change made through Aegis');
    table.bigIncrements('id').primary();
    table
      .timestamp('occurred_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.string('actor', 255).notNullable().comment('Entity ref or service');
    table.string('action', 100).notNullable();
    table.string('entity_type', 50).notNullable();
    table.string('entity_id', 255).notNullable();
    table.text('before').nullable().comment('JSON state before the change');
    table.text('after').nullable().comment('JSON state after the change');
    table.string('request_id', 100).nullable();
    table.index(
      ['entity_type', 'entity_id', 'id'],
      'aegis_audit_log_entity_idx',
    );
    table.index(['actor'], 'aegis_audit_log_actor_idx');
    table.index(['action'], 'aegis_audit_log_action_idx');
    table.index(['occurred_at'], 'aegis_audit_log_occurred_at_idx');
  });

  // The audit log must never be rewritten, whatever code runs against it.
  if (knex.client.config.client === 'pg') {
    await knex.raw(`
      CREATE FUNCTION aegis_audit_log_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'aegis_audit_log is append-only';
      END;
      $$ LANGUAGE plpgsql;
    `);
    await knex.raw(`
      CREATE TRIGGER aegis_audit_log_append_only
      BEFORE UPDATE OR DELETE ON aegis_audit_log
      FOR EACH ROW EXECUTE FUNCTION aegis_audit_log_append_only();
    `);
  } else {
    for (const operation of ['UPDATE', 'DELETE']) {
      await knex.raw(`
        CREATE TRIGGER aegis_audit_log_no_${operation.toLowerCase()}
        BEFORE ${operation} ON aegis_audit_log
        BEGIN
          SELECT RAISE(ABORT, 'aegis_audit_log is append-only');
        END;
      `);
    }
  }

  await knex.schema.createTable('aegis_role_bindings', table => {
    table.comment('Roles granted to users by Aegis administrators');
    table.increments('id').primary();
    table.string('user_entity_ref', 255).notNullable();
    table.string('role', 20).notNullable();
    table.string('created_by', 255).notNullable();
    table
      .timestamp('created_at', { useTz: true })
      .notNullable()
      .defaultTo(knex.fn.now());
    table.unique(['user_entity_ref', 'role'], {
      indexName: 'aegis_role_bindings_user_role_idx',
    });
    table.index(['role'], 'aegis_role_bindings_role_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_role_bindings');
  await knex.schema.dropTable('aegis_audit_log');
  if (knex.client.config.client === 'pg') {
    await knex.raw('DROP FUNCTION IF EXISTS aegis_audit_log_append_only()');
  }
};
