package org.clinicflow.booking.waitlist;

import org.clinicflow.booking.availability.AvailabilitySearch;
import org.clinicflow.booking.clinician.Clinician;
import org.clinicflow.booking.clinician.ClinicianRepository;
import org.clinicflow.booking.time.ClinicTime;
import org.clinicflow.booking.site.SiteRepository;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How the waiting list's records read in answers: times in clinic time, clinicians and sites by name. */
@Component
class WaitlistViews {

    private final ClinicianRepository clinicians;
    private final SiteRepository sites;
    private final AvailabilitySearch availability;

    WaitlistViews(ClinicianRepository clinicians, SiteRepository sites, AvailabilitySearch availability) {
        this.clinicians = clinicians;
        this.sites = sites;
        this.availability = availability;
    }

    record EntryView(UUID id, UUID appointmentId, OffsetDateTime deadline, OffsetDateTime joinedAt, String status) {
    }

    /**
     * An offer as its patient (and reception) sees it: the time offered, where and with whom, and the time it would
     * replace; nothing of anyone else's.
     */
    record OfferView(UUID id, String status, String appointmentType, UUID clinicianId, String clinicianName,
                     String siteName, String siteAddress, OffsetDateTime startsAt, OffsetDateTime endsAt,
                     OffsetDateTime currentStartsAt, OffsetDateTime offeredAt, OffsetDateTime expiresAt,
                     OffsetDateTime answeredAt) {
    }

    EntryView entry(Waitlist.Entry entry) {
        return new EntryView(entry.id(), entry.appointmentId(), show(entry.deadline()), show(entry.joinedAt()),
                entry.status().name());
    }

    OfferView offer(Waitlist.Offer offer) {
        var site = availability.sessionFor(offer.clinicianId(), offer.type(), offer.startsAt(), offer.endsAt())
                .flatMap(session -> sites.findById(session.siteId()));
        return new OfferView(offer.id(), offer.status().name(), offer.type().name(), offer.clinicianId(),
                clinicians.findById(offer.clinicianId()).map(Clinician::displayName).orElse(null),
                site.map(s -> s.name()).orElse(null), site.map(s -> s.address()).orElse(null),
                show(offer.startsAt()), show(offer.endsAt()), show(offer.currentStartsAt()), show(offer.offeredAt()),
                show(offer.expiresAt()), show(offer.answeredAt()));
    }

    private static OffsetDateTime show(Instant instant) {
        return instant == null ? null : ClinicTime.show(instant);
    }
}
