package org.clinicflow.followup.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Component
public class PatientContacts {

    private final JdbcClient jdbc;

    PatientContacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PatientContact> find(UUID patientId) {
        return jdbc.sql("""
                        select patient_id, given_name, email, mobile_phone, email_consent, sms_consent, email_opt_out,
                               sms_opt_out
                        from patient_contact where patient_id = :id
                        """)
                .param("id", patientId)
                .query((rs, row) -> new PatientContact(rs.getObject("patient_id", UUID.class),
                        rs.getString("given_name"), rs.getString("email"), rs.getString("mobile_phone"),
                        rs.getBoolean("email_consent"), rs.getBoolean("sms_consent"), rs.getBoolean("email_opt_out"),
                        rs.getBoolean("sms_opt_out")))
                .optional();
    }

    /**
     * Takes the state an event reports unless a later one was already applied (events of one patient arrive in order
     * on their partition, but a replayed old event must not undo a newer change). Opt-outs are kept.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(UUID patientId, String givenName, String email, String mobilePhone, boolean emailConsent,
               boolean smsConsent, Instant changedAt, Instant now) {
        jdbc.sql("""
                        insert into patient_contact (patient_id, given_name, email, mobile_phone, email_consent,
                            sms_consent, changed_at, updated_at)
                        values (:id, :name, :email, :mobile, :emailConsent, :smsConsent, :changedAt, :now)
                        on conflict (patient_id) do update set given_name = excluded.given_name,
                            email = excluded.email, mobile_phone = excluded.mobile_phone,
                            email_consent = excluded.email_consent, sms_consent = excluded.sms_consent,
                            changed_at = excluded.changed_at, updated_at = excluded.updated_at
                        where patient_contact.changed_at <= excluded.changed_at
                        """)
                .param("id", patientId).param("name", givenName).param("email", email).param("mobile", mobilePhone)
                .param("emailConsent", emailConsent).param("smsConsent", smsConsent)
                .param("changedAt", changedAt.atOffset(ZoneOffset.UTC)).param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    /** @return false when followup-service does not know the patient yet */
    @Transactional
    boolean optOut(UUID patientId, boolean email, boolean sms, Instant now) {
        return jdbc.sql("""
                        update patient_contact set email_opt_out = :email, sms_opt_out = :sms, updated_at = :now
                        where patient_id = :id
                        """)
                .param("id", patientId).param("email", email).param("sms", sms)
                .param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /** One click in an email's List-Unsubscribe: that patient's email is opted out (kept, as the portal's own). */
    @Transactional
    public boolean optOutOfEmail(UUID patientId, Instant now) {
        return jdbc.sql("""
                        update patient_contact set email_opt_out = true, updated_at = :now where patient_id = :id
                        """)
                .param("id", patientId).param("now", now.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    /**
     * A STOP texted from {@code number}: every patient with that mobile is opted out of SMS. Numbers are compared as
     * digits in international form, since Notify writes them {@code 447700900123} and records may hold
     * {@code +44 7700 900123} or {@code 07700 900123}.
     *
     * @return the patients opted out
     */
    @Transactional
    public List<UUID> optOutOfSmsFrom(String number, Instant now) {
        return jdbc.sql("""
                        update patient_contact set sms_opt_out = true, updated_at = :now
                        where regexp_replace(regexp_replace(mobile_phone, '[^0-9]', '', 'g'), '^0', '44') = :digits
                        returning patient_id
                        """)
                .param("digits", internationalDigits(number)).param("now", now.atOffset(ZoneOffset.UTC))
                .query(UUID.class).list();
    }

    static String internationalDigits(String number) {
        return number.replaceAll("[^0-9]", "").replaceFirst("^0", "44");
    }
}
