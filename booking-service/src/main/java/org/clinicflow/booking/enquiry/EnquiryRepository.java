package org.clinicflow.booking.enquiry;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface EnquiryRepository extends JpaRepository<Enquiry, UUID> {
}
