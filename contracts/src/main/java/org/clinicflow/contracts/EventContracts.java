package org.clinicflow.contracts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Checks a message against the schema of its CloudEvents type, as published in {@code contracts/schemas}.
 * Producers' tests check what they send; consumers' tests check the samples they accept.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private EventContracts() {
    }

    /** @return the violations; empty when the message honours the contract of its declared {@code type} */
    public static List<String> violations(String cloudEventJson) {
        try {
            var message = JSON.readTree(cloudEventJson);
            var type = message.path("type").asText();
            if (type.isEmpty()) {
                return List.of("message has no CloudEvents type");
            }
            return schema(type).validate(message).stream().map(ValidationMessage::getMessage).toList();
        } catch (IOException e) {
            return List.of("message is not JSON: " + e.getMessage());
        }
    }

    public static JsonSchema schema(String type) {
        var resource = "clinicflow/contracts/schemas/" + type + ".json";
        try (var in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract for event type " + type);
            }
            return FACTORY.getSchema(JSON.readTree(in), CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
