package org.clinicflow.systemtests.screens;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The clinic's treatment information, read by anyone without signing in, as content-service published it. */
class TreatmentPagesIT extends ScreenTest {

    @Test
    void anyoneReadsThePublishedTreatmentInformationWithoutSigningIn() {
        try (var reader = new Browser(system.gatewayUrl())) {
            reader.open("/");
            reader.arrive("public-1-start", "Spine clinic");
            reader.follow("main a[href='/treatments']");
            reader.arrive("public-2-treatments", "Treatments");
            assertThat(reader.all("#kc-form-login")).as("no sign-in asked").isEmpty();
            assertThat(reader.text("#treatments")).contains("Balloon kyphoplasty", "Vertebroplasty");

            reader.follow("a[href='/treatments/balloon-kyphoplasty']");
            reader.arrive("public-3-treatment", "Balloon kyphoplasty");
            assertThat(reader.all("section.clinicflow-prose")).hasSizeGreaterThan(2);
            assertThat(reader.text("#version")).startsWith("Version ");
            assertThat(reader.all("#navigation")).as("no staff menu for a reader").isEmpty();

            reader.open("/treatments/no-such-treatment");
            reader.arrive("public-4-no-such-treatment", "Page not found");
            reader.open("/treatments/..%2Fapi");
            assertThat(reader.text("h1")).isNotBlank();
            assertThat(reader.text("body")).doesNotContain("Exception");
        }
    }
}
