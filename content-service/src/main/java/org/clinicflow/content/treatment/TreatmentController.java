package org.clinicflow.content.treatment;

import io.swagger.v3.oas.annotations.Operation;
import org.clinicflow.platform.web.NotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/content/treatments")
class TreatmentController {

    private final TreatmentRepository treatments;

    TreatmentController(TreatmentRepository treatments) {
        this.treatments = treatments;
    }

    record TreatmentView(String slug, String title, String summary) {

        static TreatmentView of(Treatment treatment) {
            return new TreatmentView(treatment.slug(), treatment.title(), treatment.summary());
        }
    }

    @Operation(summary = "Treatments the clinic offers (public)")
    @GetMapping
    @Transactional(readOnly = true)
    List<TreatmentView> list() {
        return treatments.findAllByOrderByTitle().stream().map(TreatmentView::of).toList();
    }

    @Operation(summary = "One treatment by its slug (public)")
    @GetMapping("/{slug}")
    @Transactional(readOnly = true)
    TreatmentView read(@PathVariable String slug) {
        return treatments.findById(slug).map(TreatmentView::of)
                .orElseThrow(() -> new NotFoundException("Treatment", slug));
    }
}
