package org.clinicflow.booking.site;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.clinicflow.platform.web.ConflictException;
import org.clinicflow.platform.web.InvalidFieldException;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/booking/sites")
class SiteController {

    private final SiteRepository sites;
    private final RoomRepository rooms;

    SiteController(SiteRepository sites, RoomRepository rooms) {
        this.sites = sites;
        this.rooms = rooms;
    }

    record SiteView(UUID id, String name, String address) {
    }

    record RoomView(UUID id, String name) {
    }

    record SiteWithRooms(UUID id, String name, String address, List<RoomView> rooms) {
    }

    record NewSite(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 300) String address,
                   @NotNull @Size(max = 50) List<@NotBlank @Size(max = 60) String> rooms) {
    }

    record NewRoom(@NotBlank @Size(max = 60) String name) {
    }

    @Operation(summary = "The clinic's sites")
    @GetMapping
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    List<SiteView> list() {
        return sites.findAllByOrderByName().stream().map(s -> new SiteView(s.id(), s.name(), s.address())).toList();
    }

    @Operation(summary = "One site and its rooms")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('receptionist', 'clinic-admin', 'surgeon')")
    @Transactional(readOnly = true)
    SiteWithRooms get(@PathVariable UUID id) {
        return withRooms(find(id));
    }

    @Operation(summary = "Add a site with its rooms (clinic-admin)")
    @PostMapping
    @PreAuthorize("hasRole('clinic-admin')")
    @Transactional
    ResponseEntity<SiteWithRooms> add(@Valid @RequestBody NewSite request) {
        var names = new HashSet<String>();
        for (var room : request.rooms()) {
            if (!names.add(room.strip().toLowerCase(Locale.ROOT))) {
                throw new InvalidFieldException("rooms", "names room '" + room.strip() + "' twice");
            }
        }
        var site = sites.save(new Site(UUID.randomUUID(), request.name().strip(), request.address().strip()));
        request.rooms().forEach(room -> rooms.save(new Room(UUID.randomUUID(), site.id(), room.strip())));
        rooms.flush();
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").build(site.id());
        return ResponseEntity.created(location).body(withRooms(site));
    }

    @Operation(summary = "Add a room to a site (clinic-admin)")
    @PostMapping("/{id}/rooms")
    @PreAuthorize("hasRole('clinic-admin')")
    @Transactional
    ResponseEntity<SiteWithRooms> addRoom(@PathVariable UUID id, @Valid @RequestBody NewRoom request) {
        var site = find(id);
        if (rooms.existsBySiteIdAndNameIgnoreCase(id, request.name().strip())) {
            throw new ConflictException("This site already has a room called '" + request.name().strip() + "'");
        }
        rooms.saveAndFlush(new Room(UUID.randomUUID(), id, request.name().strip()));
        return ResponseEntity.status(201).body(withRooms(site));
    }

    private Site find(UUID id) {
        return sites.findById(id).orElseThrow(() -> new NotFoundException("Site", id));
    }

    private SiteWithRooms withRooms(Site site) {
        return new SiteWithRooms(site.id(), site.name(), site.address(),
                rooms.findBySiteIdOrderByName(site.id()).stream().map(r -> new RoomView(r.id(), r.name())).toList());
    }
}
