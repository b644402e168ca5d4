package org.clinicflow.followup.contact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
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
}
