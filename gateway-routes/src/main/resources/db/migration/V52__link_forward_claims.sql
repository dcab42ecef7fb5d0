-- Forwards over a link are one at a time per document: the delivery that holds the claim on (subject, link)
-- hands off, the others wait for it. The subject is the document itself, or for a status or a revocation the
-- document it refers to, so that two recipients behind one link get one hand-off, and the statuses of a document
-- cross a link in the order they were accepted. A claim names the delivery holding it and expires (a dead node's
-- claim is taken over). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.

CREATE TABLE link_forward_claims (
    subject_id     VARCHAR(40)              NOT NULL,
    link_id        VARCHAR(48)              NOT NULL,
    delivery_id    VARCHAR(40)              NOT NULL,
    claimed_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_link_forward_claims PRIMARY KEY (subject_id, link_id),
    CONSTRAINT fk_link_forward_claims_link FOREIGN KEY (link_id) REFERENCES links (id)
);
