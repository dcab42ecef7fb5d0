-- A document whose PDF signers' revocation could not be had is recorded with the verdict REVOCATION_UNKNOWN
-- (18 characters), never as SIGNED_VALID.
ALTER TABLE documents ALTER COLUMN pdf_verdict SET DATA TYPE VARCHAR(24);
