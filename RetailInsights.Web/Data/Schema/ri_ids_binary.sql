-- A customer set as the binary protocol carries it (see CustomerIdSet), for the generated customer_ids_binary columns.
-- It only wraps array_send, which PostgreSQL marks stable because some element types' output depends on settings; an
-- integer's never does, so it is immutable.
CREATE FUNCTION ri_ids_binary(ids int[]) RETURNS bytea LANGUAGE sql IMMUTABLE PARALLEL SAFE AS 'SELECT array_send(ids)';
