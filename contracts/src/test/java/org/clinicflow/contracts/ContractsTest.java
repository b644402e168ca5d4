package org.clinicflow.contracts;

import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTest {

    private static final Path SCHEMAS = Path.of("schemas");
    private static final Pattern TYPE_NAME = Pattern.compile("clinic\\.[a-z]+\\.[a-z-]+\\.v\\d+");

    @Test
    void everySchemaIsNamedAfterTheVersionedEventTypeItPins() throws IOException {
        var mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            var schemas = files.toList();
            assertThat(schemas).isNotEmpty();
            for (Path file : schemas) {
                var type = file.getFileName().toString().replaceFirst("\\.json$", "");
                assertThat(type).matches(TYPE_NAME);
                var schema = mapper.readTree(file.toFile());
                assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type);
                assertThat(schema.at("/properties/specversion/const").asText()).isEqualTo("1.0");
                // Loading it proves it is a well-formed draft 2020-12 schema.
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            }
        }
    }

    @Test
    void asyncApiDocumentListsEverySchema() throws IOException {
        var asyncApi = Files.readString(Path.of("asyncapi.yaml"));
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            files.forEach(file -> {
                var type = file.getFileName().toString().replaceFirst("\\.json$", "");
                assertThat(asyncApi).contains("name: " + type).contains("./schemas/" + file.getFileName());
            });
        }
    }

    @Test
    void validatorRejectsAMessageThatBreaksItsContract() {
        var valid = """
                {"specversion":"1.0","id":"6f1c1f3e-3a47-4a7e-9a55-1f0d3b7c2a10","source":"/clinicflow/booking-service",
                 "type":"clinic.booking.appointment-booked.v1","subject":"0b7f6a2e-9a8e-4a51-8f65-5a3f1d2c4b6e",
                 "time":"2026-03-29T10:15:00+01:00","datacontenttype":"application/json",
                 "data":{"appointmentId":"0b7f6a2e-9a8e-4a51-8f65-5a3f1d2c4b6e",
                         "patientId":"a0000000-0000-4000-a000-000000000001",
                         "clinicianId":"c0000000-0000-4000-a000-000000000001","appointmentType":"FREE_CONSULTATION",
                         "startsAt":"2026-03-30T09:00:00+01:00","endsAt":"2026-03-30T09:15:00+01:00",
                         "bookedAt":"2026-03-29T10:15:00+01:00"}}
                """;
        assertThat(EventContracts.violations(valid)).isEmpty();
        assertThat(EventContracts.violations(valid.replace("\"patientId\"", "\"patientName\""))).isNotEmpty();
        assertThat(EventContracts.violations(valid.replace("2026-03-30T09:00:00+01:00", "next Monday"))).isNotEmpty();
    }
}
