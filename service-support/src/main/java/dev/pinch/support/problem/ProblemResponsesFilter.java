package dev.pinch.support.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Says in each service's OpenAPI document what {@link ProblemMappers} does: every operation's {@code default}
 * response (any 4xx or 5xx) is an RFC 9457 {@code application/problem+json} body, schema {@code Problem}.
 * Registered by each service with {@code mp.openapi.filter=dev.pinch.support.problem.ProblemResponsesFilter}.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String SCHEMA = "Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null && operation.getResponses().getDefaultValue() == null) {
            APIResponse problem = OASFactory.createAPIResponse()
                    .description("Any 4xx or 5xx: RFC 9457 problem details (type, title, status, detail, and for "
                            + "invalid input a violations array of {field, reason})")
                    .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                            OASFactory.createMediaType().schema(OASFactory.createSchema()
                                    .ref("#/components/schemas/" + SCHEMA))));
            operation.getResponses().setDefaultValue(problem);
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        Schema string = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .properties(Map.of("field", string, "reason", string));
        components.addSchema(SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; type is urn:pinch:problem:<kind> or about:blank")
                .properties(Map.of("type", string, "title", string, "detail", string,
                        "status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER),
                        "violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation),
                        "report", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                .description("for an invalid corpus: its validation report"))));
        openAPI.setComponents(components);
    }
}
