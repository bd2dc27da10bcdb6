-- A row here asks for the summaries to be rebuilt from the facts: a later migration that adds or changes a summary over
-- facts already loaded inserts one, and the app and the migrate command rebuild after migrating.
CREATE TABLE summary_rebuild_requests (requested_at timestamptz NOT NULL DEFAULT now(), reason text NOT NULL);
