package org.clinicflow.booking.waitlist;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.audit.AuditAction;
import org.clinicflow.platform.audit.Audited;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * An offer as the link sent to the patient opens it, without signing in: the link's key goes in {@value #KEY_HEADER},
 * and a wrong key finds nothing. An answer that came too late is told apart from one that was taken: 409 when the
 * time has gone to someone else, 410 when the offer lapsed.
 */
@RestController
@RequestMapping("/api/booking/waitlist-offers/{id}")
class WaitlistOfferController {

    static final String KEY_HEADER = "X-Offer-Key";

    private final Waitlist waitlist;
    private final WaitlistViews views;

    WaitlistOfferController(Waitlist waitlist, WaitlistViews views) {
        this.waitlist = waitlist;
        this.views = views;
    }

    @Operation(summary = "An earlier time offered to you (needs the key from the offer's link)")
    @GetMapping
    @Audited(action = AuditAction.READ, record = "waitlist-offer", id = "#id")
    WaitlistViews.OfferView read(@PathVariable UUID id,
                                 @RequestHeader(name = KEY_HEADER, required = false) String key) {
        return views.offer(waitlist.open(id, key));
    }

    @Operation(summary = "Take the offered time: your appointment moves to it, if nobody took it first")
    @PostMapping("/accept")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-offer", id = "#id")
    ResponseEntity<?> accept(@PathVariable UUID id, @RequestHeader(name = KEY_HEADER, required = false) String key) {
        var offer = waitlist.accept(id, key);
        return switch (offer.status()) {
            case ACCEPTED -> ResponseEntity.ok(views.offer(offer));
            case EXPIRED -> problem(HttpStatus.GONE, "This offer has lapsed: your appointment stays as it was", offer);
            case GONE -> problem(HttpStatus.CONFLICT, "Another patient took this time first: your appointment stays "
                    + "as it was", offer);
            default -> problem(HttpStatus.CONFLICT, "This offer was already answered", offer);
        };
    }

    @Operation(summary = "Keep your time: the offer goes to the next patient waiting, and you stay on the list")
    @PostMapping("/decline")
    @Audited(action = AuditAction.CHANGE, record = "waitlist-offer", id = "#id")
    ResponseEntity<?> decline(@PathVariable UUID id,
                              @RequestHeader(name = KEY_HEADER, required = false) String key) {
        var offer = waitlist.decline(id, key);
        return offer.status() == Waitlist.OfferStatus.DECLINED ? ResponseEntity.ok(views.offer(offer))
                : problem(HttpStatus.CONFLICT, "This offer was already answered", offer);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, Waitlist.Offer offer) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.GONE ? "Offer lapsed" : "Offer no longer open");
        problem.setProperty("offerStatus", offer.status().name());
        return ResponseEntity.status(status).body(problem);
    }
}
