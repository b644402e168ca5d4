package org.clinicflow.web.platform;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A form is accepted only with the token the gateway relayed for the session, sent back in its {@code _csrf} field:
 * the header alone (which any request routed by the gateway carries) is never enough.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FormCsrfTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aPostWithoutTheFormsTokenIsRefused() throws Exception {
        mvc.perform(post("/desk/enquiries").with(receptionist()).header(WebSecurity.CSRF_HEADER, "session-token")
                        .param("channel", "PHONE"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostWithAnotherTokenIsRefused() throws Exception {
        mvc.perform(post("/desk/enquiries").with(receptionist()).header(WebSecurity.CSRF_HEADER, "session-token")
                        .param("channel", "PHONE").param("_csrf", "guessed"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostWithoutTheGatewaysTokenIsRefusedWhateverTheFormSays() throws Exception {
        mvc.perform(post("/desk/enquiries").with(receptionist()).param("channel", "PHONE").param("_csrf", "any"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aPostCarryingTheSessionsTokenIsHandled() throws Exception {
        // Handled means past the CSRF check: the form is incomplete, so it comes back with its messages (200).
        mvc.perform(post("/desk/enquiries").with(receptionist()).header(WebSecurity.CSRF_HEADER, "session-token")
                        .param("channel", "PHONE").param("_csrf", "session-token"))
                .andExpect(status().isOk());
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor receptionist() {
        return jwt().jwt(token -> token.claim("preferred_username", "rita.reception"))
                .authorities(new SimpleGrantedAuthority("ROLE_receptionist"));
    }
}
