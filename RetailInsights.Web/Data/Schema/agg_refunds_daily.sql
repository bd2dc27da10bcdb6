-- Refunds by day, store, product and reason (see Warehouse/SummaryTables.cs).
CREATE TABLE agg_refunds_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
    reason text NOT NULL, refunds bigint NOT NULL, quantity bigint NOT NULL, amount numeric(18,3) NOT NULL,
    PRIMARY KEY (date_key, store_id, product_id, retailer_id, reason));
