package org.clinicflow.booking.patient;

import org.clinicflow.platform.web.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"07700 900123", "07700900123", "+44 7700 900123", "+447700900123", "0044 7700 900123",
            "+44 (0)7700 900123", "07700-900-123", " 07700 900123 "})
    void aUkMobileHowEverTypedIsKeptInOneSpelling(String typed) {
        assertThat(PhoneNumber.parse(typed)).contains(new PhoneNumber("+447700900123", true));
    }

    @Test
    void oneSpellingForNumbersOutsideTheDramaRangeToo() {
        assertThat(PhoneNumber.parse("07911 123456")).contains(new PhoneNumber("+447911123456", true));
        assertThat(PhoneNumber.parse("+33 6 12 34 56 78")).contains(new PhoneNumber("+33612345678", true));
    }

    @Test
    void aLandlineIsANumberToCallButNotToText() {
        assertThat(PhoneNumber.parse("020 7946 0000")).contains(new PhoneNumber("+442079460000", false));
        assertThat(PhoneNumber.parse("0800 123 4567")).map(PhoneNumber::receivesSms).contains(false);
        assertThat(PhoneNumber.parse("056 0123 4567")).map(PhoneNumber::receivesSms).contains(false);
    }

    @Test
    void aNumberThePlanCannotPlaceAsMobileOrLandlineIsTakenAsTheMobileThePatientGives() {
        assertThat(PhoneNumber.parse("+1 650 253 0000")).contains(new PhoneNumber("+16502530000", true));
    }

    @Test
    void everyDramaMobileIsAMobileThoughLibphonenumberCallsThemInvalid() {
        assertThat(PhoneNumber.parse("07700 900000")).map(PhoneNumber::receivesSms).contains(true);
        assertThat(PhoneNumber.parse("07700 900999")).map(PhoneNumber::receivesSms).contains(true);
        assertThat(PhoneNumber.parse("07700 901000")).as("just outside Ofcom's drama range").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "0770090012", "077009001234", "01632 960000", "phone me", "", " ",
            "07700 900123 ext 5", "+999 1234 5678"})
    void whatIsNotAValidNumberIsRefused(String typed) {
        assertThat(PhoneNumber.parse(typed)).isEmpty();
    }

    @Test
    void aNumberIsKeptInItsOneSpellingAndNoneWhenNoneIsGiven() {
        assertThat(PatientRegistration.phoneToKeep("07700 900123", true)).isEqualTo("+447700900123");
        assertThat(PatientRegistration.phoneToKeep("020 7946 0000", false)).isEqualTo("+442079460000");
        assertThat(PatientRegistration.phoneToKeep(" ", false)).isNull();
        assertThat(PatientRegistration.phoneToKeep(null, true)).isNull();
    }

    @Test
    void aLandlineIsRefusedForTextsAndTheRefusalNamesThePhoneField() {
        assertThatThrownBy(() -> PatientRegistration.phoneToKeep("020 7946 0000", true))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("mobilePhone");
                    assertThat(refused.problems().get("mobilePhone")).contains("cannot receive text messages");
                });
        assertThatThrownBy(() -> PatientRegistration.phoneToKeep("12345", false))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        refused -> assertThat(refused.field()).isEqualTo("mobilePhone"));
    }
}
