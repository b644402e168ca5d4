package org.clinicflow.web.treatments;

import org.clinicflow.web.platform.Part;
import org.clinicflow.web.platform.ServiceProblem;
import org.clinicflow.web.platform.Services;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published version of each treatment, as the public pages show it. The last one read is kept with its ETag and
 * revalidated with content-service on every view, so a page is never older than what content-service would answer
 * now; what is saved is the body: content-service answers a current tag with 304 from its in-memory hash, without
 * loading and serialising the version, and this module does not parse it again. Only treatments content-service
 * answered with a version are kept, so the map holds at most the published ones, and a withdrawn one is dropped.
 */
@Component
class PublishedTreatments {

    private record Kept(String etag, TreatmentsController.Treatment treatment) {
    }

    private final Services services;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    PublishedTreatments(Services services) {
        this.services = services;
    }

    TreatmentsController.Treatment read(String slug) {
        var known = kept.get(slug);
        try {
            var response = services.call(Part.CONTENT, client -> {
                var request = client.get().uri("/api/content/treatments/{slug}", slug);
                if (known != null) {
                    request.header(HttpHeaders.IF_NONE_MATCH, known.etag());
                }
                return request.retrieve().toEntity(TreatmentsController.Treatment.class);
            });
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && known != null) {
                return known.treatment();
            }
            var etag = response.getHeaders().getETag();
            if (etag != null && response.getBody() != null) {
                kept.put(slug, new Kept(etag, response.getBody()));
            }
            return response.getBody();
        } catch (ServiceProblem refused) {
            if (refused.status() == 404) {
                kept.remove(slug);
            }
            throw refused;
        }
    }
}
