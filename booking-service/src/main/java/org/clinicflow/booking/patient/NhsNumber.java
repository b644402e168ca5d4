package org.clinicflow.booking.patient;

/**
 * The NHS number's check digit rule (Modulus 11): weights 10 down to 2 on the first nine digits; the check digit is
 * 11 minus the remainder of the weighted sum by 11, where 11 means 0 and 10 means the number is not valid.
 */
final class NhsNumber {

    private NhsNumber() {
    }

    /** Accepts the usual spaced form ("943 476 5919") as well as ten plain digits. */
    static String normalise(String input) {
        return input == null ? null : input.replace(" ", "");
    }

    static boolean isValid(String input) {
        var digits = normalise(input);
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
