package org.clinicflow.web.offer;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.util.UUID;

/** booking-service's offers API, called as nobody, with the link's key. */
@Component
class Offers {

    private static final String KEY_HEADER = "X-Offer-Key";

    private final Services services;

    Offers(Services services) {
        this.services = services;
    }

    record Offer(UUID id, String status, String appointmentType, String clinicianName, String siteName,
                 String siteAddress, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime currentStartsAt,
                 OffsetDateTime expiresAt) {
    }

    Offer read(UUID id, String key) {
        return services.asNobody(() -> services.call(Part.BOOKING, client -> client.get()
                .uri("/api/booking/waitlist-offers/{id}", id).header(KEY_HEADER, key).retrieve()
                .body(Offer.class)));
    }

    void answer(UUID id, String key, String answer) {
        services.asNobody(() -> services.call(Part.BOOKING, client -> client.post()
                .uri("/api/booking/waitlist-offers/{id}/{answer}", id, answer).header(KEY_HEADER, key).retrieve()
                .toBodilessEntity()));
    }
}
