package fr.relais.problem.openapi;

import fr.relais.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The schema of {@link Problem} as the document names it. Written out because no operation's signature returns a
 * Problem for the scanner to find (refusals leave through exception mappers); ProblemSchemaTest keeps it to the record.
 */
final class ProblemSchema {

    static final String NAME = "Problem";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    static Schema create() {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem detail; extension members (e.g. field, reason) may follow the standard ones")
                .addProperty("type", string().format("uri").description("The problem type: " + Problem.TYPE_BASE + " and a short code"))
                .addProperty("title", string().description("A short summary of the problem type"))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code"))
                .addProperty("detail", string().description("What went wrong with this request, for a person to read"))
                .addProperty("instance", string().description("The request path"))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
