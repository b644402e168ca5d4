package org.clinicflow.booking.site;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/sites")
class SiteController {

    private final SiteRepository sites;

    SiteController(SiteRepository sites) {
        this.sites = sites;
    }

    record SiteView(UUID id, String name, String address) {
    }

    @Operation(summary = "The clinic's sites")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<SiteView> list() {
        return sites.findAllByOrderByName().stream().map(s -> new SiteView(s.id(), s.name(), s.address())).toList();
    }
}
