-- Deliveries to a suspended agency are HELD (not PENDING): dispatch and the sweeper leave them alone until
-- an operator resumes the agency.

ALTER TABLE deliveries DROP CONSTRAINT ck_deliveries_state;
ALTER TABLE deliveries ADD CONSTRAINT ck_deliveries_state CHECK (state IN
    ('PENDING', 'QUEUED', 'AVAILABLE', 'PROCESSING', 'DELIVERED', 'REJECTED', 'FAILED', 'HELD'));
