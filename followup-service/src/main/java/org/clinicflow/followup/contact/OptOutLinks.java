package org.clinicflow.followup.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one-click opt-out in each email (RFC 8058's {@code List-Unsubscribe}). Its link names the patient and carries a
 * keyed signature of that name, so nobody can opt out a patient whose link they were not sent, and a mail client can
 * act on it without anyone signing in. The link says nothing about the patient but an id.
 */
@Component
@EnableConfigurationProperties(OptOutLinks.Settings.class)
public class OptOutLinks {

    /** Where one click lands, under the gateway's public address. */
    public static final String PATH = "/api/followup/opt-out/";

    /** @param secret the signing key; a real deployment sets its own ({@code FOLLOWUP_OPT_OUT_SECRET}) */
    @ConfigurationProperties("clinicflow.followup.opt-out")
    record Settings(String secret) {
        Settings {
            Objects.requireNonNull(secret, "clinicflow.followup.opt-out.secret must be set");
        }
    }

    private final SecretKeySpec key;

    OptOutLinks(Settings settings) {
        this.key = new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The path, from the gateway's root, that opts this patient out of email. */
    public String emailPath(UUID patientId) {
        return PATH + patientId + "." + signature(patientId);
    }

    /** The patient a link names, when its signature is theirs. */
    Optional<UUID> patientOf(String token) {
        var dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID patientId;
        try {
            patientId = UUID.fromString(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        var given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        var expected = signature(patientId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(patientId) : Optional.empty();
    }

    private String signature(UUID patientId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            var digest = mac.doFinal(("email-opt-out:" + patientId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
