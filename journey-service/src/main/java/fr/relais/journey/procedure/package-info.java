/**
 * Procedure definitions: versioned YAML files under {@code src/main/resources/procedures/<id>/v<N>.yaml}, listed in
 * {@code procedures/index.txt}, in the format that {@code procedures/procedure.schema.json} documents. Read and
 * validated at start-up by {@link fr.relais.journey.procedure.ProcedureReader} (every problem names the file, the
 * JSON pointer, the line and what is expected) into the {@link fr.relais.journey.procedure.ProcedureCatalog}. A
 * journey pins the version it started on; ship a change as a new version file, never by editing a shipped one.
 */
package fr.relais.journey.procedure;
