package org.clinicflow.followup.contact;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class OptOutLinksTest {

    private final OptOutLinks links = new OptOutLinks(new OptOutLinks.Settings("a-key-for-this-test"));

    @Test
    void aLinkNamesItsPatientAndNobodyElse() {
        var patient = UUID.randomUUID();
        var token = links.emailPath(patient).substring(OptOutLinks.PATH.length());

        assertThat(links.patientOf(token)).contains(patient);
        assertThat(links.patientOf(token.replace(patient.toString(), UUID.randomUUID().toString()))).isEmpty();
        assertThat(links.patientOf(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(links.patientOf(patient.toString())).isEmpty();
        assertThat(links.patientOf("not-a-patient.abc")).isEmpty();
    }

    @Test
    void anotherKeyMakesAnotherLink() {
        var patient = UUID.randomUUID();
        var other = new OptOutLinks(new OptOutLinks.Settings("another-key"));
        var token = other.emailPath(patient).substring(OptOutLinks.PATH.length());

        assertThat(links.patientOf(token)).isEmpty();
    }

    @Test
    void numbersAreComparedAsInternationalDigits() {
        assertThat(PatientContacts.internationalDigits("07700 900123")).isEqualTo("447700900123");
        assertThat(PatientContacts.internationalDigits("+44 7700 900123")).isEqualTo("447700900123");
        assertThat(PatientContacts.internationalDigits("447700900123")).isEqualTo("447700900123");
    }
}
