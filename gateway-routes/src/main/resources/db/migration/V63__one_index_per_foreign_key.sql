-- H2 gives a foreign key an index of its own unless, when the constraint is created, the table has a plain index on
-- exactly its columns. Two constraints were created with their tables, before any such index, so every event and
-- every PDF finding went into two indexes on document_id, and a loaded gateway rewrote both at each checkpoint of
-- its file (together with ix_events_created, a tenth of what it wrote there). Created again after an index on
-- exactly document_id, each constraint uses that index. An event's index entries follow the row id, so the events
-- of a document still come out in order. PostgreSQL never indexes the referencing side of a constraint: there
-- this only checks the rows again. (fk_deliveries_document keeps its own index: H2 does not share the unique
-- index of uq_deliveries_recipient with a constraint on fewer columns.)
ALTER TABLE events DROP CONSTRAINT fk_events_document;
DROP INDEX ix_events_document;
CREATE INDEX ix_events_document ON events (document_id);
ALTER TABLE events ADD CONSTRAINT fk_events_document FOREIGN KEY (document_id) REFERENCES documents (id);

ALTER TABLE pdf_signatures DROP CONSTRAINT fk_pdf_signatures_document;
ALTER TABLE pdf_signatures ADD CONSTRAINT fk_pdf_signatures_document
    FOREIGN KEY (document_id) REFERENCES documents (id);

-- No query reads events by their creation time alone (the console reaches them through a document or a delivery).
DROP INDEX ix_events_created;
