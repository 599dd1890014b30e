-- The live event stream (GET /api/events/stream): each event's place in commit order. The
-- webhook dispatcher numbers the events it hands out from the one counter row; the row's lock
-- is held until the dispatch commits, so a later number is always a later commit, and a stream
-- that has read up to a number has seen every event numbered before it.
ALTER TABLE events ADD COLUMN stream_seq BIGINT;
CREATE INDEX events_org_stream_seq ON events (org_id, stream_seq);
CREATE TABLE event_stream_counter (
    id   INTEGER PRIMARY KEY,
    last BIGINT NOT NULL
);
INSERT INTO event_stream_counter (id, last) VALUES (1, 0);
