-- Sales by day, store and product (see Warehouse/SummaryTables.cs).
CREATE TABLE agg_sales_daily (
    date_key integer NOT NULL, store_id integer NOT NULL, product_id integer NOT NULL, retailer_id integer NOT NULL,
    lines bigint NOT NULL, quantity bigint NOT NULL, gross numeric(18,3) NOT NULL,
    PRIMARY KEY (date_key, store_id, product_id, retailer_id));
