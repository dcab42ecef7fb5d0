-- Operators can hold deliveries to an agency (suspend) and release them (resume); the directory is
-- managed through the operator API from now on, so changes are stamped.

ALTER TABLE agencies ADD COLUMN suspended BOOLEAN DEFAULT FALSE NOT NULL;

CREATE INDEX ix_deliveries_recipient_state ON deliveries (recipient_code, state, created_at);
