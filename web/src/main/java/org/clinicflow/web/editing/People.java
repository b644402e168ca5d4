package org.clinicflow.web.editing;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Who did a step, in words. content-service records people by their Keycloak id only, so a page can say "you" for
 * the signed-in user and no more than "a colleague" for anyone else. Templates reach it as {@code @people}.
 */
@Component("people")
class People {

    /** The id content-service's demo seed writes its versions as. */
    private static final String DEMO_SEED = "demo-seed";

    /** @param userId a Keycloak subject id, or null where nobody has done the step */
    public String name(String userId) {
        if (userId == null) {
            return "";
        }
        if (userId.equals(DEMO_SEED)) {
            return "Demo data";
        }
        return isMe(userId) ? "You" : "A colleague";
    }

    static boolean isMe(String userId) {
        return userId != null && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken
                token && userId.equals(token.getToken().getSubject());
    }
}
