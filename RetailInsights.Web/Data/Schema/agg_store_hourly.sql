-- Invoices and revenue by day, store and hour of day (see Warehouse/SummaryTables.cs).
CREATE TABLE agg_store_hourly (
    date_key integer NOT NULL, store_id integer NOT NULL, retailer_id integer NOT NULL, hour smallint NOT NULL,
    invoices bigint NOT NULL, gross numeric(18,3) NOT NULL,
    PRIMARY KEY (date_key, store_id, retailer_id, hour));
