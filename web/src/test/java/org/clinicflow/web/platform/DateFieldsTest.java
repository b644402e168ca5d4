package org.clinicflow.web.platform;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DateFieldsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void threeFieldsNameADayOnlyWhenThatDayExists() {
        assertThat(DateFields.parse(" 3", "12 ", "2026")).contains(TODAY);
        assertThat(DateFields.parse("31", "2", "2026")).isEmpty();
        assertThat(DateFields.parse("3", "Dec", "2026")).isEmpty();
        assertThat(DateFields.parse("", "12", "2026")).isEmpty();
        assertThat(DateFields.parse(null, "12", "2026")).isEmpty();
    }

    @Test
    void typedFieldsWinOverTheLinkedDateAndTodayIsTheDefault() {
        assertThat(DateFields.choose("2026-12-10", "11", "12", "2026", TODAY))
                .isEqualTo(new DateFields.Choice(LocalDate.of(2026, 12, 11), false));
        assertThat(DateFields.choose("2026-12-10", "", "", "", TODAY))
                .isEqualTo(new DateFields.Choice(LocalDate.of(2026, 12, 10), false));
        assertThat(DateFields.choose(null, null, null, null, TODAY)).isEqualTo(new DateFields.Choice(TODAY, false));
    }

    @Test
    void aDateThatNamesNoDayShowsTodayAndSaysSo() {
        assertThat(DateFields.choose(null, "30", "2", "2027", TODAY)).isEqualTo(new DateFields.Choice(TODAY, true));
        assertThat(DateFields.choose("next tuesday", null, null, null, TODAY))
                .isEqualTo(new DateFields.Choice(TODAY, true));
    }
}
