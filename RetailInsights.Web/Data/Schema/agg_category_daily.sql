-- Sales by day, store and category, with the customers (see Warehouse/SummaryTables.cs and agg_store_daily.sql).
CREATE TABLE agg_category_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL, category text NOT NULL,
    lines bigint NOT NULL, gross numeric(18,3) NOT NULL, invoices bigint NOT NULL, customer_ids integer[] NOT NULL,
    customer_ids_binary bytea GENERATED ALWAYS AS (ri_ids_binary(customer_ids)) STORED,
    PRIMARY KEY (date_key, store_id, retailer_id, category));
ALTER TABLE agg_category_daily ALTER COLUMN customer_ids_binary SET STORAGE EXTERNAL;
