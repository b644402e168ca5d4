package org.clinicflow.web.platform;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

    @Test
    void aServicesFieldMessagesAreShownWithTheFormsLabels() {
        var refused = new ServiceProblem(400, "Invalid request", Map.of("nhsNumber", "is not a valid NHS number"));
        var errors = FormErrors.of(refused, Map.of("nhsNumber", "NHS number"));
        assertThat(errors.get("nhsNumber")).isEqualTo("NHS number is not a valid NHS number");
    }

    @Test
    void aRefusalNamingNoFieldIsShownAsAGeneralMessage() {
        var errors = FormErrors.of(new ServiceProblem(409, "The patient must be checked in", Map.of()), Map.of());
        assertThat(errors.all()).containsExactly(Map.entry("general", "The patient must be checked in"));
    }

    @Test
    void messagesOnAListsElementsGoBesideTheListsOneInput() {
        var refused = new ServiceProblem(400, "Invalid request", Map.of("vertebralLevels[1]", "must be a level",
                "performedOn", "must not be in the future"));
        var errors = FormErrors.of(refused, Map.of("performedOn", "Date"))
                .collapse("vertebralLevels", "Enter levels such as T12");
        assertThat(errors.all()).containsOnlyKeys("vertebralLevels", "performedOn");
        assertThat(errors.get("vertebralLevels")).isEqualTo("Enter levels such as T12");
    }

    @Test
    void twoMessagesForOneInputAreBothShown() {
        var errors = new FormErrors().add("startsAt", "Start is required").add("endsAt", "End is required")
                .renamed("endsAt", "startsAt");
        assertThat(errors.get("startsAt")).isEqualTo("Start is required; End is required");
    }
}
