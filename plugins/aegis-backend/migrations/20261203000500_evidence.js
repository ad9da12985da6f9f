// @ts-check

/**
 * Evidence files of security tests: metadata rows here, content in the
 * configured object store, keyed by test, team and SHA-256. Uploads in flight
 * are recorded first, so that an object whose metadata never landed is found
 * and removed by the clean-up task.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('aegis_evidence', table => {
    table.comment('Evidence files of tests; soft-deleted, never removed');
    table.string('id', 36).primary();
    table
      .string('test_id', 36)
      .notNullable()
      .references('id')
      .inTable('aegis_tests');
    table.integer('round').notNullable();
    table.string('team', 4).notNullable();
    table.string('object_key', 255).notNullable();
    table.string('sha256', 64).notNullable();
    table.bigInteger('size').notNullable();
    table.string('filename', 255).notNullable();
    table.text('description').nullable();
    table.string('declared_type', 255).nullable();
    table.string('detected_type', 255).nullable();
    table.string('uploaded_by', 255).notNullable();
    table.string('uploaded_at', 30).notNullable();
    table.string('deleted_at', 30).nullable();
    table.string('deleted_by', 255).nullable();
    table
      .string('object_removed_at', 30)
      .nullable()
      .comment('When the content of a deleted file left the store');
    table.index(['test_id', 'team'], 'aegis_evidence_test_idx');
    table.index(['object_key'], 'aegis_evidence_object_idx');
  });

  await knex.schema.createTable('aegis_evidence_uploads', table => {
    table.comment('Uploads in flight, for the clean-up of orphaned objects');
    table.string('id', 36).primary();
    table.string('temporary_key', 255).notNullable();
    table.string('final_key', 255).nullable();
    table.string('started_at', 30).notNullable();
    table.index(['started_at'], 'aegis_evidence_uploads_started_idx');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('aegis_evidence_uploads');
  await knex.schema.dropTable('aegis_evidence');
};
