-- A system may authenticate with a TLS client certificate (issued by the agency CA) instead of its
-- secret: the certificate's SHA-256 fingerprint is registered with the system.

ALTER TABLE systems ADD COLUMN client_cert_sha256 CHAR(64);
CREATE UNIQUE INDEX ux_systems_client_cert ON systems (client_cert_sha256);
