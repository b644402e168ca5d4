-- Reception finds a patient by NHS number, or by family name and date of birth together (never by name alone, so the
-- search cannot be used to trawl the register).
create index patient_nhs_number on patient (nhs_number) where nhs_number is not null;
create index patient_birth_and_name on patient (date_of_birth, lower(family_name));
