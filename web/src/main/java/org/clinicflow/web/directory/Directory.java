package org.clinicflow.web.directory;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.Services;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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

    private final Services services;

    Directory(Services services) {
        this.services = services;
    }

    public List<Clinician> clinicians() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Clinician>>() {
        }, "/api/booking/clinicians");
    }

    public List<Site> sites() {
        return services.get(Part.BOOKING, new ParameterizedTypeReference<List<Site>>() {
        }, "/api/booking/sites");
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
