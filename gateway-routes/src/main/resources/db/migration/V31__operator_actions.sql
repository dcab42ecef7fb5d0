-- Operators' actions (suspend, resume, resend, directory changes, secret rotation) are events of the
-- tamper-evident log too (type OPERATOR_ACTION); most concern no document.
ALTER TABLE events ALTER COLUMN document_id DROP NOT NULL;
