-- Sales by day and store, with the day's customers (see Warehouse/SummaryTables.cs).
-- customer_ids_binary holds the set as the binary protocol carries it (see CustomerIdSet): stored ready, it is copied
-- out on every read instead of written id by id; uncompressed, since compressing saves little and costs every read.
CREATE TABLE agg_store_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL,
    lines bigint NOT NULL, quantity bigint NOT NULL, gross numeric(18,3) NOT NULL, invoices bigint NOT NULL,
    customer_ids integer[] NOT NULL,
    customer_ids_binary bytea GENERATED ALWAYS AS (ri_ids_binary(customer_ids)) STORED,
    PRIMARY KEY (date_key, store_id, retailer_id));
ALTER TABLE agg_store_daily ALTER COLUMN customer_ids_binary SET STORAGE EXTERNAL;
