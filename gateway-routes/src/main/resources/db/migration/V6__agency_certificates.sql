-- Certificates an agency signs with, registered by fingerprint: the binding of a signer to the agency in
-- From when the certificate does not carry the agency code (organizationIdentifier) itself.

CREATE TABLE agency_certificates (
    agency_code        VARCHAR(32)              NOT NULL,
    sha256_fingerprint CHAR(64)                 NOT NULL,
    added_at           TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT pk_agency_certificates PRIMARY KEY (agency_code, sha256_fingerprint),
    CONSTRAINT fk_agency_certificates_agency FOREIGN KEY (agency_code) REFERENCES agencies (code)
);
