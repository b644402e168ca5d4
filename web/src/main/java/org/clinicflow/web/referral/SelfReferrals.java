package org.clinicflow.web.referral;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** booking-service's self-referral API, always called without a token and with the referral's key where it needs one. */
@Component
class SelfReferrals {

    private static final String KEY_HEADER = "X-Referral-Key";

    private final Services services;

    SelfReferrals(Services services) {
        this.services = services;
    }

    record Booked(OffsetDateTime startsAt, OffsetDateTime endsAt, String clinicianName, String siteName,
                  String siteAddress, String status) {
    }

    record Referral(UUID id, String accessKey, boolean urgent, List<String> redFlags, OffsetDateTime deadline,
                    Booked appointment) {
    }

    record Slot(UUID clinicianId, String clinicianName, UUID siteId, String siteName, String siteAddress,
                OffsetDateTime startsAt, OffsetDateTime endsAt, boolean withinTarget) {

        /** What the slot's radio button sends back: enough to book it, nothing of anyone's. */
        public String choice() {
            return clinicianId + "|" + startsAt;
        }
    }

    Referral submit(Map<String, Object> referral) {
        return services.asNobody(() -> services.post(Part.BOOKING, Referral.class, referral, null,
                "/api/booking/self-referrals"));
    }

    Referral read(UUID id, String key) {
        return services.asNobody(() -> services.call(Part.BOOKING, client -> client.get()
                .uri("/api/booking/self-referrals/{id}", id).header(KEY_HEADER, key).retrieve()
                .body(Referral.class)));
    }

    List<Slot> earliest(UUID id, String key) {
        return services.asNobody(() -> services.call(Part.BOOKING, client -> client.get()
                .uri("/api/booking/self-referrals/{id}/earliest-slots", id).header(KEY_HEADER, key).retrieve()
                .body(new ParameterizedTypeReference<List<Slot>>() {
                })));
    }

    Referral book(UUID id, String key, UUID clinicianId, OffsetDateTime startsAt) {
        return services.asNobody(() -> services.call(Part.BOOKING, client -> client.post()
                .uri("/api/booking/self-referrals/{id}/appointment", id).header(KEY_HEADER, key)
                .body(Map.of("clinicianId", clinicianId, "startsAt", startsAt)).retrieve().body(Referral.class)));
    }
}
