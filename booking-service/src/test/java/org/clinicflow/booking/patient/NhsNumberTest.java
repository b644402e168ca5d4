package org.clinicflow.booking.patient;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "943 476 5919", "4010232137", "9990000018"})
    void acceptsNumbersWhoseCheckDigitMatches(String number) {
        assertThat(NhsNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659l9", "", "1000000010"})
    void rejectsWrongCheckDigitsLengthsAndLetters(String number) {
        assertThat(NhsNumber.isValid(number)).isFalse();
    }
}
