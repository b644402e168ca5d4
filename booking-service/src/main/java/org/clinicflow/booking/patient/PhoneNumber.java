package org.clinicflow.booking.patient;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A patient's phone number as the clinic keeps and publishes it: E.164 ({@code +447700900123}), so that one number
 * has one spelling however it was typed. Read as a UK number unless it starts with + (or 00) and a country code, and
 * checked against the numbering plans by libphonenumber, so that a number nobody could dial is refused, not stored.
 *
 * @param e164        never null
 * @param receivesSms a mobile number. Where the plan cannot tell mobiles from landlines (North America) the number is
 *                    taken as the patient gives it, as one that can receive texts
 */
record PhoneNumber(String e164, boolean receivesSms) {

    private static final PhoneNumberUtil PLANS = PhoneNumberUtil.getInstance();
    private static final String UNITED_KINGDOM = "GB";
    private static final int UK_COUNTRY_CODE = 44;

    /**
     * Ofcom keeps 07700 900000 to 07700 900999 for drama, so that no real person is ever called or texted by mistake;
     * the demo data and the tests use them for that reason. libphonenumber deliberately calls them not valid, so they
     * are recognised here, as the mobiles they stand for.
     */
    private static final Pattern DRAMA_MOBILES = Pattern.compile("7700900\\d{3}");

    /**
     * @return empty when the text is not a valid phone number, or carries an extension, which E.164 has no place for
     *         and a text message cannot reach
     */
    static Optional<PhoneNumber> parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber number;
        try {
            number = PLANS.parse(typed, UNITED_KINGDOM);
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
        if (number.hasExtension()) {
            return Optional.empty();
        }
        var e164 = PLANS.format(number, PhoneNumberFormat.E164);
        if (number.getCountryCode() == UK_COUNTRY_CODE
                && DRAMA_MOBILES.matcher(PLANS.getNationalSignificantNumber(number)).matches()) {
            return Optional.of(new PhoneNumber(e164, true));
        }
        if (!PLANS.isValidNumber(number)) {
            return Optional.empty();
        }
        var type = PLANS.getNumberType(number);
        return Optional.of(new PhoneNumber(e164,
                type == PhoneNumberType.MOBILE || type == PhoneNumberType.FIXED_LINE_OR_MOBILE));
    }
}
