-- Packets of old documents can be purged by an operator (gateway.retention.*): the document's row, its
-- deliveries, events, evidence and PDF findings stay; only the packet files go, and this says when.
ALTER TABLE documents ADD COLUMN packets_purged_at TIMESTAMP WITH TIME ZONE;
