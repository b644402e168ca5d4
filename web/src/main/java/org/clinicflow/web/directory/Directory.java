package org.clinicflow.web.directory;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Who works where: the clinicians and sites, so that pages can show names where the APIs give ids. */
@Component
public class Directory {

    public record Clinician(UUID id, String displayName, String profession, String specialty, boolean active) {
    }

    public record Room(UUID id, String name) {
    }

    public record Site(UUID id, String name, String address, List<Room> rooms) {
    }

    /** Names by id for one page; an id the directory does not know shows as "unknown" rather than failing. */
    public record Names(Map<UUID, Clinician> clinicians, Map<UUID, Site> sites) {

        public String clinician(UUID id) {
            var clinician = id == null ? null : clinicians.get(id);
            return clinician == null ? "unknown clinician" : clinician.displayName();
        }

        public String site(UUID id) {
            var site = id == null ? null : sites.get(id);
            return site == null ? "unknown site" : site.name();
        }

        public String address(UUID id) {
            var site = id == null ? null : sites.get(id);
            return site == null ? "" : site.address();
        }
    }

    /**
     * How long the lists of clinicians and sites are reused. Nearly every page names them, they change a few times a
     * year, and a change made here is seen at once ({@link #forget()}); one made through the API directly shows
     * within this time. They are the same for every member of staff and hold no patient's data.
     */
    static final Duration KEPT = Duration.ofSeconds(30);

    private record Kept<T>(T value, Instant until) {
    }

    private final Services services;
    private final Clock clock;
    private final AtomicReference<Kept<List<Clinician>>> clinicians = new AtomicReference<>();
    private final AtomicReference<Kept<List<Site>>> sites = new AtomicReference<>();

    Directory(Services services, Clock clock) {
        this.services = services;
        this.clock = clock;
    }

    public List<Clinician> clinicians() {
        return kept(clinicians, () -> services.get(Part.BOOKING, new ParameterizedTypeReference<List<Clinician>>() {
        }, "/api/booking/clinicians"));
    }

    public List<Site> sites() {
        return kept(sites, () -> services.get(Part.BOOKING, new ParameterizedTypeReference<List<Site>>() {
        }, "/api/booking/sites"));
    }

    /** After a change to clinicians or sites made through these pages. */
    public void forget() {
        clinicians.set(null);
        sites.set(null);
    }

    private <T> T kept(AtomicReference<Kept<T>> slot, Supplier<T> load) {
        var now = clock.instant();
        var kept = slot.get();
        if (kept != null && now.isBefore(kept.until())) {
            return kept.value();
        }
        var fresh = load.get();
        slot.set(new Kept<>(fresh, now.plus(KEPT)));
        return fresh;
    }

    public Site site(UUID id) {
        return services.get(Part.BOOKING, Site.class, "/api/booking/sites/{id}", id);
    }

    public Names names() {
        return new Names(byId(clinicians(), Clinician::id), byId(sites(), Site::id));
    }

    private static <T> Map<UUID, T> byId(List<T> items, Function<T, UUID> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
