// @ts-check

/**
 * The ATT&CK knowledge base: tactics and techniques of each domain as MITRE
 * publishes them, the fields Aegis users add, and the history of syncs.
 * Nothing here is ever deleted by a sync: retired techniques are marked.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_attack_sync_runs', table => {
    table.comment('One row per ATT&CK sync of one domain');
    table.increments('id').primary();
    table.string('domain', 30).notNullable();
    table.string('trigger', 20).notNullable();
    table.string('triggered_by', 255).nullable();
    table.string('started_at', 30).notNullable();
    table.string('finished_at', 30).nullable();
    table.string('outcome', 20).notNullable();
    table.string('source', 20).nullable();
    table.text('source_detail').nullable();
    table
      .text('skipped_sources')
      .nullable()
      .comment('JSON: why earlier sources were not used');
    table.string('release', 20).nullable();
    table.integer('added').notNullable().defaultTo(0);
    table.integer('changed').notNullable().defaultTo(0);
    table.integer('deprecated').notNullable().defaultTo(0);
    table.integer('revoked').notNullable().defaultTo(0);
    table.integer('unchanged').notNullable().defaultTo(0);
    table.integer('duration_ms').nullable();
    table.text('error').nullable();
    table.index(['domain', 'id'], 'aegis_attack_sync_runs_domain_idx');
  });

  await knex.schema.createTable('aegis_attack_tactics', table => {
    table.comment('ATT&CK tactics in matrix order');
    table.string('domain', 30).notNullable();
    table.string('attack_id', 10).notNullable();
    table.string('stix_id', 100).notNullable();
    table.string('name', 255).notNullable();
    table.string('shortname', 100).notNullable();
    table.text('description').nullable();
    table.string('url', 500).nullable();
    table.integer('matrix_order').notNullable();
    table.boolean('deprecated').notNullable().defaultTo(false);
    table.string('content_hash', 64).notNullable();
    table.primary(['domain', 'attack_id']);
    table.index(['domain', 'shortname'], 'aegis_attack_tactics_shortname_idx');
  });

  await knex.schema.createTable('aegis_attack_techniques', table => {
    table.comment('ATT&CK techniques and sub-techniques, and custom ones');
    table.string('mitre_id', 30).primary();
    table.string('domain', 30).notNullable();
    table.string('stix_id', 100).nullable();
    table.string('name', 255).notNullable();
    table.text('description').nullable();
    table.string('url', 500).nullable();
    table.boolean('is_subtechnique').notNullable().defaultTo(false);
    table.string('parent_mitre_id', 30).nullable();
    table.string('version', 20).nullable();
    table.string('modified', 30).nullable();
    table.text('detection').nullable();
    table.text('data_sources').notNullable().defaultTo('[]');
    table.text('detection_strategies').notNullable().defaultTo('[]');
    table.text('platforms').notNullable().defaultTo('[]');
    table.text('tactics').notNullable().defaultTo('[]');
    table.boolean('deprecated').notNullable().defaultTo(false);
    table.boolean('revoked').notNullable().defaultTo(false);
    table.string('revoked_by', 30).nullable();
    table.string('content_hash', 64).nullable();
    // Fields of Aegis users: no sync ever writes them.
    table.boolean('custom').notNullable().defaultTo(false);
    table.boolean('review_required').notNullable().defaultTo(false);
    table.text('review_note').nullable();
    table.text('notes').nullable();
    table
      .integer('last_changed_run_id')
      .unsigned()
      .nullable()
      .references('id')
      .inTable('aegis_attack_sync_runs');
    table.index(['domain'], 'aegis_attack_techniques_domain_idx');
    table.index(['parent_mitre_id'], 'aegis_attack_techniques_parent_idx');
    table.index(['deprecated', 'revoked'], 'aegis_attack_techniques_state_idx');
    table.index(['review_required'], 'aegis_attack_techniques_review_idx');
    table.index(['name'], 'aegis_attack_techniques_name_idx');
  });

  await knex.schema.createTable('aegis_attack_technique_tactics', table => {
    table.comment('Which tactics a technique belongs to, for filtering');
    table
      .string('mitre_id', 30)
      .notNullable()
      .references('mitre_id')
      .inTable('aegis_attack_techniques')
      .onDelete('CASCADE');
    table.string('tactic', 100).notNullable();
    table.primary(['mitre_id', 'tactic']);
    table.index(['tactic'], 'aegis_attack_technique_tactics_tactic_idx');
  });

  await knex.schema.createTable('aegis_attack_technique_platforms', table => {
    table.comment('Which platforms a technique applies to, for filtering');
    table
      .string('mitre_id', 30)
      .notNullable()
      .references('mitre_id')
      .inTable('aegis_attack_techniques')
      .onDelete('CASCADE');
    table.string('platform', 100).notNullable();
    table.primary(['mitre_id', 'platform']);
    table.index(['platform'], 'aegis_attack_technique_platforms_platform_idx');
  });

  await knex.schema.createTable('aegis_attack_technique_changes', table => {
    table.comment('What each sync changed, per technique');
    table.bigIncrements('id').primary();
    table
      .integer('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('aegis_attack_sync_runs');
    table.string('mitre_id', 30).notNullable();
    table.string('change', 20).notNullable();
    table.index(['mitre_id', 'run_id'], 'aegis_attack_technique_changes_idx');
    table.index(['run_id'], 'aegis_attack_technique_changes_run_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_attack_technique_changes');
  await knex.schema.dropTable('aegis_attack_technique_platforms');
  await knex.schema.dropTable('aegis_attack_technique_tactics');
  await knex.schema.dropTable('aegis_attack_techniques');
  await knex.schema.dropTable('aegis_attack_tactics');
  await knex.schema.dropTable('aegis_attack_sync_runs');
};
