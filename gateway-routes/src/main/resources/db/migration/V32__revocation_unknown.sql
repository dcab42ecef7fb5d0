-- A signer certificate whose revocation status could not be had (no CRL or OCSP answer), accepted by the
-- policy ALLOW, is recorded as such, never as VALID.
ALTER TABLE documents ALTER COLUMN signature_status SET DATA TYPE VARCHAR(24);
ALTER TABLE documents DROP CONSTRAINT ck_documents_signature;
ALTER TABLE documents ADD CONSTRAINT ck_documents_signature
    CHECK (signature_status IN ('UNSIGNED', 'VALID', 'NOT_CHECKED', 'REVOCATION_UNKNOWN'));
