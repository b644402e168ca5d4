package org.clinicflow.booking.enquiry;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface SelfReferralRepository extends JpaRepository<SelfReferral, UUID> {

    Optional<SelfReferral> findBySubmissionKey(UUID submissionKey);

    Optional<SelfReferral> findByEnquiryId(UUID enquiryId);
}
