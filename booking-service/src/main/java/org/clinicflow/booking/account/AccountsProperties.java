package org.clinicflow.booking.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * How booking-service reaches Keycloak's Admin API for patients' sign-ins ({@code clinicflow.booking.accounts.*}).
 *
 * @param issuer              realm {@code clinic}'s issuer, e.g. {@code http://localhost:18080/realms/clinic}; the
 *                            token and admin addresses are derived from it
 * @param clientId            the confidential client whose service account may only view and manage users
 * @param clientSecret        its secret, from the environment ({@code BOOKING_ACCOUNTS_CLIENT_SECRET})
 * @param invitationClientId  the client the invitation's link returns to (the gateway's)
 * @param invitationRedirect  where the patient lands after choosing a password; must be one of that client's
 *                            redirect addresses
 * @param invitationLifespan  how long the invitation's link works
 * @param workerDelay         pause between the worker's rounds
 * @param firstRetry          pause after the first failed attempt; each further failure doubles it
 * @param longestRetry        the longest pause between attempts
 * @param timeout             connect and read timeout of each call to Keycloak
 */
@ConfigurationProperties("clinicflow.booking.accounts")
record AccountsProperties(URI issuer, String clientId, String clientSecret, String invitationClientId,
                          URI invitationRedirect, Duration invitationLifespan, Duration workerDelay,
                          Duration firstRetry, Duration longestRetry, Duration timeout) {

    /** E.g. {@code http://localhost:18080/admin/realms/clinic}. */
    URI adminBase() {
        var text = issuer.toString().replaceAll("/+$", "");
        int realms = text.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalStateException("The issuer " + issuer + " does not name a realm");
        }
        return URI.create(text.substring(0, realms) + "/admin" + text.substring(realms));
    }

    URI tokenEndpoint() {
        return URI.create(issuer.toString().replaceAll("/+$", "") + "/protocol/openid-connect/token");
    }
}
