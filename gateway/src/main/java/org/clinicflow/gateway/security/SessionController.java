package org.clinicflow.gateway.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * What a browser session may know about itself: who is signed in. Never a token: those stay in the gateway.
 */
@RestController
class SessionController {

    record Me(String userId, List<String> authorities) {
    }

    @GetMapping("/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).sorted().toList());
    }
}
